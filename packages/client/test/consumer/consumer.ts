// A TypeScript app of a client team, compiled with strict tsc against the installed declarations.
import {
  type CallOptions,
  createKonaplateClient,
  type DataOf,
  isKonaplateError,
  type KonaplateClientConfig,
  KonaplateContractError,
  type KonaplateEvents,
} from '@konaplate-contract/client';
import { type SignedHeaders, signHeaders } from '@konaplate-contract/client/tools';

const config: KonaplateClientConfig = {
  baseUrl: 'http://127.0.0.1:4010',
  aspId: 'KMASP0000000001',
  accessKey: 'sandbox-access-key-not-a-real-key-000001',
  secretKey: async () => 'sandbox-secret',
  validateResponse: 'strict',
  deadlineMs: 8000,
  hooks: { onContractDrift: (event: KonaplateEvents['contractDrift']) => console.warn(event.drift) },
};
const konaplate = createKonaplateClient(config);

export async function lookUp(cardNo: string, signal: AbortSignal): Promise<string> {
  const options: CallOptions = { signal, retry: false, validateResponse: 'tolerant' };
  const { data, error, correlationId, attempts } = await konaplate.inquireCardVirtualAccount({ cardNo }, options);
  console.log(correlationId, attempts);
  if (error) {
    if (error.kind === 'transport' && error.reason === 'dns') return `no such host (${error.correlationIds.length})`;
    if (isKonaplateError(error, '003_067')) return `none (${error.code})`;
    if (error instanceof KonaplateContractError) return `contract: ${error.field} ${error.rule}`;
    // @ts-expect-error the virtual account inquiry never returns this code
    if (isKonaplateError(error, '003_P01')) return 'impossible';
    return error.kind;
  }
  const account: DataOf<'inquireCardVirtualAccount'> = data;
  return `${account.bankCode} ${account.accountNo}`;
}

export async function card(): Promise<number> {
  const info = await konaplate.orThrow.inquireUnregisteredCard({
    cardNo: '9491230000000033',
    expiryDate: '3108',
    cardCVC: '123',
  });
  // @ts-expect-error a field the spec does not have does not compile
  info.cardDataInfo.nickname;
  return info.cardDataInfo.balance;
}

export const headers: Promise<SignedHeaders> = signHeaders(
  { aspId: 'KMASP0000000001', accessKey: 'a'.repeat(40), secretKey: 's' },
  '{}',
);

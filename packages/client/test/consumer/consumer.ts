// A TypeScript app of a client team, compiled with strict tsc against the installed declarations.
import {
  createKonaplateClient,
  type DataOf,
  isKonaplateError,
  type KonaplateClientConfig,
  KonaplateContractError,
} from '@konaplate-contract/client';

const config: KonaplateClientConfig = {
  baseUrl: 'http://127.0.0.1:4010',
  aspId: 'KMASP0000000001',
  accessKey: 'sandbox-access-key-not-a-real-key-000001',
  secretKey: 'sandbox-secret',
  validateResponses: true,
};
const konaplate = createKonaplateClient(config);

export async function lookUp(cardNo: string): Promise<string> {
  const { data, error } = await konaplate.inquireCardVirtualAccount({ cardNo });
  if (error) {
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

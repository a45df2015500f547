// Type tests: checked by `pnpm typecheck` (tsc over this file). An unused
// expect-error directive fails it, so each marked line must really not compile.
import { expectTypeOf, it } from 'vitest';
import {
  type ErrorCode,
  isKonaplateError,
  type KonaplateClient,
  type KonaplateClientError,
  type UnregisteredCardInfo,
  type VirtualAccountInfo,
} from '../src/index.ts';

declare const client: KonaplateClient;

// Never called: only compiled.
async function typeChecks() {
  const va = await client.inquireCardVirtualAccount({ cardNo: '9491230000000017' });
  if (va.error) {
    expectTypeOf(va.error).toEqualTypeOf<KonaplateClientError>();
    if (isKonaplateError(va.error, '003_067')) expectTypeOf(va.error.code).toEqualTypeOf<'003_067'>();
    // @ts-expect-error an unknown error code does not compile
    isKonaplateError(va.error, '003_999');
    // @ts-expect-error the success code is not an error code
    isKonaplateError(va.error, '000_000');
  } else {
    expectTypeOf(va.data).toEqualTypeOf<VirtualAccountInfo>();
    expectTypeOf(va.data.connectType).toEqualTypeOf<'FIXATION' | 'ROTATION'>();
    expectTypeOf(va.data.response.code).toEqualTypeOf<string>();
  }
  const card = await client.orThrow.inquireUnregisteredCard({
    cardNo: '9491230000000017',
    expiryDate: '3108',
    cardCVC: '123',
  });
  expectTypeOf(card).toEqualTypeOf<UnregisteredCardInfo>();
  expectTypeOf(card.cardDataInfo.balance).toEqualTypeOf<number>();
  expectTypeOf(card.cardDataInfo.cardPointInfo).toEqualTypeOf<
    Array<{ pointPolicyId: string; pointName: string; remainingPoint?: number; autoUse?: boolean }> | undefined
  >();
  // @ts-expect-error a wrong field type does not compile
  await client.inquireCardVirtualAccount({ cardNo: 94912300 });
  // @ts-expect-error a missing required field does not compile
  await client.inquireUnregisteredCard({ cardNo: '9491230000000017', expiryDate: '3108' });
  expectTypeOf<ErrorCode>().toEqualTypeOf<'000_002' | '000_003' | '003_029' | '003_067' | '000_P01' | '003_P01'>();
}

it('compiles (the checks are type-level)', () => {
  expectTypeOf(typeChecks).toBeFunction();
});

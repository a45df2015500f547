// Type tests: checked by `pnpm typecheck` (tsc over this file). An unused
// expect-error directive fails it, so each marked line must really not compile.
import { expectTypeOf, it } from 'vitest';
import {
  type DataOf,
  type ErrorCode,
  type ErrorCodeOf,
  isKonaplateError,
  type KonaplateClient,
  type KonaplateFailure,
  type RequestOf,
} from '../src/index.ts';
import type { UnregisteredCode } from '../src/tools.ts';

declare const client: KonaplateClient;

// Never called: only compiled.
async function typeChecks() {
  const va = await client.inquireCardVirtualAccount({ cardNo: '9491230000000017' });
  if (va.error) {
    expectTypeOf(va.error).toEqualTypeOf<KonaplateFailure<'inquireCardVirtualAccount'>>();
    if (isKonaplateError(va.error, '003_067')) expectTypeOf(va.error.code).toEqualTypeOf<'003_067'>();
    if (va.error.kind === 'platform') {
      expectTypeOf(va.error.code).toEqualTypeOf<ErrorCodeOf<'inquireCardVirtualAccount'> | UnregisteredCode>();
      expectTypeOf(va.error.statusMismatch).toEqualTypeOf<boolean>();
    }
    if (va.error.kind === 'contract') expectTypeOf(va.error.field).toEqualTypeOf<string>();
    // @ts-expect-error an unknown error code does not compile
    isKonaplateError(va.error, '003_999');
    // @ts-expect-error the success code is not an error code
    isKonaplateError(va.error, '000_000');
  } else {
    expectTypeOf(va.data).toEqualTypeOf<DataOf<'inquireCardVirtualAccount'>>();
    expectTypeOf(va.data.connectType).toEqualTypeOf<'FIXATION' | 'ROTATION'>();
    expectTypeOf(va.data.response.code).toEqualTypeOf<string>();
  }
  const unregistered = await client.inquireUnregisteredCard({
    cardNo: '9491230000000017',
    expiryDate: '3108',
    cardCVC: '123',
  });
  // @ts-expect-error the card inquiry never returns 003_067 (the registry lists it for the virtual account only)
  isKonaplateError(unregistered.error, '003_067');
  isKonaplateError(unregistered.error, '003_P01');
  // In a catch block (unknown), every registered error code is accepted.
  const caught: unknown = unregistered.error;
  if (isKonaplateError(caught, '003_067')) expectTypeOf(caught.code).toEqualTypeOf<'003_067'>();
  const card = await client.orThrow.inquireUnregisteredCard({
    cardNo: '9491230000000017',
    expiryDate: '3108',
    cardCVC: '123',
  });
  expectTypeOf(card).toEqualTypeOf<DataOf<'inquireUnregisteredCard'>>();
  expectTypeOf(card.cardDataInfo.balance).toEqualTypeOf<number>();
  expectTypeOf(card.cardDataInfo.cardPointInfo).toEqualTypeOf<
    Array<{ pointPolicyId: string; pointName: string; remainingPoint?: number; autoUse?: boolean }> | undefined
  >();
  expectTypeOf<RequestOf<'inquireCardVirtualAccount'>>().toEqualTypeOf<{ cardNo: string }>();
  // The generic form takes the operation ID and types body and result alike.
  const generic = await client.call('inquireCardVirtualAccount', { cardNo: '9491230000000017' });
  expectTypeOf(generic).toEqualTypeOf<typeof va>();
  // @ts-expect-error an operation the spec does not have does not compile
  await client.call('inquireEverything', {});
  // @ts-expect-error a wrong field type does not compile
  await client.inquireCardVirtualAccount({ cardNo: 94912300 });
  // @ts-expect-error a missing required field does not compile
  await client.inquireUnregisteredCard({ cardNo: '9491230000000017', expiryDate: '3108' });
  // @ts-expect-error the encrypted wire form is the client's business, not the caller's
  await client.inquireCardVirtualAccount({ encData: 'a.b.c.d.e' });
  expectTypeOf<ErrorCode>().toEqualTypeOf<
    '000_002' | '000_003' | '003_029' | '003_067' | '000_P01' | '003_P01' | '000_P02'
  >();
  expectTypeOf<ErrorCodeOf<'inquireUnregisteredCard'>>().toEqualTypeOf<
    '000_002' | '000_003' | '003_029' | '000_P01' | '003_P01' | '000_P02'
  >();
}

it('compiles (the checks are type-level)', () => {
  expectTypeOf(typeChecks).toBeFunction();
});

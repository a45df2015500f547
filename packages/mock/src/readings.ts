// Facts of the contract the mock's programmatic API has always offered, now asked of
// @konaplate-contract/contract (the one reader of the spec). New code should ask that package directly.
import { headerName, utcOffsets } from '@konaplate-contract/contract';
import type { Contract } from './contract.ts';

/** The headers the mock reads or writes itself, named by what fills them. */
export interface HeaderNames {
  timeZone: string;
  cryptoKeyId: string;
  correlationId: string;
  tranTime: string;
  tranToken: string;
}

/** The names of the headers the mock works with; a spec without one of them is a SpecError naming it. */
export function headerNamesOf(contract: Contract): HeaderNames {
  const name = (source: keyof HeaderNames) => headerName(contract.spec, source);
  return {
    timeZone: name('timeZone'),
    cryptoKeyId: name('cryptoKeyId'),
    correlationId: name('correlationId'),
    tranTime: name('tranTime'),
    tranToken: name('tranToken'),
  };
}

/** The zones the spec lets the mock read X-KM-Tran-Time in, with their offsets from UTC in minutes. */
export const utcOffsetsOf = (contract: Contract): Record<string, number> => utcOffsets(contract.spec);

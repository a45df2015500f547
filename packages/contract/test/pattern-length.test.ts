import { describe, expect, it } from 'vitest';
import { fixedLengthOfPattern } from '../src/pattern-length.ts';

describe('fixedLengthOfPattern', () => {
  it.each([
    ['^[0-9]{16}$', 16],
    ['^[!-~]{15}$', 15],
    ['^Q1[0-9A-F]{25}$', 27],
    ['^[0-9]{3}_([0-9]{3}|P[0-9]{2})$', 7],
    ['^[0-9]{2}(0[1-9]|1[0-2])$', 4],
    [
      '^KMV1:[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9][0-9]{3}:[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$',
      67,
    ],
    ['^a\\.b$', 3],
    ['^[\\]a]{2}$', 2],
  ])('%s is always %i long', (pattern, length) => {
    expect(fixedLengthOfPattern(pattern)).toBe(length);
  });

  it.each([['^[0-9]{1,20}$'], ['^https?://'], ['^[A-Z]+$'], ['^(ab|c)$'], ['[0-9]{4}'], ['^a?$']])(
    '%s has no one length',
    (pattern) => {
      expect(fixedLengthOfPattern(pattern)).toBeNull();
    },
  );
});

import { describe, expect, it } from 'vitest';
import { lintWith, type RuleName } from '../src/lint.ts';

export { lintWith, type RuleName };

import { validDocument } from './fixture.ts';

type Doc = ReturnType<typeof validDocument>;

interface InvalidCase {
  /** Makes the valid fixture break the rule once. */
  mutate: (doc: Doc) => void;
  /** Where the finding points, and a part of its message. */
  expect: Array<{ path: string; message: RegExp }>;
}

/** The standard test of a rule: the valid fixture passes, and each named mutation gives exactly the expected errors. */
export function describeRule(rule: RuleName, invalid: Record<string, InvalidCase>): void {
  describe(rule, () => {
    it('valid case: the fixture passes', async () => {
      expect(await lintWith(rule, validDocument())).toEqual([]);
    });
    it('has invalid cases', () => {
      expect(Object.keys(invalid).length).toBeGreaterThan(0);
    });
    it.each(Object.entries(invalid))('invalid case: %s', async (_, { mutate, expect: expected }) => {
      const doc = validDocument();
      mutate(doc);
      const findings = await lintWith(rule, doc);
      expect(findings).toEqual(
        expected.map((e) => ({
          code: rule,
          severity: 'error',
          path: e.path,
          message: expect.stringMatching(e.message),
        })),
      );
    });
  });
}

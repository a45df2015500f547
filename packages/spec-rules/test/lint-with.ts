import { Document, Spectral } from '@stoplight/spectral-core';
import * as Parsers from '@stoplight/spectral-parsers';
import { describe, expect, it } from 'vitest';
import { konaRules } from '../src/rules.ts';
import { validDocument } from './fixture.ts';

export type RuleName = keyof typeof konaRules & string;
type Doc = ReturnType<typeof validDocument>;

export interface Finding {
  code: string;
  path: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
}

const severities = ['error', 'warning', 'info', 'hint'] as const;

/** Lints `doc` with only `rule` switched on (Spectral's JS API, as the CLI runs it). */
export async function lintWith(rule: RuleName, doc: unknown): Promise<Finding[]> {
  const spectral = new Spectral();
  spectral.setRuleset({ rules: { [rule]: konaRules[rule] } } as never);
  const results = await spectral.run(new Document(JSON.stringify(doc, null, 2), Parsers.Json));
  return results.map((r) => ({
    code: String(r.code),
    path: r.path.join('.'),
    severity: severities[r.severity] ?? 'hint',
    message: r.message,
  }));
}

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

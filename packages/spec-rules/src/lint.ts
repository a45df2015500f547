// Lints a document with one kona-* rule switched on, through Spectral's JS API as the CLI runs it: for
// the rules' own tests and for tests elsewhere that show a rule catches what generation refuses.
import { Document, Spectral } from '@stoplight/spectral-core';
import * as Parsers from '@stoplight/spectral-parsers';
import { konaRules } from './rules.ts';

export type RuleName = keyof typeof konaRules & string;

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

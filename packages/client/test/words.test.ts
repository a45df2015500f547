// Patterns said in words, derived from the regular expression itself; the published bundle's table of
// the contract's patterns (scripts/build.ts) says the same as the describer.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { patternWords } from '../scripts/build.ts';
import { headerOf } from '../src/config.ts';
import { type FieldRule, requestRules, responseRules } from '../src/contract.ts';
import { patternInWords } from '../src/tools.ts';

const said: Array<[string, string | undefined]> = [
  ['^[0-9]{16}$', '16 digits'],
  ['^[0-9]{1,20}$', '1 to 20 digits'],
  ['^[0-9]{2,}$', 'at least 2 digits'],
  ['^[0-9]+$', 'one or more digits'],
  ['^[0-9]$', '1 digit'],
  ['^[0-9]{2}(0[1-9]|1[0-2])$', 'YYMM'],
  ['^[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])$', 'YYYYMMDD'],
  ['^[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]$', 'YYYYMMDDhhmmss'],
  [
    '^[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]-[0-9A-Fa-f]{7}$',
    "YYMMDDhhmmss then '-' then 7 hex digits",
  ],
  ['^[0-9]{3}(0[1-9]|1[0-2])$', '3 digits then MM'],
  ['^(0[1-9]|1[0-2])[0-9]{2}$', 'MM then 2 digits'],
  ['^[0-9][0-9]$', '1 digit then 1 digit'],
  ['^[A-Z]{3}$', '3 capital letters'],
  ['^[a-z]{2}$', '2 small letters'],
  ['^[A-Za-z]{1,8}$', '1 to 8 letters'],
  ['^[A-Za-z0-9]{6}$', '6 alphanumeric characters'],
  ['^[!-~]{15}$', '15 printable ASCII characters'],
  ['^Q1[0-9A-F]{25}$', "'Q1' then 25 capital hex digits"],
  ['^[^\\x00-\\x1F\\x7F]+$', 'one or more printable characters'],
  ['^\\+82-[0-9]{2}$', "'+82-' then 2 digits"],
  // What it cannot say: the message quotes the pattern instead.
  ['^https?://', undefined],
  ['[0-9]{16}', undefined],
  ['^a|b$', undefined],
  ['^[0-9]{3}_([0-9]{3}|P[0-9]{2})$', undefined],
  ['^(0[1-9]|1[0-5])$', undefined],
  ['^[AEIMQUY]$', undefined],
  [
    '^KMV1:[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9][0-9]{3}:[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$',
    undefined,
  ],
];

describe('patternInWords', () => {
  it('has cases', () => {
    expect(said.length).toBeGreaterThan(20);
  });

  it.each(said)('%s → %s', (pattern, words) => {
    expect(patternInWords(pattern)).toBe(words);
  });
});

describe('the bundle’s table of the contract’s patterns', () => {
  const patterns = new Set<string>();
  const walk = (rule: FieldRule) => {
    if (rule.pattern !== undefined) patterns.add(rule.pattern);
    for (const property of Object.values(rule.properties ?? {})) walk(property);
    if (rule.items) walk(rule.items);
  };
  // The headers whose value may come from a caller; the client computes the others, and never checks them.
  const given = (['aspId', 'accessKey', 'cryptoKeyId', 'correlationId'] as const).map(headerOf);
  for (const { body, headers } of Object.values(requestRules))
    [body, ...given.map((name) => headers[name] as FieldRule)].forEach(walk);
  Object.values(responseRules).forEach(walk);

  it('the contract has patterns, most of them said in words', () => {
    expect(patterns.size).toBeGreaterThan(10);
    const unsaid = [...patterns].filter((p) => patternInWords(p) === undefined);
    expect(unsaid.length).toBeLessThan(patterns.size / 3);
  });

  it('says what the describer says, for every one', async () => {
    const shapes = fileURLToPath(new URL('../src/shapes.ts', import.meta.url));
    const result = await build({
      entryPoints: [shapes],
      bundle: true,
      format: 'esm',
      write: false,
      plugins: [patternWords],
    });
    const text = result.outputFiles?.[0]?.text ?? '';
    expect(text).not.toContain('patternInWords');
    const { wordsOf } = (await import(`data:text/javascript,${encodeURIComponent(text)}`)) as {
      wordsOf: (pattern: string) => string | undefined;
    };
    for (const pattern of patterns) expect(wordsOf(pattern), pattern).toBe(patternInWords(pattern));
  });
});

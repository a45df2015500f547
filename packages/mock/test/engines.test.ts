// The package's engines against what it bundles (scripts/engines.ts, run by the build): Node ranges read
// as npm reads them, every bundled package's range admitting the mock's minimum unless waived with a reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enginesProblems, enginesWaived, minimumOf, satisfies } from '../scripts/engines.ts';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
};

describe('satisfies', () => {
  it.each([
    ['20.19.0', '>=20.19.0', true],
    ['20.18.9', '>=20.19.0', false],
    ['20.19.0', '>=24.18.0', false],
    ['20.19.0', '>= 20', true],
    ['20.19.0', '>=14.13', true],
    ['20.19.0', '^12.20 || >=14.13', true],
    ['20.19.0', '^12.20', false],
    ['20.19.0', '4.x || >=6.0.0', true],
    ['20.19.0', '>= 0.6', true],
    ['20.19.0', '>=18.0.0 <20', false],
    ['20.19.0', '>=18.0.0 <=20', true],
    ['20.19.0', '~20.18', false],
    ['20.19.0', '20.x', true],
    ['20.19.0', '*', true],
  ])('%s in %j: %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });
});

describe('enginesProblems', () => {
  it("the mock declares a minimum of the form >=x.y.z (the bundle's esbuild target)", () => {
    expect(minimumOf(manifest.engines.node)).toMatch(/^\d+\.\d+\.\d+$/);
    expect(() => minimumOf('^20')).toThrow('must be ">=x.y.z"');
  });

  it('a bundled package that needs a newer Node stops the build, named; one that admits the minimum does not', () => {
    const problems = enginesProblems(
      [
        { name: 'old-enough', version: '1.0.0', engines: { node: '>=14' } },
        { name: 'no-engines', version: '1.0.0' },
        { name: 'too-new', version: '2.0.0', engines: { node: '>=22.12.0' } },
      ],
      '>=20.19.0',
    );
    expect(problems).toEqual([
      "too-new@2.0.0 declares node >=22.12.0, which leaves out the mock's minimum 20.19.0 (engines >=20.19.0): raise the mock's engines, or bundle a version that runs there",
    ]);
  });

  it("Prism 5.16's own packages are waived, each with its reason; nothing else is", () => {
    expect(Object.keys(enginesWaived).sort()).toEqual(['@stoplight/prism-core', '@stoplight/prism-http']);
    for (const reason of Object.values(enginesWaived)) expect(reason).toMatch(/tool chain/);
    expect(
      enginesProblems(
        [{ name: '@stoplight/prism-http', version: '5.16.0', engines: { node: '>=24.18.0' } }],
        '>=20.19.0',
      ),
    ).toEqual([]);
  });
});

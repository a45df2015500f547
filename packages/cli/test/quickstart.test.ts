// The QA quick start in packages/mock/README.md: every scenario has a line, and
// every curl command those lines print, run with bash and curl against the
// strict mock, gets the scenario's expected status and code.
import { readFileSync } from 'node:fs';
import { quickStartEnd, quickStartStart, withQuickStart } from '@konaplate-contract/codegen';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bash, cli, closeAll, contract, repoRoot, SECRET, shellWords, startMock } from './support.ts';

const readme = readFileSync(`${repoRoot}packages/mock/README.md`, 'utf8');
const region = readme.slice(readme.indexOf(quickStartStart), readme.indexOf(quickStartEnd));
const rows = [...region.matchAll(/^\| `(\w+)` \| `([\w-]+)` \| [^|]+ \| (\d{3}) `(\w+)`[^|]* \| `([^`]+)` \|$/gm)].map(
  ([, operationId, scenario, status, code, line]) => ({
    operationId: operationId as string,
    scenario: scenario as string,
    status: Number(status),
    code: code as string,
    line: line as string,
  }),
);
const readmeUrl = 'http://127.0.0.1:4010';

let mock: string;
beforeAll(async () => {
  mock = await startMock({ secret: SECRET });
});
afterAll(closeAll);

describe('QA quick start', () => {
  it('has one line for every scenario of every operation, and the CLI commands', () => {
    const scenarios = contract.scenarios.operations.flatMap((op) =>
      op.scenarios.map((s) => `${op.operationId} ${s.example} ${s.status} ${s.code}`),
    );
    expect(rows.map((r) => `${r.operationId} ${r.scenario} ${r.status} ${r.code}`)).toEqual(scenarios);
    for (const command of ['konaplate sign --body', 'konaplate sign --curl', 'konaplate call', 'konaplate conformance'])
      expect(region).toContain(command);
  });

  it('has rows to run (read from the mock README)', () => {
    expect(rows.length).toBeGreaterThan(0);
  });

  it.each(rows)(
    '$operationId $scenario: the printed curl line gets $status $code from the strict mock',
    async (row) => {
      const words = await shellWords(row.line);
      expect(words.slice(0, 4)).toEqual(['pnpm', '-s', 'konaplate', 'sign']);
      const args = words.slice(3).map((w) => (w === readmeUrl ? mock : w));
      const { code, out } = await cli(args, { KONAPLATE_SECRET_KEY: SECRET });
      expect(code).toBe(0);
      expect(out.trimEnd().split('\n')).toHaveLength(1);
      expect(out).toMatch(/^curl /);
      const [body, status] = (await bash(`${out.trimEnd()} -w '\\n%{http_code}'`)).split('\n');
      expect(Number(status)).toBe(row.status);
      const answer = JSON.parse(body ?? '');
      if (answer.encData !== undefined) {
        // The encrypted scenario: the mock without keys answers the spec's encrypted example.
        expect(answer.encData.split('.')).toHaveLength(5);
        expect(row.code).toBe('000_000');
      } else {
        expect(answer.response.code).toBe(row.code);
      }
    },
  );

  it('a line works as printed in the README, from the repository root, with `| bash`', async () => {
    const row = rows.find((r) => r.code === '003_029') ?? rows[0];
    const answer = await bash(`${row?.line.replace(readmeUrl, mock)} | bash`, { KONAPLATE_SECRET_KEY: SECRET });
    expect(JSON.parse(answer).response.code).toBe(row?.code);
  }, 60_000);

  it('regenerating refuses a README without the markers, naming them', () => {
    expect(() => withQuickStart('# mock\n', 'x')).toThrow(/needs the markers <!-- qa-quick-start:start -->/);
    expect(withQuickStart(`a\n${quickStartStart}\nold\n${quickStartEnd}\nb`, 'new')).toBe(
      `a\n${quickStartStart}\nnew\n${quickStartEnd}\nb`,
    );
  });
});

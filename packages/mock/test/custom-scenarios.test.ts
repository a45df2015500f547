// QA's own scenarios (`--scenarios FILE`): the file checked against the contract (every problem one line
// naming the scenario), the scenarios served before the spec's on the real server, and the command line:
// a bad file stops the start (exit 2), an edit is reloaded (waiting for the reload's log line), a bad edit
// keeps the previous scenarios and says why, and two workers both take a reload.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registryOf } from '@konaplate-contract/contract';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { run } from '../src/cli.ts';
import { checkScenarios, type ScenarioContext, scenarioContextOf } from '../src/custom-scenarios.ts';
import { inProcessCluster, runToEnd, serveHere, session, stopServers } from './cli-support.ts';
import { contract, exampleValue, post, rowsOf, startMock, VA, validBodies } from './support.ts';

afterEach(stopServers);

const registry = registryOf(contract.spec);
const notFoundAccount = {
  response: { code: '003_067', message: registry['003_067']?.message, description: registry['003_067']?.description },
};
const success = exampleValue(VA, '200', 'success') as Record<string, unknown>;
/** A success answer of our own: the spec's, with another account number. */
const mySuccess = { ...success, accountNo: '56209999999999' };
const card = '1111222233334444';

let dir: string;
let context: ScenarioContext;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'konaplate-mock-scenarios-'));
  context = await scenarioContextOf(contract);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const yaml = (scenarios: unknown[]) => stringify({ scenarios });
const check = (scenarios: unknown[], file = 'qa.yaml') => checkScenarios(yaml(scenarios), file, context);

describe('checking a file against the contract', () => {
  it('a named example of the operation, and an inline answer that keeps the contract', () => {
    const checked = check([
      {
        operationId: 'inquireCardVirtualAccount',
        when: { body: { cardNo: card } },
        example: 'virtual-account-not-found',
      },
      {
        operationId: 'inquireCardVirtualAccount',
        name: 'my-account',
        when: { body: { cardNo: '2222333344445555' } },
        answer: { status: 200, body: mySuccess },
      },
    ]);
    expect(checked).toEqual({
      scenarios: [
        {
          index: 1,
          operationId: 'inquireCardVirtualAccount',
          when: { cardNo: card },
          name: 'virtual-account-not-found',
          answer: { example: 'virtual-account-not-found' },
        },
        {
          index: 2,
          operationId: 'inquireCardVirtualAccount',
          when: { cardNo: '2222333344445555' },
          name: 'my-account',
          answer: { inline: { status: 200, code: '000_000', body: JSON.stringify(mySuccess), json: mySuccess } },
        },
      ],
    });
  });

  it("the README's example file is accepted as it is written", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Scenarios of your own (`--scenarios`)'));
    const file = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(file).toBeDefined();
    const checked = checkScenarios(file as string, 'qa.yaml', context);
    expect(checked).toMatchObject({ scenarios: [{ name: 'virtual-account-not-found' }, { name: 'closed-account' }] });
  });

  it('JSON as well as YAML; an empty list is no scenario', () => {
    const json = JSON.stringify({
      scenarios: [{ operationId: 'inquireCardVirtualAccount', when: { body: { cardNo: card } }, example: 'success' }],
    });
    expect(checkScenarios(json, 'qa.json', context)).toMatchObject({ scenarios: [{ name: 'success' }] });
    expect(checkScenarios('scenarios: []\n', 'qa.yaml', context)).toEqual({ scenarios: [] });
  });

  const va = 'inquireCardVirtualAccount';
  const when = { body: { cardNo: card } };
  const problems: Array<[string, unknown[], string]> = [
    [
      'an unknown operation',
      [{ operationId: 'inquireNothing', when, example: 'success' }],
      'qa.yaml: scenario 1 (inquireNothing): unknown operation "inquireNothing"; operations: inquireUnregisteredCard, inquireCardVirtualAccount',
    ],
    [
      'an example the operation does not have',
      [
        { operationId: va, when, example: 'success' },
        { operationId: va, when, example: 'card-already-registered' },
      ],
      `qa.yaml: scenario 2 (${va}): ${va} has no example "card-already-registered"; examples: `,
    ],
    [
      'an unknown key',
      [{ operationId: va, when, example: 'success', status: 200 }],
      `qa.yaml: scenario 1 (${va}): unknown key status (a scenario has operationId, when, example, answer, name)`,
    ],
    [
      'both an example and an answer',
      [{ operationId: va, when, example: 'success', answer: { status: 200, body: mySuccess } }],
      `qa.yaml: scenario 1 (${va}): give either example (a named example of the operation) or answer ({status, body})`,
    ],
    [
      'a field the request does not have',
      [{ operationId: va, when: { body: { cardNumber: card } }, example: 'success' }],
      `qa.yaml: scenario 1 (${va}): when.body.cardNumber: the request has no field cardNumber; fields: cardNo, encData`,
    ],
    [
      'a card number YAML reads as a number',
      [{ operationId: va, when: { body: { cardNo: 1111222233334444 } }, example: 'success' }],
      `qa.yaml: scenario 1 (${va}): when.body.cardNo: cardNo is a string in the contract: quote the value`,
    ],
    [
      'no when',
      [{ operationId: va, example: 'success' }],
      `qa.yaml: scenario 1 (${va}): when must be {body: {<field>: <value>, ...}}`,
    ],
    [
      'a status the operation does not document',
      [{ operationId: va, when, answer: { status: 404, body: notFoundAccount } }],
      `qa.yaml: scenario 1 (${va}): answer: ${va} documents no 404 answer; statuses: 200, 400, 503`,
    ],
    [
      'an answer that breaks the response schema',
      [{ operationId: va, when, answer: { status: 400, body: { response: { code: '003_067' } } } }],
      `qa.yaml: scenario 1 (${va}): answer: body.response must have required property 'message'`,
    ],
    [
      'a success answer without a required field',
      [{ operationId: va, when, answer: { status: 200, body: { ...mySuccess, accountNo: undefined } } }],
      `qa.yaml: scenario 1 (${va}): answer: body must have required property 'accountNo'`,
    ],
    [
      'a code the registry does not have',
      [
        {
          operationId: va,
          when,
          answer: { status: 400, body: { response: { ...notFoundAccount.response, code: '003_999' } } },
        },
      ],
      `qa.yaml: scenario 1 (${va}): answer: result code "003_999" is not in the error registry`,
    ],
    [
      'a code of another HTTP status',
      [{ operationId: va, when, answer: { status: 200, body: { ...mySuccess, response: notFoundAccount.response } } }],
      `qa.yaml: scenario 1 (${va}): answer: result code 003_067 is HTTP 400 in the registry, not 200`,
    ],
    [
      "a message that is not the code's",
      [
        {
          operationId: va,
          when,
          answer: { status: 400, body: { response: { ...notFoundAccount.response, message: 'Gone.' } } },
        },
      ],
      `qa.yaml: scenario 1 (${va}): answer: response.message "Gone." is not 003_067's`,
    ],
  ];
  it.each(rowsOf(problems, 'the problems'))(
    '%s: one line naming the scenario and the problem',
    (_, scenarios, line) => {
      const checked = check(scenarios);
      expect(checked).toHaveProperty('error');
      const error = (checked as { error: string }).error;
      expect(error.startsWith(line)).toBe(true);
      expect(error).not.toContain('\n');
    },
  );

  it.each([
    ['not YAML', 'scenarios: [\n', 'qa.yaml: it is not YAML: '],
    ['not a list', 'scenarios: 3\n', 'qa.yaml: the file must be a mapping with a list under scenarios:'],
    ['not a mapping', 'scenarios:\n  - 7\n', 'qa.yaml: scenario 1: a scenario must be a mapping'],
  ])('a file that is %s: one line', (_, text, line) => {
    const checked = checkScenarios(text, 'qa.yaml', context) as { error: string };
    expect(checked.error.startsWith(line)).toBe(true);
  });
});

describe('served before the spec', () => {
  let mock: Awaited<ReturnType<typeof startMock>>;
  beforeAll(async () => {
    mock = await startMock();
    const checked = check([
      {
        operationId: 'inquireCardVirtualAccount',
        when: { body: { cardNo: card } },
        example: 'virtual-account-not-found',
      },
      // The spec's card-not-found card, answered otherwise: the file's scenario wins.
      {
        operationId: 'inquireCardVirtualAccount',
        when: { body: { cardNo: '9491239999999991' } },
        example: 'inactive-account',
      },
      {
        operationId: 'inquireCardVirtualAccount',
        name: 'my-account',
        when: { body: { cardNo: '2222333344445555' } },
        answer: { status: 200, body: mySuccess },
      },
    ]);
    if ('error' in checked) throw new Error(checked.error);
    mock.engine.setScenarios(checked.scenarios);
  });
  afterAll(() => mock.close());

  it('a named example, by the card the file names', async () => {
    const answer = await post(mock.url, VA, { cardNo: card });
    expect([answer.status, answer.headers.get('x-konaplate-mock-scenario'), answer.json]).toEqual([
      400,
      'virtual-account-not-found',
      exampleValue(VA, '400', 'virtual-account-not-found'),
    ]);
  });

  it("the file's scenario before the spec's for the same card", async () => {
    const answer = await post(mock.url, VA, { cardNo: '9491239999999991' });
    expect([answer.status, answer.headers.get('x-konaplate-mock-scenario')]).toEqual([200, 'inactive-account']);
  });

  it('an inline answer, as written, named; the log and the journal say it is the file’s', async () => {
    const answer = await post(mock.url, VA, { cardNo: '2222333344445555' });
    expect([answer.status, answer.headers.get('x-konaplate-mock-scenario'), answer.json]).toEqual([
      200,
      'my-account',
      mySuccess,
    ]);
    expect(mock.logs.at(-1)).toMatch(/ 200 custom my-account /);
    const journal = (await (await fetch(new URL('/__konaplate/requests?limit=1', mock.url))).json()) as {
      requests: Array<{ scenario: string; code: string }>;
    };
    expect(journal.requests[0]).toMatchObject({ scenario: 'custom my-account', code: '000_000' });
  });

  it('any other card is the spec’s as before; a missing header is still refused first', async () => {
    expect((await post(mock.url, VA, validBodies[VA])).headers.get('x-konaplate-mock-scenario')).toBe('success');
    const refused = await post(mock.url, VA, { cardNo: card }, { 'x-km-time-zone': undefined });
    expect([refused.status, refused.json.response?.code]).toEqual([400, '000_003']);
  });
});

describe('--scenarios on the command line', () => {
  const write = (name: string, scenarios: unknown[]) => {
    const file = join(dir, name);
    writeFileSync(file, yaml(scenarios));
    return file;
  };
  const toNotFound = (cardNo: string) => ({
    operationId: 'inquireCardVirtualAccount',
    when: { body: { cardNo } },
    example: 'virtual-account-not-found',
  });

  it('a file that breaks the contract stops the start: one line naming the scenario, exit 2', async () => {
    const file = write('bad.yaml', [toNotFound(card), { ...toNotFound(card), example: 'nope' }]);
    const { code, out, err } = await runToEnd(['--port', '0', '--scenarios', file]);
    expect([code, out]).toEqual([2, '']);
    expect(err).toMatch(
      new RegExp(
        `^konaplate-mock: --scenarios: ${file.replace(/[.]/g, '\\.')}: scenario 2 \\(inquireCardVirtualAccount\\): inquireCardVirtualAccount has no example "nope"; examples: [^\\n]+\\n$`,
      ),
    );
  });

  it('a file that is not there: one line, exit 2', async () => {
    const { code, err } = await runToEnd(['--port', '0', '--scenarios', join(dir, 'absent.yaml')]);
    expect(code).toBe(2);
    expect(err).toBe(`konaplate-mock: --scenarios: ${join(dir, 'absent.yaml')}: cannot read it (ENOENT)\n`);
  });

  it('served from the start; an edit is reloaded; a bad edit keeps the scenarios and says why', async () => {
    const file = write('live.yaml', [toNotFound(card)]);
    const { url, out, until } = await serveHere(['--quiet', '--scenarios', file]);
    expect(out()).toContain(`Scenarios file ${file}: 1 scenario (inquireCardVirtualAccount), before the spec's`);
    expect((await post(url, VA, { cardNo: card })).status).toBe(400);

    write('live.yaml', [toNotFound('2222333344445555')]);
    await until(/scenarios reloaded from \S+: 1 scenario \(inquireCardVirtualAccount\)\n/);
    expect((await post(url, VA, { cardNo: card })).status).toBe(200);
    expect((await post(url, VA, { cardNo: '2222333344445555' })).status).toBe(400);

    write('live.yaml', [{ ...toNotFound(card), operationId: 'inquireNothing' }]);
    const [kept] = await until(/scenarios not reloaded: [^\n]+\n/);
    expect(kept).toMatch(
      /^scenarios not reloaded: \S+live\.yaml: scenario 1 \(inquireNothing\): unknown operation "inquireNothing"; [^\n]*; keeping the previous 1 scenario \(inquireCardVirtualAccount\)\n$/,
    );
    expect((await post(url, VA, { cardNo: '2222333344445555' })).status).toBe(400);
  });

  it('two workers: the primary checks the edit, both workers take it before the reload is announced', async () => {
    const file = write('cluster.yaml', [toNotFound(card)]);
    const argv = ['--port', '0', '--workers', '2', '--quiet', '--scenarios', file];
    const primary = session();
    const { cluster, forked, urls } = inProcessCluster(argv, primary);
    const exit = run(argv, { ...primary.io, cluster });
    await primary.until(/Ctrl-C stops\.\n/);
    try {
      expect(urls).toHaveLength(2);
      for (const base of urls) expect((await post(base, VA, { cardNo: card })).status).toBe(400);
      write('cluster.yaml', [toNotFound('2222333344445555')]);
      await primary.until(/scenarios reloaded from /);
      for (const base of urls) {
        expect((await post(base, VA, { cardNo: card })).status).toBe(200);
        expect((await post(base, VA, { cardNo: '2222333344445555' })).status).toBe(400);
      }
      write('cluster.yaml', [{ ...toNotFound(card), example: 'nope' }]);
      await primary.until(/scenarios not reloaded: .*cluster\.yaml: scenario 1 \(inquireCardVirtualAccount\)/);
      for (const base of urls) expect((await post(base, VA, { cardNo: '2222333344445555' })).status).toBe(400);
      // A bad file at the start: the primary says it once, before any worker starts.
      const bad = write('cluster-bad.yaml', [{ ...toNotFound(card), example: 'nope' }]);
      const badArgv = ['--port', '0', '--workers', '2', '--scenarios', bad];
      const other = session();
      const second = inProcessCluster(badArgv, other);
      expect(await run(badArgv, { ...other.io, cluster: second.cluster })).toBe(2);
      expect(second.forked).toHaveLength(0);
      expect(other.err()).toMatch(/^konaplate-mock: --scenarios: .*cluster-bad\.yaml: scenario 1 /);
    } finally {
      primary.stop();
      expect(await exit).toBe(0);
      expect(await Promise.all(forked)).toEqual([0, 0]);
    }
  });
});

// Prism's request options on the real server: `Prefer: code=…, example=…`
// (either, both, quoted, `;`-separated), `dynamic`, `seed`, the `__code`-style
// query form, and the answer to a choice the operation does not have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePrefer, readPreferences } from '../src/prefer.ts';
import { contract, exampleValue, post, rowsOf, startMock, validBodies } from './support.ts';

let mock: Awaited<ReturnType<typeof startMock>>;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

// Every operation with its examples grouped by status, in the spec's order, from the scenario table.
const operations = rowsOf(contract.scenarios.operations, "the scenario table's operations").map((op) => {
  const byStatus = new Map<number, string[]>();
  for (const s of [...op.scenarios, ...(op.fault ? [op.fault] : [])])
    byStatus.set(s.status, [...(byStatus.get(s.status) ?? []), s.example]);
  return { ...op, byStatus };
});
const every = rowsOf(
  operations.flatMap((op) =>
    op.scenarios.map((s) => ({ operationId: op.operationId, path: op.path, example: s.example, status: s.status })),
  ),
  'the scenarios',
);
const statuses = rowsOf(
  operations.flatMap((op) =>
    [...op.byStatus].map(([status, examples]) => ({ operationId: op.operationId, path: op.path, status, examples })),
  ),
  'the statuses',
);
/** The scenarios answered with an error status. */
const refusals = rowsOf(
  every.filter((s) => s.status !== 200),
  'the error scenarios',
);
const opOf = (operationId: string) => operations.find((o) => o.operationId === operationId) as (typeof operations)[0];

/** The answer must be exactly the named example: status, scenario header and body. */
function expectExample(answer: Awaited<ReturnType<typeof post>>, s: { path: string; status: number; example: string }) {
  expect(answer.headers.get('x-konaplate-mock-scenario')).toBe(s.example);
  expect(answer.status).toBe(s.status);
  expect(answer.json).toEqual(exampleValue(s.path, String(s.status), s.example));
  expect(answer.headers.get('x-konaplate-mock-reason')).toBeNull();
}

/** A refused choice: 400 000_002 naming the option, and the reason. */
async function refused(path: string, extra: Record<string, string>, field = 'Prefer', query = '') {
  const answer = await post(mock.url, `${path}${query}`, validBodies[path], extra);
  expect(answer.status).toBe(400);
  expect(answer.json.response?.code).toBe('000_002');
  expect(answer.json.response?.message).toBe(`Invalid input parameter. ${field}`);
  return answer.headers.get('x-konaplate-mock-reason') ?? '';
}

describe('Prefer: code and example together', () => {
  it.each(every)('$operationId: code=$status, example=$example answers that example', async (s) => {
    expectExample(
      await post(mock.url, s.path, validBodies[s.path], { prefer: `code=${s.status}, example=${s.example}` }),
      s,
    );
  });

  it("the issue's form: code=400, example=virtual-account-not-found answers 003_067, not the first 400", async () => {
    const va = every.find((s) => s.example === 'virtual-account-not-found');
    if (!va) throw new Error('the spec has no virtual-account-not-found example');
    const answer = await post(mock.url, va.path, validBodies[va.path], {
      prefer: 'code=400, example=virtual-account-not-found',
    });
    expect([answer.status, answer.json.response?.code]).toEqual([400, '003_067']);
  });

  it.each(refusals)('$operationId: the other spellings of code=$status, example=$example', async (s) => {
    for (const prefer of [
      `example=${s.example}, code=${s.status}`,
      `code="${s.status}", example="${s.example}"`,
      `code=${s.status}; example=${s.example}`,
      `CODE=${s.status},Example=${s.example}`,
      `return=minimal, code=${s.status}, example=${s.example}`,
    ]) {
      expectExample(await post(mock.url, s.path, validBodies[s.path], { prefer }), s);
    }
  });

  it.each(statuses)(
    '$operationId: code=$status with an example of another status names the $status examples',
    async ({ path, status, examples, operationId }) => {
      const other = opOf(operationId).scenarios.find((s) => s.status !== status);
      // Every operation has answers of more than one status (a success, its errors, the outage).
      if (!other) throw new Error(`${operationId} has only ${status} scenarios`);
      const reason = await refused(path, { prefer: `code=${status}, example=${other.example}` });
      expect(reason).toBe(
        `Prefer example: "${other.example}" is a ${other.status} answer, not ${status}; ${status} examples: ${examples.join(', ')}`,
      );
    },
  );
});

describe('Prefer: code alone, example alone', () => {
  it.each(statuses)('$operationId: code=$status answers its first example', async ({ path, status, examples }) => {
    const answer = await post(mock.url, path, validBodies[path], { prefer: `code=${status}` });
    expectExample(answer, { path, status, example: examples[0] ?? '' });
  });

  it.each(every)('$operationId: example=$example alone', async (s) => {
    expectExample(await post(mock.url, s.path, validBodies[s.path], { prefer: `example=${s.example}` }), s);
  });
});

describe('a choice the operation does not have answers with the valid ones', () => {
  /** `200 (success, …); 400 (…)`: the operation's codes and examples, from the scenario table. */
  const listing = (operationId: string) =>
    [...opOf(operationId).byStatus].map(([status, examples]) => `${status} (${examples.join(', ')})`).join('; ');

  it.each(operations)('$operationId: an unknown example', async ({ path, operationId }) => {
    const reason = await refused(path, { prefer: 'example=no-such-example' });
    expect(reason).toBe(
      `Prefer example: ${operationId} has no example "no-such-example"; examples: ${listing(operationId)}`,
    );
  });

  it.each(operations)('$operationId: an unknown code, alone and with an example', async ({ path, operationId }) => {
    for (const prefer of ['code=404', 'code=404, example=success']) {
      expect(await refused(path, { prefer })).toBe(
        `Prefer code: ${operationId} documents no 404 answer; codes: ${listing(operationId)}`,
      );
    }
  });

  it.each(operations)('$operationId: a code that is not 3 digits', async ({ path, operationId }) => {
    expect(await refused(path, { prefer: 'code=abc' })).toBe(
      `Prefer code: "abc" is not a 3-digit HTTP status; codes: ${listing(operationId)}`,
    );
  });

  it("an unknown example with a known code lists that code's examples", async () => {
    const op = operations[0];
    if (!op) throw new Error('no operation');
    const examples = op.byStatus.get(400) ?? [];
    expect(await refused(op.path, { prefer: 'code=400, example=nope' })).toBe(
      `Prefer example: ${op.operationId} has no example "nope"; 400 examples: ${examples.join(', ')}`,
    );
  });

  it('the reason never echoes a card number, even one sent as the choice, and fits one header', async () => {
    const op = operations[0];
    if (!op) throw new Error('no operation');
    for (const prefer of ['example=9491231111111111', 'code=9491231111111111', 'dynamic=9491231111111111']) {
      const answer = await post(mock.url, op.path, validBodies[op.path], { prefer });
      const reason = answer.headers.get('x-konaplate-mock-reason') ?? '';
      expect(reason).toContain('"************1111"');
      expect(reason).not.toMatch(/\d{12,}/);
      expect(reason.length).toBeLessThanOrEqual(1000);
    }
  });
});

describe('dynamic and seed', () => {
  it.each(operations)(
    '$operationId: dynamic=true is refused, saying why and what to use',
    async ({ path, operationId }) => {
      const reason = await refused(path, { prefer: 'dynamic=true' });
      expect(reason).toMatch(
        /^Prefer dynamic: dynamic=true is not supported: this mock answers with the spec's named examples only/,
      );
      for (const example of opOf(operationId).scenarios.map((s) => s.example)) expect(reason).toContain(example);
    },
  );

  it('dynamic=false and seed change nothing (the default answer), with or without a choice', async () => {
    const op = operations[0];
    const otherwise = op?.scenarios.find((s) => 'otherwise' in s.when);
    if (!op || !otherwise) throw new Error('no default answer');
    for (const prefer of ['dynamic=false', 'seed=42', 'dynamic=false, seed=abc']) {
      const answer = await post(mock.url, op.path, validBodies[op.path], { prefer });
      expect([answer.status, answer.headers.get('x-konaplate-mock-scenario')]).toEqual([200, otherwise.example]);
    }
    const chosen = op.scenarios.find((s) => s.status === 400);
    if (!chosen) throw new Error('no 400 example');
    expectExample(
      await post(mock.url, op.path, validBodies[op.path], {
        prefer: `dynamic=false, code=400, example=${chosen.example}`,
      }),
      { ...chosen, path: op.path },
    );
  });

  it('dynamic=maybe is refused as not a boolean', async () => {
    const op = operations[0];
    if (!op) throw new Error('no operation');
    expect(await refused(op.path, { prefer: 'dynamic=maybe' })).toBe('Prefer dynamic: "maybe" is not true or false');
  });
});

describe('the query form (Prism: used only when there is no Prefer header)', () => {
  it.each(refusals)('$operationId: ?__code=$status&__example=$example', async (s) => {
    const answer = await post(mock.url, `${s.path}?__code=${s.status}&__example=${s.example}`, validBodies[s.path]);
    expectExample(answer, s);
  });

  it('Prefer wins over the query', async () => {
    const op = operations[0];
    const [first, second] = op?.scenarios.filter((s) => s.status === 400) ?? [];
    if (!op || !first || !second) throw new Error('need two 400 examples');
    const answer = await post(mock.url, `${op.path}?__example=${first.example}`, validBodies[op.path], {
      prefer: `example=${second.example}`,
    });
    expectExample(answer, { ...second, path: op.path });
  });

  it('an unknown __example names the query parameter', async () => {
    const op = operations[0];
    if (!op) throw new Error('no operation');
    const reason = await refused(op.path, {}, '__example', '?__example=nope');
    expect(reason).toMatch(/^__example: \w+ has no example "nope"; examples: 200 \(/);
  });
});

describe('order: the request is judged before the preference', () => {
  it('a request with a missing header gets 000_003, whatever Prefer asks', async () => {
    const op = operations[0];
    const chosen = op?.scenarios.find((s) => s.status === 200 && !('otherwise' in s.when));
    if (!op || !chosen) throw new Error('no example');
    const answer = await post(mock.url, op.path, validBodies[op.path], {
      prefer: `code=200, example=${chosen.example}`,
      'x-km-time-zone': undefined,
    });
    expect([answer.status, answer.json.response?.code]).toEqual([400, '000_003']);
  });
});

describe('the Prefer parser', () => {
  it('reads RFC 7240 preferences: first occurrence wins, names case-insensitive, quotes and escapes', () => {
    expect(parsePrefer('code=400, example="a,b", code=200')).toEqual({ code: '400', example: 'a,b' });
    expect(parsePrefer('Example="x\\"y"; CODE=200')).toEqual({ example: 'x"y', code: '200' });
    expect(parsePrefer('respond-async, wait=10')).toEqual({});
    expect(parsePrefer('dynamic')).toEqual({ dynamic: '' });
  });

  it('uses the query only without a Prefer header', () => {
    expect(readPreferences(undefined, '__code=400&x=1')).toEqual({ code: '400', source: 'query' });
    expect(readPreferences('example=a', '__code=400')).toEqual({ example: 'a', source: 'Prefer' });
    expect(readPreferences(undefined, 'x=1')).toBeUndefined();
    expect(readPreferences('', undefined)).toBeUndefined();
  });
});

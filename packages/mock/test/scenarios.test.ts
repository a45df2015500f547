// Every named scenario of both operations, reached by request content and by
// Prefer, against the real server: status, result code and the payload of the spec.
import { correlationIdPattern } from '@konaplate-contract/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockScenario } from '../src/scenarios.ts';
import {
  type Answer,
  CARD,
  contract,
  exampleValue,
  KEY_ID,
  post,
  requestExample,
  rowsOf,
  startMock,
  VA,
  validBodies,
} from './support.ts';

let mock: Awaited<ReturnType<typeof startMock>>;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

const table = rowsOf(
  contract.scenarios.operations.flatMap((op) => op.scenarios.map((s) => ({ path: op.path, ...s }))),
  'the scenario table',
);

/** A request body that reaches the scenario by content. */
function bodyFor(path: string, s: MockScenario): Record<string, unknown> {
  const base = { ...validBodies[path] };
  if ('otherwise' in s.when) return base;
  if ('invalid' in s.when) {
    delete base.cardNo;
    return base;
  }
  if ('encData' in s.when.body) {
    return requestExample(
      path === CARD ? 'UnregisteredCardRequestEncrypted' : 'VirtualAccountRequestEncrypted',
    ) as Record<string, unknown>;
  }
  return { ...base, ...s.when.body };
}

function expectScenario(answer: Answer, path: string, s: MockScenario) {
  expect(answer.status).toBe(s.status);
  expect(answer.headers.get('x-konaplate-mock-scenario') ?? answer.json.response?.code).toBe(
    'invalid' in s.when ? s.code : s.example,
  );
  const expected = exampleValue(path, String(s.status), s.example) as Answer['json'];
  if (expected.encData) {
    expect(answer.json).toEqual(expected);
    return;
  }
  expect(answer.json.response?.code).toBe(s.code);
  if ('otherwise' in s.when) return; // personalised: checked below
  expect(answer.json).toEqual(expected);
}

/** An encrypted body goes with the key-id header the contract requires of it. */
const headersFor = (s: MockScenario) =>
  'body' in s.when && 'encData' in s.when.body ? { 'x-km-crypto-key-id': KEY_ID } : {};

describe('scenarios by request content', () => {
  it('the table has scenarios of every kind', () => {
    expect(table.filter((s) => 'otherwise' in s.when)).toHaveLength(contract.scenarios.operations.length);
    expect(table.filter((s) => 'body' in s.when).length).toBeGreaterThan(0);
    expect(table.filter((s) => 'invalid' in s.when).length).toBeGreaterThan(0);
  });

  it.each(table)('$path $example: $summary', async (s) => {
    const answer = await post(mock.url, s.path, bodyFor(s.path, s), headersFor(s));
    expectScenario(answer, s.path, s);
  });
});

describe('scenarios by Prefer', () => {
  it.each(table)('$path Prefer: example=$example', async (s) => {
    const answer = await post(mock.url, s.path, validBodies[s.path], { prefer: `example=${s.example}` });
    expect(answer.headers.get('x-konaplate-mock-scenario')).toBe(s.example);
    expect(answer.status).toBe(s.status);
    expect(answer.json).toEqual(exampleValue(s.path, String(s.status), s.example));
  });

  it.each([CARD, VA])('%s Prefer: code=400 gives the first 400 example', async (path) => {
    const first = table.find((s) => s.path === path && s.status === 400);
    const answer = await post(mock.url, path, validBodies[path], { prefer: 'code=400' });
    expect([answer.status, answer.headers.get('x-konaplate-mock-scenario')]).toEqual([400, first?.example]);
  });

  it('names the known examples when Prefer asks for an unknown one', async () => {
    const answer = await post(mock.url, VA, validBodies[VA], { prefer: 'example=nope' });
    expect(answer.status).toBe(400);
    expect(answer.json.response?.message).toBe('Invalid input parameter. Prefer');
    const reason = answer.headers.get('x-konaplate-mock-reason') ?? '';
    expect(reason).toMatch(
      /^Prefer example: inquireCardVirtualAccount has no example "nope"; examples: 200 \(success, /,
    );
    for (const s of table.filter((row) => row.path === VA)) expect(reason).toContain(s.example);
  });
});

describe('any other valid card', () => {
  // What the answer takes from the request is the spec's (ext.mockFrom on CardDataInfo's physicalCardNo and par).
  it('gets the success answer for that card: its own number, a PAR of its own, the business rule kept', async () => {
    const [a, b] = await Promise.all(
      ['9491235555555555', '9491236666666666'].map((cardNo) => post(mock.url, CARD, { ...validBodies[CARD], cardNo })),
    );
    const infoA = (a?.json.cardDataInfo ?? {}) as Record<string, number | string>;
    const infoB = (b?.json.cardDataInfo ?? {}) as Record<string, number | string>;
    expect(infoA.physicalCardNo).toBe('9491235555555555');
    expect(infoA.par).toMatch(/^Q1[0-9A-F]{25}$/);
    expect(infoA.par).not.toBe(infoB.par);
    expect(infoA.rechargeableAmount).toBe(Number(infoA.maxNonRealNameRechargeAmount) - Number(infoA.balance));
  });

  it('is deterministic: the same request gets the same body', async () => {
    const body = { ...validBodies[CARD], cardNo: '9491237777777777' };
    const [a, b] = await Promise.all([post(mock.url, CARD, body), post(mock.url, CARD, body)]);
    expect(a?.json).toEqual(b?.json);
  });
});

describe('headers and log', () => {
  it('echoes X-KM-Correlation-Id on success and on error', async () => {
    for (const body of [validBodies[VA], { cardNo: 'x' }, '{not json']) {
      const answer = await post(mock.url, VA, body, { 'x-km-correlation-id': '261121103000-abc1234' });
      expect(answer.headers.get('x-km-correlation-id')).toBe('261121103000-abc1234');
    }
  });

  it.each([
    ['abc', 'not the form'],
    ['261121103000-abc12345', '21 characters'],
    ['261321103000-abc1234', 'month 13'],
    ['261121103000-abc123G', 'a letter that is not hex'],
  ])('a malformed X-KM-Correlation-Id (%s, %s) is never echoed: the answer has a fresh, valid one', async (sent) => {
    const pattern = correlationIdPattern(contract.spec);
    const ids = new Set<string>();
    for (const body of [validBodies[VA], { cardNo: '9491239999999991' }]) {
      const answer = await post(mock.url, VA, body, { 'x-km-correlation-id': sent });
      const id = answer.headers.get('x-km-correlation-id') ?? '';
      expect(id).toMatch(pattern);
      expect(id).not.toBe(sent);
      ids.add(id);
    }
    expect(ids.size).toBe(2);
  });

  it('a request without X-KM-Correlation-Id gets a fresh one, stamped in its X-KM-Time-Zone', async () => {
    const before = Date.now();
    const answer = await post(mock.url, VA, validBodies[VA], { 'x-km-correlation-id': undefined });
    expect(answer.status).toBe(400);
    const id = answer.headers.get('x-km-correlation-id') ?? '';
    expect(id).toMatch(correlationIdPattern(contract.spec));
    // yyMMddHHmmss in KST (+09:00), the zone the request names: within the second of the call or the next.
    const stamps = [before, Date.now()].map((at) =>
      new Date(at + 540 * 60_000).toISOString().slice(2, 19).replace(/[-T:]/g, ''),
    );
    expect(stamps).toContain(id.slice(0, 12));
  });

  it('logs one line per request with the card number masked', async () => {
    mock.logs.length = 0;
    await post(mock.url, VA, { cardNo: '9491239999999991' });
    expect(mock.logs).toHaveLength(1);
    expect(mock.logs[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z POST \/api\/v1\/card\/virtual-account\/inquiry 400 card-not-found [\d.]+ms correlationId=\d{12}-[0-9a-f]{7} cardNo=\*{12}9991$/,
    );
    expect(mock.logs.join()).not.toContain('9491239999999991');
  });
});

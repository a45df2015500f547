// The QA kit (issue 18) against the real server on a free port: the mock's own endpoints under
// /__konaplate/ (health, the bundled contract, the request journal), CORS, and the log's formats; and the
// command line in process: --version, --log-format, --no-cors, --no-journal, the journal across two workers.
import { readFileSync } from 'node:fs';
import { contractVersion, headerName } from '@konaplate-contract/contract';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli.ts';
import { atomicWriteBytes, batchedLines } from '../src/log.ts';
import { inProcessCluster, runToEnd, serveHere, session, stopServers } from './cli-support.ts';
import { CARD, contract, post, rowsOf, SECRET, signedHeaders, startMock, VA, validBodies } from './support.ts';

afterEach(stopServers);

const mockVersion = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const specBytes = readFileSync(new URL('../../../generated/openapi.json', import.meta.url), 'utf8');
const correlationName = headerName(contract.spec, 'correlationId');
/** The header as the requests here send it (lower case, as signedHeaders does, so it replaces that one). */
const correlationKey = correlationName.toLowerCase();
const operations = rowsOf(
  contract.scenarios.operations.map((op) => ({
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    path: op.path,
  })),
  'the operations of the scenario table',
);

/** A GET (or another method) of the mock's own, with its status, headers and JSON (or text). */
async function own(base: URL, path: string, init: RequestInit = {}) {
  const res = await fetch(new URL(path, base), init);
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

interface Entry {
  time: string;
  method: string;
  path: string;
  operationId: string | null;
  correlationId: string | null;
  requestCorrelationId?: string | null;
  scenario: string;
  status: number | null;
  code: string | null;
  reason: string | null;
  signature: string | null;
  latencyMs: number;
  body: unknown;
  worker: number;
}

async function journal(base: URL, query = ''): Promise<Entry[]> {
  const answer = await own(base, `/__konaplate/requests${query}`);
  expect(answer.status).toBe(200);
  return (answer.json as { requests: Entry[] }).requests;
}

/** A correlation id of the contract's form, unique to this run. */
let serial = 0;
const freshId = () => {
  serial += 1;
  return `261130101010-${(0x1000000 + serial).toString(16).slice(-7)}`;
};

describe("the mock's own endpoints", () => {
  let mock: Awaited<ReturnType<typeof startMock>>;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.close());

  it('GET /__konaplate/health: 200 JSON with the contract version and every operation served', async () => {
    const health = await own(mock.url, '/__konaplate/health');
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(health.json).toMatchObject({
      status: 'ok',
      contract: { version: contractVersion(contract.spec) },
      mock: { version: mockVersion },
      journal: { enabled: true, bound: 1000 },
    });
    expect(health.json?.operations).toEqual(operations);
  });

  it('GET /__konaplate/openapi.json: the bundled contract, byte for byte', async () => {
    const served = await own(mock.url, '/__konaplate/openapi.json');
    expect(served.status).toBe(200);
    expect(served.text).toBe(specBytes);
  });

  it.each([
    ['/__konaplate/nope', 'no mock endpoint at /__konaplate/nope'],
    ['/__konaplate', 'no mock endpoint at /__konaplate:'],
    ['/__konaplate/health/x', 'no mock endpoint at /__konaplate/health/x'],
  ])('%s: a 404 JSON naming the path and listing the endpoints', async (path, error) => {
    const answer = await own(mock.url, path);
    expect(answer.status).toBe(404);
    expect(String(answer.json?.error)).toContain(error);
    expect(answer.json?.endpoints).toEqual([
      'GET /__konaplate/health',
      'GET /__konaplate/openapi.json',
      'GET|DELETE /__konaplate/requests',
    ]);
  });

  it('a method an endpoint does not have: 405 with Allow', async () => {
    const answer = await own(mock.url, '/__konaplate/health', { method: 'POST', body: '{}' });
    expect([answer.status, answer.headers.get('allow')]).toEqual([405, 'GET']);
    expect(answer.json?.error).toBe('POST is not allowed on /__konaplate/health; use GET');
  });
});

describe('the request journal', () => {
  let mock: Awaited<ReturnType<typeof startMock>>;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.close());

  it('each answer, newest first: time, operation, correlation id, scenario, status, code, latency, body', async () => {
    await own(mock.url, '/__konaplate/requests', { method: 'DELETE' });
    const first = freshId();
    const second = freshId();
    const before = Date.now();
    await post(mock.url, VA, validBodies[VA], { [correlationKey]: first });
    await post(mock.url, VA, { cardNo: '9491239999999991' }, { [correlationKey]: second });
    const entries = await journal(mock.url);
    expect(entries.map((e) => e.correlationId)).toEqual([second, first]);
    const [notFound, success] = entries as [Entry, Entry];
    expect(success).toMatchObject({
      method: 'POST',
      path: VA,
      operationId: 'inquireCardVirtualAccount',
      scenario: 'success',
      status: 200,
      code: '000_000',
      reason: null,
      signature: null,
      body: { cardNo: '************1111' },
      worker: process.pid,
    });
    expect(notFound).toMatchObject({ scenario: 'card-not-found', status: 400, code: '003_029' });
    expect(success.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(success.time)).toBeGreaterThanOrEqual(before - 1);
    expect(success.latencyMs).toBeGreaterThanOrEqual(0);
    expect(success.latencyMs).toBeLessThan(10_000);
    expect(success).not.toHaveProperty('requestCorrelationId');
  });

  it('a refusal: its reason and code; never a full card number, in any field', async () => {
    const id = freshId();
    await post(
      mock.url,
      CARD,
      { ...validBodies[CARD], cardNo: '9491231234567890', note: 'card 9491239876543210' },
      { [correlationKey]: id, 'x-km-time-zone': undefined },
    );
    const answer = await own(mock.url, `/__konaplate/requests?correlationId=${id}`);
    const [entry] = (answer.json as { requests: Entry[] }).requests;
    expect(entry).toMatchObject({
      operationId: 'inquireUnregisteredCard',
      status: 400,
      code: '000_003',
      reason: 'X-KM-Time-Zone is missing',
      scenario: 'error 000_003',
      // Sensitive fields as the spec marks them: the last four, or nothing.
      body: {
        cardNo: '************7890',
        expiryDate: '[redacted]',
        cardCVC: '[redacted]',
        note: 'card ************3210',
      },
    });
    for (const card of ['9491231234567890', '9491239876543210']) expect(answer.text).not.toContain(card);
    expect(answer.text).not.toMatch(/\d{13}/);
  });

  it('a body that is not JSON is kept as text, card numbers masked; a malformed correlation id is shown as sent', async () => {
    const res = await fetch(new URL(VA, mock.url), {
      method: 'POST',
      headers: { ...signedHeaders('x'), [correlationKey]: 'abc' },
      body: '{"cardNo": 9491231234567890',
    });
    expect(res.status).toBe(400);
    const [entry] = await journal(mock.url, '?correlationId=abc');
    expect(entry).toMatchObject({
      requestCorrelationId: 'abc',
      correlationId: res.headers.get(correlationName),
      body: '{"cardNo": ************7890',
      code: '000_002',
    });
  });

  it('a card number in the query string or the correlation id is kept masked, in the journal and the log', async () => {
    const logged = await startMock();
    try {
      const res = await fetch(new URL(`${VA}?cardNo=9491231234567890`, logged.url), {
        method: 'POST',
        headers: { ...signedHeaders('{}'), [correlationKey]: '9491239876543210' },
        body: '{}',
      });
      expect(res.status).toBe(400);
      const [entry] = await journal(logged.url);
      expect(entry).toMatchObject({ path: `${VA}?cardNo=************7890`, requestCorrelationId: '************3210' });
      expect(logged.logs.at(-1)).toContain(`${VA}?cardNo=************7890 400`);
      expect(logged.logs.join('\n')).not.toMatch(/9491231234567890|9491239876543210/);
    } finally {
      await logged.close();
    }
  });

  it('?correlationId= finds one request (the id it sent or the one it was answered with); ?limit= bounds', async () => {
    const ids = [freshId(), freshId(), freshId()];
    for (const id of ids) await post(mock.url, VA, validBodies[VA], { [correlationKey]: id });
    expect((await journal(mock.url, `?correlationId=${ids[1]}`)).map((e) => e.correlationId)).toEqual([ids[1]]);
    expect((await journal(mock.url, '?limit=2')).map((e) => e.correlationId)).toEqual([ids[2], ids[1]]);
    expect(await journal(mock.url, '?correlationId=261130101010-fffffff')).toEqual([]);
  });

  it.each([
    ['?limit=0', 'limit must be a whole number from 1 to 1000, got "0"'],
    ['?limit=1001', 'limit must be a whole number from 1 to 1000, got "1001"'],
    ['?limit=ten', 'limit must be a whole number from 1 to 1000, got "ten"'],
    ['?correlationId=', 'correlationId must be 1 to 64 characters'],
  ])('%s: 400 with one line saying the rule', async (query, error) => {
    const answer = await own(mock.url, `/__konaplate/requests${query}`);
    expect([answer.status, answer.json?.error]).toEqual([400, error]);
  });

  it("DELETE clears it; the mock's own endpoints and preflights are not in it", async () => {
    await post(mock.url, VA, validBodies[VA]);
    const cleared = await own(mock.url, '/__konaplate/requests', { method: 'DELETE' });
    expect(cleared.status).toBe(200);
    expect(cleared.json?.cleared).toBeGreaterThan(0);
    await own(mock.url, '/__konaplate/health');
    await fetch(new URL(VA, mock.url), { method: 'OPTIONS', headers: { 'access-control-request-method': 'POST' } });
    expect(await journal(mock.url)).toEqual([]);
  });

  it('a dropped connection (injected fault) is there, with no status', async () => {
    const id = freshId();
    await expect(
      post(mock.url, VA, validBodies[VA], { [correlationKey]: id, 'x-konaplate-mock-fault': 'drop' }),
    ).rejects.toThrow('fetch failed');
    const [entry] = await journal(mock.url, `?correlationId=${id}`);
    expect(entry).toMatchObject({ status: null, scenario: 'fault drop', operationId: 'inquireCardVirtualAccount' });
  });
});

describe('the journal, bounded, off, and in strict mode', () => {
  it('keeps only the newest entries of its bound', async () => {
    const mock = await startMock({ journal: 3 });
    try {
      const ids = [freshId(), freshId(), freshId(), freshId(), freshId()];
      for (const id of ids) await post(mock.url, VA, validBodies[VA], { [correlationKey]: id });
      expect((await journal(mock.url)).map((e) => e.correlationId)).toEqual(ids.slice(2).reverse());
      expect((await own(mock.url, '/__konaplate/requests?limit=4')).status).toBe(400);
    } finally {
      await mock.close();
    }
  });

  it('off: the endpoint says so (404), health says so', async () => {
    const mock = await startMock({ journal: false });
    try {
      const answer = await own(mock.url, '/__konaplate/requests');
      expect([answer.status, answer.json?.error]).toEqual([
        404,
        'the request journal is off (the mock was started with --no-journal)',
      ]);
      expect((await own(mock.url, '/__konaplate/health')).json?.journal).toEqual({ enabled: false });
    } finally {
      await mock.close();
    }
  });

  it('strict signing: the verdict on each token', async () => {
    const mock = await startMock({
      signing: { secret: SECRET, windowSeconds: 300, now: Date.now, utcOffsets: { KST: 540, UTC: 0 } },
    });
    try {
      const good = freshId();
      const bad = freshId();
      await post(mock.url, VA, validBodies[VA], { [correlationKey]: good });
      await post(mock.url, VA, validBodies[VA], { [correlationKey]: bad }, { secret: 'another-secret' });
      const [badEntry, goodEntry] = await journal(mock.url);
      expect(goodEntry).toMatchObject({ correlationId: good, signature: 'valid', status: 200 });
      expect(badEntry).toMatchObject({ correlationId: bad, signature: 'invalid', status: 400 });
      expect(badEntry?.reason).toMatch(/^X-KM-Tran-Token does not match the body/);
    } finally {
      await mock.close();
    }
  });
});

describe('CORS', () => {
  let mock: Awaited<ReturnType<typeof startMock>>;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.close());

  const exposed = [correlationName, 'X-Konaplate-Mock-Scenario', 'X-Konaplate-Mock-Reason'];

  it('a preflight: 204, the origin, the methods at the path and the headers asked for', async () => {
    const res = await fetch(new URL(VA, mock.url), {
      method: 'OPTIONS',
      headers: {
        origin: 'http://qa.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-km-tran-token',
      },
    });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(Object.fromEntries([...res.headers].filter(([name]) => name.startsWith('access-control-')))).toEqual({
      'access-control-allow-origin': 'http://qa.example',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'POST,OPTIONS',
      'access-control-allow-headers': 'content-type, x-km-tran-token',
      'access-control-expose-headers': expect.any(String),
      'access-control-max-age': '600',
    });
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it('a preflight with no Origin or at an unknown path: any origin, any method, any header', async () => {
    const res = await fetch(new URL('/elsewhere', mock.url), {
      method: 'OPTIONS',
      headers: { 'access-control-request-method': 'PUT' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,DELETE,HEAD,PATCH,POST,PUT,OPTIONS');
    expect(res.headers.get('access-control-allow-headers')).toBe('*');
  });

  it.each([
    ['a success', validBodies[VA], {}],
    ['a refusal', validBodies[VA], { 'x-km-time-zone': undefined }],
  ])('%s carries Allow-Origin and exposes the correlation id and the mock headers', async (_, body, extra) => {
    const answer = await post(mock.url, VA, body, extra);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    const exposes = (answer.headers.get('access-control-expose-headers') ?? '').split(/,\s*/);
    expect(exposes).toEqual(expect.arrayContaining(exposed));
    const withOrigin = await post(mock.url, VA, body, { ...extra, origin: 'http://qa.example' });
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe('http://qa.example');
    expect(withOrigin.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('the mock endpoints carry it too', async () => {
    const health = await own(mock.url, '/__konaplate/health', { headers: { origin: 'http://qa.example' } });
    expect(health.headers.get('access-control-allow-origin')).toBe('http://qa.example');
  });

  it('off: no CORS header; an OPTIONS is the method refusal it always was', async () => {
    const plain = await startMock({ cors: false });
    try {
      const answer = await post(plain.url, VA, validBodies[VA], { origin: 'http://qa.example' });
      expect([...answer.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
      const res = await fetch(new URL(VA, plain.url), {
        method: 'OPTIONS',
        headers: { origin: 'http://qa.example', 'access-control-request-method': 'POST' },
      });
      expect([res.status, res.headers.get('allow')]).toEqual([405, 'POST']);
    } finally {
      await plain.close();
    }
  });
});

describe('the log', () => {
  it('text: an ISO time, the correlation id and, for a refusal, its reason', async () => {
    const mock = await startMock();
    try {
      const id = freshId();
      await post(mock.url, VA, validBodies[VA], { [correlationKey]: id, 'x-km-time-zone': undefined });
      expect(mock.logs.at(-1)).toMatch(
        new RegExp(
          `^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z POST ${VA} 400 error 000_003 \\d+\\.\\dms correlationId=${id} cardNo=\\*{12}1111 reason="X-KM-Time-Zone is missing"$`,
        ),
      );
    } finally {
      await mock.close();
    }
  });

  it('json: one JSON object per line with the same fields', async () => {
    const mock = await startMock({ logFormat: 'json' });
    try {
      const id = freshId();
      await post(mock.url, VA, validBodies[VA], { [correlationKey]: id, 'x-km-time-zone': undefined });
      await post(mock.url, VA, validBodies[VA], { [correlationKey]: id });
      const [refusal, success] = mock.logs.map((line) => JSON.parse(line));
      expect(refusal).toEqual({
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        method: 'POST',
        path: VA,
        status: 400,
        scenario: 'error 000_003',
        ms: expect.any(Number),
        correlationId: id,
        operationId: 'inquireCardVirtualAccount',
        code: '000_003',
        reason: 'X-KM-Time-Zone is missing',
        masked: 'cardNo=************1111',
      });
      expect(success).toMatchObject({ status: 200, scenario: 'success', code: '000_000', reason: null });
      expect(mock.logs.join('\n')).not.toContain('9491231111111111');
    } finally {
      await mock.close();
    }
  });
});

describe('the log writer', () => {
  it("one turn's lines in writes of whole lines, none over a pipe's atomic size (two workers never interleave a line)", async () => {
    const writes: string[] = [];
    const lines = batchedLines((text) => writes.push(text));
    const all = Array.from({ length: 200 }, (_, i) => `line ${i} ${'x'.repeat(i % 97)} é`);
    for (const line of all) lines.line(line);
    expect(writes).toEqual([]); // written once the turn is over
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes.length).toBeGreaterThan(1);
    for (const text of writes) {
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(atomicWriteBytes);
      expect(text.endsWith('\n')).toBe(true);
    }
    expect(writes.join('')).toBe(`${all.join('\n')}\n`);
    lines.line('last');
    lines.flush();
    expect(writes.at(-1)).toBe('last\n');
  });
});

describe('the command line', () => {
  it('--version: the package version and the contract version, exit 0', async () => {
    expect(await runToEnd(['--version'])).toEqual({
      code: 0,
      out: `konaplate-mock ${mockVersion} (contract ${contractVersion(contract.spec)})\n`,
      err: '',
    });
  });

  it('--log-format json: stdout is JSON lines only (a listening event, then one per request); the banner on stderr', async () => {
    const s = session();
    const exit = run(['--port', '0', '--log-format', 'json'], s.io);
    try {
      const [, address] = await s.until(/"event":"listening","url":"(http:[^"]+)"/);
      const id = freshId();
      await post(new URL(address as string), VA, validBodies[VA], { [correlationKey]: id });
      await s.until(new RegExp(`"correlationId":"${id}"`));
      const lines = s.out().trimEnd().split('\n');
      const parsed = lines.map((line) => JSON.parse(line));
      expect(parsed[0]).toMatchObject({
        event: 'listening',
        workers: 1,
        contractVersion: contractVersion(contract.spec),
        mockVersion,
        journal: true,
        cors: true,
      });
      expect(parsed.at(-1)).toMatchObject({ correlationId: id, status: 200, scenario: 'success' });
      expect(s.err()).toMatch(/^Konaplate mock listening on http:\/\/127\.0\.0\.1:\d+ /);
    } finally {
      s.stop();
      expect(await exit).toBe(0);
    }
  });

  it('--log-format other: one line, exit 2', async () => {
    const { code, err } = await runToEnd(['--log-format', 'xml']);
    expect(code).toBe(2);
    expect(err).toMatch(
      /^konaplate-mock: --log-format must be text or json, got "xml"\. Run `.*` for the options\.\n$/,
    );
  });

  it('--no-cors and --no-journal: the banner says so, and the server does so', async () => {
    const { url, out } = await serveHere(['--quiet', '--no-cors', '--no-journal']);
    expect(out()).toContain('; journal off; CORS off;');
    const answer = await post(url, VA, validBodies[VA]);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect((await own(url, '/__konaplate/requests')).status).toBe(404);
  });
});

describe('two workers: one journal', () => {
  it('a GET on either worker sees what both served, and a DELETE on one clears both', async () => {
    const argv = ['--port', '0', '--workers', '2', '--quiet'];
    const primary = session();
    const { cluster, forked, urls } = inProcessCluster(argv, primary);
    const exit = run(argv, { ...primary.io, cluster });
    await primary.until(/Ctrl-C stops\.\n/);
    try {
      expect(urls).toHaveLength(2);
      const [a, b] = urls as [URL, URL];
      const [onA, onB] = [freshId(), freshId()];
      await post(a, VA, validBodies[VA], { [correlationKey]: onA });
      await post(b, VA, { cardNo: '9491239999999991' }, { [correlationKey]: onB });
      for (const base of [a, b]) {
        const entries = await journal(base);
        expect(entries.map((e) => e.correlationId)).toEqual([onB, onA]);
      }
      expect((await journal(b, `?correlationId=${onA}`)).map((e) => e.scenario)).toEqual(['success']);
      expect((await journal(a, '?limit=1')).map((e) => e.correlationId)).toEqual([onB]);
      const cleared = await own(b, '/__konaplate/requests', { method: 'DELETE' });
      expect(cleared.json).toEqual({ cleared: 2 });
      expect(await journal(a)).toEqual([]);
      expect((await own(a, '/__konaplate/health')).json?.workers).toBe(2);
    } finally {
      primary.stop();
      expect(await exit).toBe(0);
      expect(await Promise.all(forked)).toEqual([0, 0]);
    }
  });
});

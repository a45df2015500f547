// The fast path (compiled checks, src/stages/compiled.ts) against Prism's path: two engines over the same
// contract, one with the compiled checks and one sending every request through Prism's validation, answer
// every scenario, every documented negative case and a few thousand generated requests identically: the
// status, the body byte for byte, every header (a fresh correlation id aside), and what the log and the
// journal are told. Without HTTP: the engines alone, so thousands of requests take a second or two.
import { CompactEncrypt, exportPKCS8, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKeys } from '../src/encryption.ts';
import { createEngine, type Engine, type MockRequest, type MockResponse } from '../src/engine.ts';
import { lowerCaseHeaders } from '../src/stages/types.ts';
import { jweShaped, realRoutes, runtimeAt } from './stages/fixture.ts';
import { CARD, contract, requestExample, rowsOf, signedHeaders, VA, validBodies } from './support.ts';

let fast: Engine;
let prism: Engine;
beforeAll(async () => {
  [fast, prism] = await Promise.all([createEngine({ contract }), createEngine({ contract, fastPath: false })]);
});

/** A request as a client sends it: the body's text, signed, headers changed as given (undefined removes one). */
function request(path: string, body: unknown, extra: Record<string, string | undefined> = {}): MockRequest {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...signedHeaders(text), ...extra }))
    if (value !== undefined) headers[name] = value;
  return { method: 'POST', path, headers, rawBody: Buffer.from(text) };
}

/** An answer as compared: a correlation id the request did not send is fresh (random), so it is named so. */
function comparable(req: MockRequest, answer: MockResponse) {
  const sent = req.headers['x-km-correlation-id'];
  const id = answer.headers['x-km-correlation-id'];
  const fresh = (value: string | undefined) => (value !== undefined && value !== sent ? 'FRESH' : value);
  const { delayMs: _, ...rest } = answer;
  return {
    ...rest,
    headers: { ...answer.headers, 'x-km-correlation-id': fresh(id) },
    correlationId: fresh(answer.correlationId),
  };
}

async function expectSame(engines: [Engine, Engine], requests: MockRequest[]) {
  for (const req of requests) {
    const [a, b] = await Promise.all(engines.map((engine) => engine.handle(req)));
    expect(comparable(req, a as MockResponse), `${req.path} ${req.rawBody.toString().slice(0, 120)}`).toEqual(
      comparable(req, b as MockResponse),
    );
  }
}

const paths = [CARD, VA];
const headerNames = Object.keys(signedHeaders('{}')).filter((name) => name !== 'content-type');
/** An envelope value of the JWE compact form (not decryptable). */
const jwe = jweShaped;
const keyId = { 'x-km-crypto-key-id': '5f0c2a9e41b7d3c86e2f1a0b9d4c7e13' };

/** Every scenario of the table, reached by its content (or by Prefer). */
function scenarioRequests(): MockRequest[] {
  return contract.scenarios.operations.flatMap((op) =>
    op.scenarios.flatMap((s) => {
      const base = validBodies[op.path] ?? {};
      const byContent =
        'otherwise' in s.when
          ? [request(op.path, base)]
          : 'invalid' in s.when
            ? [request(op.path, {})]
            : 'encData' in s.when.body
              ? [
                  request(
                    op.path,
                    requestExample(
                      op.path === CARD ? 'UnregisteredCardRequestEncrypted' : 'VirtualAccountRequestEncrypted',
                    ),
                    keyId,
                  ),
                ]
              : [request(op.path, { ...base, ...s.when.body })];
      return [...byContent, request(op.path, base, { prefer: `example=${s.example}` })];
    }),
  );
}

/** The documented negative cases and their neighbours: each header missing, empty, malformed; each field likewise. */
function negativeRequests(): MockRequest[] {
  const requests: MockRequest[] = [];
  for (const path of paths) {
    const base = validBodies[path] ?? {};
    for (const name of headerNames) {
      for (const value of [undefined, '', ' ', 'x', 'é'.repeat(20), '1'.repeat(80), 'KST, UTC'])
        requests.push(request(path, base, { [name]: value }));
    }
    for (const field of Object.keys(base)) {
      const { [field]: _, ...without } = base;
      requests.push(request(path, without));
      for (const value of [
        null,
        16,
        true,
        [],
        {},
        '',
        '1',
        '949123111111111',
        '94912311111111111',
        '949123111111111A',
        '９４９１２３１１１１１１１１１１',
        '3108',
        '31081',
        '12',
        '1234',
        '12a',
      ])
        requests.push(request(path, { ...base, [field]: value }));
    }
    for (const body of [
      '',
      'null',
      '[]',
      '"x"',
      '1',
      '{',
      '{"cardNo":',
      '{}',
      '{"extra":1}',
      JSON.stringify({ ...base, extra: 'x' }),
    ])
      requests.push(request(path, body));
    requests.push(request(path, { ...base, encData: jwe }, keyId));
    requests.push(request(path, { encData: jwe }));
    requests.push(request(path, { encData: 'abc' }, keyId));
    requests.push(request(path, { encData: jwe, extra: 1 }, keyId));
    for (const type of [
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/json;charset="UTF-8"',
      'text/plain',
      'application/json; charset=latin1',
      undefined,
    ])
      requests.push(request(path, base, { 'content-type': type }));
    for (const prefer of ['code=400', 'example=nope', 'dynamic=true', 'code=404', 'code=200, example=card-not-found'])
      requests.push(request(path, base, { prefer }));
    requests.push({ ...request(path, base), method: 'GET' });
  }
  requests.push(request('/api/v1/nothing', {}));
  return requests;
}

/** A small seeded generator (mulberry32): the same requests every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Requests made by mutating valid ones at random: headers dropped or rewritten, fields retyped, resized, added. */
function generatedRequests(count: number): MockRequest[] {
  const next = random(18);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const alphabet = '0123456789ABCDEFabcdef-:+/=KMVST ._é\t';
  const text = () => Array.from({ length: Math.floor(next() * 24) }, () => pick([...alphabet])).join('');
  const digits = (n: number) => Array.from({ length: n }, () => pick([...'0123456789'])).join('');
  const values = () =>
    pick<() => unknown>([
      text,
      () => digits(16),
      () => digits(Math.floor(next() * 20)),
      () => next() * 1e6,
      () => null,
      () => [],
      () => ({}),
      () => true,
    ])();
  const requests: MockRequest[] = [];
  for (let i = 0; i < count; i += 1) {
    const path = pick(paths);
    const body: Record<string, unknown> = { ...(validBodies[path] ?? {}) };
    const headers: Record<string, string | undefined> = {};
    const changes = 1 + Math.floor(next() * 3);
    for (let c = 0; c < changes; c += 1) {
      const kind = next();
      if (kind < 0.3) headers[pick(headerNames)] = next() < 0.3 ? undefined : text();
      else if (kind < 0.75) body[pick(Object.keys(body).concat('extra', 'encData'))] = values();
      else if (kind < 0.85) delete body[pick(Object.keys(body).concat('cardNo'))];
      else if (kind < 0.9)
        headers.prefer = pick([
          'code=400',
          'code=200',
          'example=success',
          'example=card-not-found',
          'dynamic=false',
          'code=503',
        ]);
      else headers['x-km-crypto-key-id'] = next() < 0.5 ? keyId['x-km-crypto-key-id'] : text();
    }
    requests.push(request(path, body, headers));
  }
  return requests;
}

describe('the compiled checks answer as Prism does', () => {
  it('they are in use: every operation and form compiled, and a valid request of each form passes them', async () => {
    const routes = await realRoutes();
    for (const op of rowsOf(contract.scenarios.operations, 'the operations')) {
      const runtime = runtimeAt(routes, op.path);
      const plain = request(op.path, validBodies[op.path]);
      const sealed = request(op.path, { encData: jwe }, keyId);
      const bodyOf = (req: MockRequest) => JSON.parse(req.rawBody.toString());
      expect(runtime.compiled?.plain?.headers(lowerCaseHeaders(plain.headers))).toBe(true);
      expect(runtime.compiled?.plain?.body(bodyOf(plain))).toBe(true);
      expect(runtime.compiled?.envelope?.headers(lowerCaseHeaders(sealed.headers))).toBe(true);
      expect(runtime.compiled?.envelope?.body(bodyOf(sealed))).toBe(true);
      // And they never pass what Prism refuses: a missing header, a short card number.
      expect(runtime.compiled?.plain?.headers(lowerCaseHeaders({ ...plain.headers, 'x-km-time-zone': '' }))).toBe(
        false,
      );
      expect(runtime.compiled?.plain?.body({ ...bodyOf(plain), cardNo: '1234' })).toBe(false);
    }
  });

  it('every scenario, by content and by Prefer', async () => {
    await expectSame([fast, prism], rowsOf(scenarioRequests(), 'the scenario requests'));
  });

  it('every documented negative case, and its neighbours', async () => {
    await expectSame([fast, prism], rowsOf(negativeRequests(), 'the negative requests'));
  });

  it('1,500 generated requests', async () => {
    const requests = generatedRequests(1500);
    // The corpus reaches both sides: answers of each status the operations have, and many refusals.
    const statuses = new Set((await Promise.all(requests.map((r) => fast.handle(r)))).map((a) => a.status));
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 400]));
    await expectSame([fast, prism], requests);
  });
});

describe('in encryption mode, a decrypted payload is judged the same way', () => {
  let pair: [Engine, Engine];
  let encrypt: (payload: unknown) => Promise<string>;
  beforeAll(async () => {
    const server = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
    const keys = await loadKeys({ keyId: 'k'.repeat(32), serverPrivateKey: await exportPKCS8(server.privateKey) });
    pair = await Promise.all([
      createEngine({ contract, encryption: keys }),
      createEngine({ contract, encryption: keys, fastPath: false }),
    ]);
    encrypt = (payload) =>
      new CompactEncrypt(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128GCM' })
        .encrypt(server.publicKey);
  });

  it('valid and invalid payloads of both operations', async () => {
    const requests: MockRequest[] = [];
    for (const path of paths) {
      const base = validBodies[path] ?? {};
      for (const payload of [
        base,
        {},
        { ...base, cardNo: '1234' },
        { ...base, cardNo: 5 },
        { ...base, extra: 1 },
        [],
        'x',
      ]) {
        requests.push(request(path, { encData: await encrypt(payload) }, keyId));
      }
    }
    // Each request's bytes, ciphertext included, go to both engines.
    await expectSame(pair, rowsOf(requests, 'the encrypted requests'));
  });
});

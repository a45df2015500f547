// Bad input of every kind gets the right code in the platform's envelope, never
// a 500 or a stack trace, and the server keeps serving afterwards.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, contract, KEY_ID, post, rowsOf, signedHeaders, startMock, VA, validBodies } from './support.ts';

let mock: Awaited<ReturnType<typeof startMock>>;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => {
  // The server still answers a valid request after everything below.
  const after = await post(mock.url, VA, validBodies[VA]);
  expect(after.status).toBe(200);
  await mock.close();
});

const headerNames = rowsOf(
  Object.keys(signedHeaders('{}')).filter((h) => h !== 'content-type'),
  'the signed headers',
);
const canonical: Record<string, string> = {
  'x-km-user-aspid': 'X-KM-User-AspId',
  'x-km-correlation-id': 'X-KM-Correlation-Id',
  'x-km-access-key': 'X-KM-Access-Key',
  'x-km-tran-token': 'X-KM-Tran-Token',
  'x-km-tran-time': 'X-KM-Tran-Time',
  'x-km-time-zone': 'X-KM-Time-Zone',
};

describe.each([CARD, VA])('%s', (path) => {
  it.each(headerNames)('missing %s: 000_003, naming the header', async (header) => {
    const answer = await post(mock.url, path, validBodies[path], { [header]: undefined });
    expect([answer.status, answer.json.response?.code]).toEqual([400, '000_003']);
    expect(answer.json.response?.message).toBe('Missing required values.');
    expect(answer.headers.get('x-konaplate-mock-reason')).toBe(`${canonical[header]} is missing`);
  });

  it.each([
    ['X-KM-User-AspId one short', 'x-km-user-aspid', 'KMASP000000001'],
    ['X-KM-Access-Key one long', 'x-km-access-key', 'sandbox-access-key-not-a-real-key-0000012'],
    ['X-KM-Tran-Token the 66 characters of the pages', 'x-km-tran-token', `KMV1:20261121103000123:${'A'.repeat(43)}`],
    ['X-KM-Tran-Time as 16 digits', 'x-km-tran-time', '2026112110300012'],
    ['X-KM-Time-Zone in lower case', 'x-km-time-zone', 'kst'],
    ['X-KM-Correlation-Id of 21 characters', 'x-km-correlation-id', '261121103000-a3f09c2b'],
    ['X-KM-Crypto-Key-Id of 31 characters', 'x-km-crypto-key-id', '5f0c2a9e41b7d3c86e2f1a0b9d4c7e1'],
  ])('%s: 000_002, naming the header', async (_, header, value) => {
    const answer = await post(mock.url, path, validBodies[path], { [header]: value });
    expect([answer.status, answer.json.response?.code]).toEqual([400, '000_002']);
    expect(answer.json.response?.message).toMatch(/^Invalid input parameter\. X-KM-/);
  });

  const fields = rowsOf(Object.keys(validBodies[path] ?? {}), `the fields of ${path}`);
  it.each(fields)('missing body field %s: 000_003', async (field) => {
    const body = { ...validBodies[path] };
    delete body[field];
    const answer = await post(mock.url, path, body);
    expect([answer.status, answer.json.response?.code]).toEqual([400, '000_003']);
    expect(answer.headers.get('x-konaplate-mock-reason')).toBe(`${field} is missing`);
  });

  const wrong = (field: string) => {
    const good = String(validBodies[path]?.[field]);
    return [
      ['too short', good.slice(0, -1)],
      ['too long', `${good}1`],
      ['a number instead of a string', Number(good)],
      ['null', null],
      ['with a control character', `${good.slice(0, -1)}\u0007`],
      ['with full-width digits', good.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))],
    ] as const;
  };
  it.each(fields.flatMap((field) => wrong(field).map(([how, value]) => ({ field, how, value }))))(
    '$field $how: 000_002, naming the field',
    async ({ field, value }) => {
      const answer = await post(mock.url, path, { ...validBodies[path], [field]: value });
      expect([answer.status, answer.json.response?.code]).toEqual([400, '000_002']);
      expect(answer.json.response?.message).toBe(`Invalid input parameter. ${field}`);
    },
  );

  it.each([
    ['malformed JSON', '{"cardNo": "94912311', '000_002', 'Invalid input parameter. body'],
    ['a JSON array', '[]', '000_002', 'Invalid input parameter. body'],
    ['a JSON string', '"9491231111111111"', '000_002', 'Invalid input parameter. body'],
    ['an empty body', '', '000_003', 'Missing required values.'],
  ])('%s: %s', async (_, body, code, message) => {
    const answer = await post(mock.url, path, body);
    expect([answer.status, answer.json.response?.code, answer.json.response?.message]).toEqual([400, code, message]);
  });

  it('a wrong content type: 415 in the envelope', async () => {
    const answer = await post(mock.url, path, 'cardNo=9491231111111111', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect([answer.status, answer.json.response?.code, answer.json.response?.message]).toEqual([
      415,
      '000_002',
      'Invalid input parameter. Content-Type',
    ]);
  });
});

describe("the body's two forms (oneOf: the plaintext request or the encrypted envelope)", () => {
  const jwe = [
    'eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMTI4R0NNIn0',
    'a'.repeat(60),
    'b'.repeat(16),
    'c'.repeat(20),
    'd'.repeat(22),
  ].join('.');

  it.each([CARD, VA])(
    '%s: a body of both forms matches both branches: 400, the oneOf code, naming the body',
    async (path) => {
      const answer = await post(
        mock.url,
        path,
        { ...validBodies[path], encData: jwe },
        { 'x-km-crypto-key-id': KEY_ID },
      );
      expect([answer.status, answer.json.response?.code, answer.json.response?.message]).toEqual([
        400,
        contract.scenarios.validationCodes.oneOf,
        'Invalid input parameter. body',
      ]);
      expect(contract.scenarios.validationCodes.oneOf).toBe('000_002');
      expect(answer.headers.get('x-konaplate-mock-reason')).toMatch(/^body: matches both oneOf branches/);
    },
  );

  it('a test card beside an envelope selects nothing: the body is refused first', async () => {
    const answer = await post(
      mock.url,
      VA,
      { cardNo: '9491239999999991', encData: jwe },
      { 'x-km-crypto-key-id': KEY_ID },
    );
    expect([answer.status, answer.json.response?.code]).toEqual([400, '000_002']);
    expect(answer.headers.get('x-konaplate-mock-scenario')).toBeNull();
  });

  it('an encrypted body without X-KM-Crypto-Key-Id (encryption off): 400 000_003 naming the header', async () => {
    const answer = await post(mock.url, VA, { encData: jwe });
    expect([answer.status, answer.json.response?.code, answer.json.response?.message]).toEqual([
      400,
      '000_003',
      'Missing required values.',
    ]);
    expect(answer.headers.get('x-konaplate-mock-reason')).toBe('X-KM-Crypto-Key-Id is missing on an encrypted body');
    const withKey = await post(mock.url, VA, { encData: jwe }, { 'x-km-crypto-key-id': KEY_ID });
    expect([withKey.status, withKey.headers.get('x-konaplate-mock-scenario')]).toEqual([200, 'encrypted']);
  });
});

describe('transport', () => {
  it('a 1 MB body: 413 at once, in the envelope, echoing the correlation id', async () => {
    const correlationId = '261121103000-a3f09c2';
    const answer = await post(
      mock.url,
      VA,
      JSON.stringify({ cardNo: '9491231111111111', pad: 'x'.repeat(1024 * 1024) }),
      { 'x-km-correlation-id': correlationId },
    );
    expect([answer.status, answer.json.response?.code, answer.json.response?.message]).toEqual([
      413,
      '000_002',
      'Invalid input parameter. body',
    ]);
    expect(answer.headers.get('x-konaplate-mock-reason')).toBe('the body is larger than 65536 bytes');
    expect(answer.headers.get('x-km-correlation-id')).toBe(correlationId);
  });

  it('a chunked 1 MB body with no Content-Length: 413 in the envelope, with the correlation id', async () => {
    const headers = { ...signedHeaders('{}'), 'x-km-correlation-id': '261121103000-0b1c2d3' };
    const answer = await new Promise<{ status: number; correlationId: unknown; json: unknown }>((resolve, reject) => {
      const req = request(new URL(VA, mock.url), { method: 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            correlationId: res.headers['x-km-correlation-id'],
            json: JSON.parse(Buffer.concat(chunks).toString()),
          }),
        );
      });
      req.on('error', reject);
      for (let i = 0; i < 64; i += 1) req.write('x'.repeat(16 * 1024));
      req.end();
    });
    expect(answer).toEqual({
      status: 413,
      correlationId: '261121103000-0b1c2d3',
      json: { response: expect.objectContaining({ code: '000_002', message: 'Invalid input parameter. body' }) },
    });
  });

  it('an unknown path: a JSON 404', async () => {
    const answer = await post(mock.url, '/api/v1/card/unknown', validBodies[VA]);
    expect([answer.status, answer.json.response?.code, answer.headers.get('content-type')]).toEqual([
      404,
      '000_002',
      'application/json; charset=utf-8',
    ]);
  });

  it('a GET on a POST operation: a JSON 405 with Allow', async () => {
    const res = await fetch(new URL(VA, mock.url));
    expect([
      res.status,
      res.headers.get('allow'),
      ((await res.json()) as { response: { code: string } }).response.code,
    ]).toEqual([405, 'POST', '000_002']);
  });

  it('never answers with a stack trace or a card number', async () => {
    const answer = await post(mock.url, CARD, { cardNo: '9491231111111111', expiryDate: '9999', cardCVC: '12x' });
    const text = JSON.stringify(answer.json) + JSON.stringify([...answer.headers]);
    expect(text).not.toMatch(/9491231111111111|at \w+ \(|\.ts:\d+/);
  });
});

// The common headers of every call, and the tran token over the exact bytes sent.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { time17, tranToken } from '../src/tools.ts';
import { baseConfig, clientWith, FIXED_NOW, ok, recorder, SECRET, vaSuccess } from './recorder.ts';

const spec = JSON.parse(readFileSync(new URL('../../../generated/openapi.json', import.meta.url), 'utf8'));
const header = (name: string) => new RegExp(spec.components.schemas[name].pattern, 'u');

describe('headers', () => {
  it('fills every common header, each matching its schema, with exact values from the clock', async () => {
    const { fetch, sent } = recorder(ok(vaSuccess));
    await clientWith(fetch).inquireCardVirtualAccount({ cardNo: '9491230000000017' });
    const h = sent[0]?.headers ?? {};
    expect(h['x-km-user-aspid']).toBe(baseConfig.aspId);
    expect(h['x-km-access-key']).toBe(baseConfig.accessKey);
    expect(h['x-km-tran-time']).toBe('20261121103000');
    expect(h['x-km-time-zone']).toBe('KST');
    expect(h['x-km-correlation-id']).toMatch(/^261121103000-[0-9a-f]{7}$/);
    expect(h['x-km-tran-token']).toMatch(/^KMV1:20261121103000123:/);
    expect(h['content-type']).toBe('application/json');
    for (const [name, schema] of Object.entries({
      'x-km-correlation-id': 'CorrelationId',
      'x-km-tran-time': 'TranTime',
      'x-km-tran-token': 'TranToken',
      'x-km-time-zone': 'TimeZone',
      'x-km-user-aspid': 'AspId',
      'x-km-access-key': 'AccessKey',
    })) {
      expect(h[name], name).toMatch(header(schema));
    }
    expect(h['x-km-crypto-key-id']).toBeUndefined();
  });

  it('tells time in the configured zone', async () => {
    const { fetch, sent } = recorder(ok(vaSuccess));
    await clientWith(fetch, { timeZone: 'UTC' }).inquireCardVirtualAccount({ cardNo: '9491230000000017' });
    expect([sent[0]?.headers['x-km-time-zone'], sent[0]?.headers['x-km-tran-time']]).toEqual(['UTC', '20261121013000']);
  });

  it('the token verifies with the secret over the exact body bytes sent', async () => {
    const { fetch, sent } = recorder(ok(vaSuccess));
    await clientWith(fetch).inquireCardVirtualAccount({ cardNo: '9491230000000017' });
    const { body = '', headers = {} } = sent[0] ?? {};
    const mac = createHmac('sha256', SECRET).update(Buffer.from(body, 'utf8')).digest('base64');
    expect(headers['x-km-tran-token']).toBe(`KMV1:20261121103000123:${mac}`);
    expect(headers['x-km-tran-token']).toHaveLength(67);
  });

  it("recomputes the spec's test vector (the docs print the same one)", async () => {
    const vector = spec.components.securitySchemes.TranToken['x-test-vector'];
    const token = await tranToken(vector.secretKey, vector.requestTime, vector.body);
    expect(token).toBe(vector.token);
    expect(time17(Date.UTC(2026, 10, 21, 1, 30, 0, 123), 'KST')).toBe(vector.requestTime);
  });

  it('gives unique correlation ids to 3,000 concurrent calls in the same second', async () => {
    const { fetch, sent } = recorder(ok(vaSuccess));
    const client = clientWith(fetch);
    await Promise.all(
      Array.from({ length: 3000 }, () => client.inquireCardVirtualAccount({ cardNo: '9491230000000017' })),
    );
    const ids = sent.map((s) => s.headers['x-km-correlation-id']);
    expect(new Set(ids).size).toBe(3000);
    for (const id of ids) expect(id).toMatch(header('CorrelationId'));
  });

  it('a retry is signed anew: new correlation id and token time', async () => {
    let t = FIXED_NOW;
    const { fetch, sent } = recorder(new Response('', { status: 503 }), ok(vaSuccess));
    await clientWith(fetch, { now: () => (t += 1000) }).inquireCardVirtualAccount({ cardNo: '9491230000000017' });
    expect(sent).toHaveLength(2);
    expect(sent[0]?.headers['x-km-correlation-id']).not.toBe(sent[1]?.headers['x-km-correlation-id']);
    expect(sent[0]?.headers['x-km-tran-token']).not.toBe(sent[1]?.headers['x-km-tran-token']);
  });
});

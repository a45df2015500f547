// Bad fields are refused locally, naming field and rule, and nothing is sent;
// bad configuration is refused at creation, naming the field and never its value.
import { describe, expect, it } from 'vitest';
import {
  createKonaplateClient,
  type KonaplateClientConfig,
  KonaplateConfigError,
  KonaplateValidationError,
} from '../src/index.ts';
import { baseConfig, clientWith, ok, recorder, SECRET } from './recorder.ts';

const card = { cardNo: '9491230000000017', expiryDate: '3108', cardCVC: '123' };

describe('request validation before sending', () => {
  it.each([
    ['cardNo', '949123000000001', 'minLength', 'cardNo must be exactly 16 characters long, not 15'],
    ['cardNo', '94912300000000171', 'maxLength', 'cardNo must be exactly 16 characters long, not 17'],
    ['cardNo', '949123000000001X', 'pattern', 'cardNo must be 16 digits'],
    ['cardNo', 94912300, 'type', 'cardNo must be a string, not number'],
    ['expiryDate', '3113', 'pattern', 'expiryDate must be YYMM'],
    ['cardCVC', undefined, 'required', 'cardCVC is required'],
    ['cardCVC', '12a', 'pattern', 'cardCVC must be 3 digits'],
    // Lengths count code points, as JSON Schema does: 15 emoji are 30 UTF-16 units but 15 characters.
    ['cardNo', '😀'.repeat(15), 'minLength', 'cardNo must be exactly 16 characters long, not 15'],
    ['cardNo', `${'😀'.repeat(8)}12345678`, 'pattern', 'cardNo must be 16 digits'],
  ])('%s = %j: %s, nothing sent', async (field, value, rule, message) => {
    const { fetch, sent } = recorder(ok({}));
    const { error } = await clientWith(fetch).inquireUnregisteredCard({ ...card, [field]: value } as typeof card);
    expect(error).toBeInstanceOf(KonaplateValidationError);
    expect(error).toMatchObject({ field, rule, message, operationId: 'inquireUnregisteredCard' });
    expect(sent).toHaveLength(0);
  });

  it('the throwing style throws the same error', async () => {
    const { fetch } = recorder(ok({}));
    await expect(clientWith(fetch).orThrow.inquireCardVirtualAccount({ cardNo: '1' })).rejects.toThrow(
      KonaplateValidationError,
    );
  });
});

describe('configuration', () => {
  const bad: Array<[string, Partial<KonaplateClientConfig> | Record<string, unknown>, RegExp]> = [
    ['aspId', { aspId: 'SHORT' }, /aspId must be exactly 15 characters long, not 5 \(the X-KM-User-AspId header\)/],
    ['aspId', { aspId: undefined }, /aspId is required/],
    ['accessKey', { accessKey: 'x'.repeat(39) }, /accessKey must be exactly 40 characters long, not 39/],
    ['secretKey', { secretKey: '' }, /secretKey must be a non-empty string, or a function giving one/],
    ['timeZone', { timeZone: 'PST' }, /timeZone must be one of KST, JST, UTC, GMT/],
    ['baseUrl', { baseUrl: 'ftp://x' }, /baseUrl must be an absolute http\(s\) URL/],
    [
      'baseUrl',
      { baseUrl: 'http://api.example.kr/open-api' },
      /baseUrl must be https:\/\/ for a host other than loopback \(or set allowInsecureHttp: true\)/,
    ],
    ['baseUrl', { baseUrl: 'http://10.0.0.7:4010' }, /must be https:\/\/ for a host other than loopback/],
    ['baseUrl', { baseUrl: 'http://127.0.0.1.example.kr' }, /must be https:\/\/ for a host other than loopback/],
    ['secretKey', { secretKey: 42 }, /secretKey must be a non-empty string, or a function giving one/],
    ['deadlineMs', { deadlineMs: 0 }, /deadlineMs must be at least 1/],
    ['validateResponse', { validateResponse: true }, /validateResponse must be a string, not boolean/],
    ['validateRequest', { validateRequest: 'yes' }, /validateRequest must be a boolean, not string/],
    ['maxResponseBytes', { maxResponseBytes: 0 }, /maxResponseBytes must be at least 1/],
    ['server', { server: 'sandbox' }, /give server or baseUrl, not both/],
    ['timeoutMs', { timeoutMs: -1 }, /timeoutMs must be at least 1/],
    ['retry.retries', { retry: { retries: 99 } }, /retry.retries must be at most 10/],
    [
      'encryption.keyId',
      { encryption: { keyId: 'k', serverPublicKey: '', clientPrivateKey: '' } },
      /encryption.keyId must be exactly 32/,
    ],
    [
      'encryption.serverPublicKey',
      {
        encryption: { keyId: 'k'.repeat(32), serverPublicKey: SECRET, clientPrivateKey: '-----BEGIN PRIVATE KEY-----' },
      },
      /encryption.serverPublicKey must be an SPKI PEM/,
    ],
  ];
  it('has bad configurations', () => {
    expect(bad.length).toBeGreaterThan(14);
  });

  it.each(bad)('%s: a clear error at creation naming the field', (field, change, message) => {
    let thrown: unknown;
    try {
      createKonaplateClient({ ...baseConfig, ...change } as KonaplateClientConfig);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(KonaplateConfigError);
    expect(thrown).toMatchObject({ field });
    expect(String((thrown as Error).message)).toMatch(message);
    expect(JSON.stringify(thrown) + String(thrown)).not.toContain(SECRET);
    expect(String((thrown as Error).stack).split('\n')[0]).not.toContain(SECRET);
  });

  it('plain http:// is for loopback, unless allowInsecureHttp; https:// anywhere', () => {
    for (const baseUrl of ['http://127.0.0.1:4010', 'http://localhost:4010/', 'http://[::1]:4010', 'http://127.3.2.1'])
      expect(() => createKonaplateClient({ ...baseConfig, baseUrl })).not.toThrow();
    expect(() =>
      createKonaplateClient({ ...baseConfig, baseUrl: 'http://qa-proxy.internal:8080', allowInsecureHttp: true }),
    ).not.toThrow();
    expect(() => createKonaplateClient({ ...baseConfig, baseUrl: 'https://api.example.kr/open-api' })).not.toThrow();
  });

  it('the defaults: 5 s per attempt, 15 s per call, 2 retries, requests checked, answers tolerated', async () => {
    const { checkConfig } = await import('../src/config.ts');
    expect(checkConfig(baseConfig).call).toEqual({
      timeoutMs: 5_000,
      deadlineMs: 15_000,
      retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 20 },
      validateRequest: true,
      validateResponse: 'tolerant',
    });
    const { retry: _retry, ...noRetry } = baseConfig;
    expect(checkConfig(noRetry).call.retry).toEqual({});
  });

  it('chooses the servers of the spec', async () => {
    const { fetch, sent } = recorder(ok({}));
    const { baseUrl: _b, ...rest } = baseConfig;
    await createKonaplateClient({ ...rest, fetch }).inquireCardVirtualAccount({ cardNo: '9491230000000017' });
    await createKonaplateClient({
      ...rest,
      fetch,
      server: { productionHost: 'api.example.kr' },
    }).inquireCardVirtualAccount({
      cardNo: '9491230000000017',
    });
    expect(sent.map((s) => s.url)).toEqual([
      'https://sandbox.konaplate.com/open-api/api/v1/card/virtual-account/inquiry',
      'https://api.example.kr/open-api/api/v1/card/virtual-account/inquiry',
    ]);
  });
});

// Per call: the second argument of every method overrides the client's settings for that call; the
// caller's own X-KM-Correlation-Id goes on the first attempt, retries get fresh ones, all are listed.
import { describe, expect, it } from 'vitest';
import { KonaplateConfigError, KonaplateValidationError } from '../src/index.ts';
import { clientWith, ok, platformError, recorder, vaSuccess } from './recorder.ts';

const va = { cardNo: '9491230000000017' };
const OWN_ID = '261121103000-c0ffee1';
const unavailable = () => new Response('', { status: 503 });

describe('correlation ids', () => {
  it('a success carries the id it sent and the number of attempts', async () => {
    const { fetch, sent } = recorder(unavailable(), ok(vaSuccess));
    const result = await clientWith(fetch).inquireCardVirtualAccount(va);
    expect(result.error).toBeUndefined();
    expect(result.attempts).toBe(2);
    expect(result.correlationId).toBe(sent[1]?.headers['x-km-correlation-id']);
  });

  it('is the one sent, even when the answer echoes none or another', async () => {
    const echo = (id: string) => new Response(JSON.stringify(vaSuccess), { headers: { 'X-KM-Correlation-Id': id } });
    const { fetch, sent } = recorder(echo('261121103000-0000000'));
    const result = await clientWith(fetch).inquireCardVirtualAccount(va);
    expect(result.correlationId).toBe(sent[0]?.headers['x-km-correlation-id']);
    expect(result.correlationId).not.toBe('261121103000-0000000');
    const refused = await clientWith(recorder(platformError('003_029', 'Card not found')).fetch).call(
      'inquireCardVirtualAccount',
      va,
    );
    expect(refused.error?.correlationId).toMatch(/^261121103000-[0-9a-f]{7}$/);
    expect(refused.error?.correlationId).not.toBe('261121103000-abc1234'); // the answer's echo
  });

  it("a caller's own id is sent on the first attempt; retries get fresh ones; the error lists them all", async () => {
    const { fetch, sent } = recorder(unavailable());
    const { error, correlationId, attempts } = await clientWith(fetch).inquireCardVirtualAccount(va, {
      headers: { 'x-km-correlation-id': OWN_ID },
    });
    const ids = sent.map((s) => s.headers['x-km-correlation-id']);
    expect(ids).toHaveLength(3);
    expect(ids[0]).toBe(OWN_ID);
    expect(new Set(ids).size).toBe(3);
    expect(error).toMatchObject({ kind: 'transport', reason: 'http', attempts: 3, correlationIds: ids });
    expect([correlationId, attempts]).toEqual([ids[2], 3]);
  });

  it("a caller's malformed id is refused before sending, naming the header and its shape", async () => {
    const { fetch, sent } = recorder(ok(vaSuccess));
    const { error } = await clientWith(fetch).inquireCardVirtualAccount(va, {
      headers: { 'X-KM-Correlation-Id': 'my-request-42' },
    });
    expect(error).toBeInstanceOf(KonaplateValidationError);
    expect(error).toMatchObject({
      field: 'X-KM-Correlation-Id',
      rule: 'minLength',
      attempts: 0,
      correlationId: '',
      message: 'X-KM-Correlation-Id must be exactly 20 characters long, not 13 (the X-KM-Correlation-Id header)',
    });
    expect(sent).toHaveLength(0);
    const shaped = await clientWith(fetch).inquireCardVirtualAccount(va, {
      headers: { 'X-KM-Correlation-Id': '261321103000-c0ffee1' },
    });
    expect(shaped.error?.message).toBe(
      "X-KM-Correlation-Id must be YYMMDDhhmmss then '-' then 7 hex digits (the X-KM-Correlation-Id header)",
    );
  });

  it('headers the client computes are its own, whatever their case; others go as given', async () => {
    const { fetch, sent } = recorder(ok(vaSuccess));
    await clientWith(fetch).inquireCardVirtualAccount(va, {
      headers: { 'x-km-tran-token': 'forged', 'X-KM-USER-ASPID': 'other', 'content-type': 'text/plain', Prefer: 'x' },
    });
    const h = sent[0]?.headers ?? {};
    expect(h['x-km-tran-token']).toMatch(/^KMV1:/);
    expect(h['x-km-user-aspid']).toBe('KMASP0000000001');
    expect(h['content-type']).toBe('application/json');
    expect(h.prefer).toBe('x');
  });
});

describe('options per call', () => {
  it('retry: false sends once, for this call only', async () => {
    const { fetch, sent } = recorder(unavailable());
    const client = clientWith(fetch);
    await client.inquireCardVirtualAccount(va, { retry: false });
    expect(sent).toHaveLength(1);
    await client.inquireCardVirtualAccount(va);
    expect(sent).toHaveLength(4);
  });

  it('a retry policy per call applies even when the client has none', async () => {
    const { fetch, sent } = recorder(unavailable());
    const { attempts } = await clientWith(fetch, { retry: false }).inquireCardVirtualAccount(va, {
      retry: { retries: 1, baseDelayMs: 1 },
    });
    expect([attempts, sent.length]).toEqual([2, 2]);
  });

  it("validateResponse per call: 'strict' refuses what the client tolerates, and the other way round", async () => {
    const drifted = { ...vaSuccess, connectType: 'DYNAMIC' };
    const tolerant = clientWith(recorder(ok(drifted)).fetch);
    expect((await tolerant.inquireCardVirtualAccount(va)).data?.connectType).toBe('DYNAMIC');
    const strict = await tolerant.inquireCardVirtualAccount(va, { validateResponse: 'strict' });
    expect(strict.error).toMatchObject({
      kind: 'contract',
      field: 'connectType',
      rule: 'enum',
      message:
        'inquireCardVirtualAccount: the answer breaks the contract: connectType must be one of FIXATION, ROTATION; got DYNAMIC',
    });
    const strictClient = clientWith(recorder(ok(drifted)).fetch, { validateResponse: 'strict' });
    const off = await strictClient.inquireCardVirtualAccount(va, { validateResponse: 'off' });
    expect(off.data?.connectType).toBe('DYNAMIC');
  });

  it('validateRequest: false sends the body as given (the negative test requests reach the platform)', async () => {
    const { fetch, sent } = recorder(platformError('000_P01', 'The length of value does not match, cardNo.'));
    const client = clientWith(fetch);
    const checked = await client.inquireCardVirtualAccount({ cardNo: '949123000000004' });
    expect([checked.error?.kind, sent.length]).toEqual(['validation', 0]);
    const given = await client.inquireCardVirtualAccount({ cardNo: '949123000000004' }, { validateRequest: false });
    expect(given.error).toMatchObject({ kind: 'platform', code: '000_P01' });
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({ cardNo: '949123000000004' });
    const missing = await client.call('inquireCardVirtualAccount', {} as never, { validateRequest: false });
    expect([missing.error?.kind, sent[1]?.body]).toEqual(['platform', '{}']);
  });

  it('an unknown operation is refused even with validateRequest: false', async () => {
    const { fetch, sent } = recorder(ok(vaSuccess));
    const { error } = await clientWith(fetch).call('inquireEverything' as never, {} as never, {
      validateRequest: false,
    });
    expect(error).toMatchObject({ kind: 'validation', field: 'operationId', rule: 'enum' });
    expect(sent).toHaveLength(0);
  });

  it('timeoutMs per call bounds each attempt of that call', async () => {
    const hang = (request: Request) =>
      new Promise<Response>((_, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason)),
      );
    const { error } = await clientWith(hang as never, { timeoutMs: 60_000 }).inquireCardVirtualAccount(va, {
      timeoutMs: 30,
      retry: false,
    });
    expect(error).toMatchObject({ reason: 'timeout', message: expect.stringContaining('timed out after 30 ms') });
  });

  it('a retry is not started when the deadline would pass during its wait', async () => {
    const { fetch, sent } = recorder(new Response('', { status: 503, headers: { 'Retry-After': '2' } }));
    const { error } = await clientWith(fetch).inquireCardVirtualAccount(va, { deadlineMs: 1000 });
    expect(sent).toHaveLength(1);
    expect(error).toMatchObject({ reason: 'http', status: 503, attempts: 1 });
  });

  const bad: Array<[Record<string, unknown>, string, string]> = [
    [{ timeoutMs: 0 }, 'options.timeoutMs', 'options.timeoutMs must be at least 1'],
    [{ deadlineMs: 1.5 }, 'options.deadlineMs', 'options.deadlineMs must be a whole number, not number'],
    [{ retry: { retries: 11 } }, 'options.retry.retries', 'options.retry.retries must be at most 10'],
    [{ validateRequest: 'no' }, 'options.validateRequest', 'options.validateRequest must be a boolean, not string'],
    [
      { validateResponse: 'lenient' },
      'options.validateResponse',
      'options.validateResponse must be one of strict, tolerant, off; got lenient',
    ],
  ];

  it('has bad options', () => {
    expect(bad.length).toBeGreaterThan(4);
  });

  it.each(bad)(
    'a bad option (%j) is a KonaplateConfigError naming it; nothing is sent',
    async (options, field, what) => {
      const { fetch, sent } = recorder(ok(vaSuccess));
      const { error } = await clientWith(fetch).inquireCardVirtualAccount(va, options as never);
      expect(error).toBeInstanceOf(KonaplateConfigError);
      expect(error).toMatchObject({ field, message: `invalid call options: ${what}`, attempts: 0 });
      expect(sent).toHaveLength(0);
    },
  );
});

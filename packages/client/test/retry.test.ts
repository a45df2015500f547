// Retries only what is worth retrying, bounded, honouring Retry-After; timeouts per attempt.
import { describe, expect, it } from 'vitest';
import { isKonaplateError, KonaplateTransportError } from '../src/index.ts';
import { retryAfterMs, withRetry } from '../src/retry.ts';
import { clientWith, ok, platformError, recorder, vaSuccess } from './recorder.ts';

const body = { cardNo: '9491230000000017' };

describe('the client', () => {
  it.each([
    ['a network error', new TypeError('fetch failed')],
    ['408', new Response('', { status: 408 })],
    ['429', new Response('', { status: 429 })],
    ['500', new Response('', { status: 500 })],
    ['503', new Response('', { status: 503 })],
  ])('retries %s and then succeeds', async (_, first) => {
    const { fetch, sent } = recorder(first, ok(vaSuccess));
    const { data } = await clientWith(fetch).inquireCardVirtualAccount(body);
    expect([sent.length, data?.accountNo]).toEqual([2, '56201234567890']);
  });

  it('never retries a business 400, and types it', async () => {
    const { fetch, sent } = recorder(platformError('003_029', 'Card not found'));
    const { error } = await clientWith(fetch).inquireCardVirtualAccount(body);
    expect(sent).toHaveLength(1);
    expect(isKonaplateError(error, '003_029')).toBe(true);
    expect(error).toMatchObject({
      code: '003_029',
      message: 'Card not found',
      status: 400,
      correlationId: sent[0]?.headers['x-km-correlation-id'],
      attempts: 1,
    });
  });

  it('stops after the configured number of retries', async () => {
    const { fetch, sent } = recorder(new Response('', { status: 503 }));
    const { error } = await clientWith(fetch, { retry: { retries: 3, baseDelayMs: 1 } }).inquireCardVirtualAccount(
      body,
    );
    expect(sent).toHaveLength(4);
    expect(error).toBeInstanceOf(KonaplateTransportError);
    expect(error).toMatchObject({ reason: 'http', status: 503, attempts: 4 });
  });

  it('times out each attempt and reports a timeout', async () => {
    const hang = (request: Request) =>
      new Promise<Response>((_, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason)),
      );
    const started = Date.now();
    const { error } = await clientWith(hang as never, {
      timeoutMs: 50,
      retry: { retries: 1, baseDelayMs: 1 },
    }).inquireCardVirtualAccount(body);
    expect(error).toMatchObject({ kind: 'transport', reason: 'timeout', attempts: 2 });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('the caller can abort; an abort is not retried', async () => {
    const controller = new AbortController();
    const hang = (request: Request) =>
      new Promise<Response>((_, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason)),
      );
    setTimeout(() => controller.abort(), 20);
    const { error } = await clientWith(hang as never).inquireCardVirtualAccount(body, { signal: controller.signal });
    expect(error).toMatchObject({ reason: 'aborted' });
  });

  it('retry: false sends once', async () => {
    const { fetch, sent } = recorder(new Response('', { status: 503 }));
    await clientWith(fetch, { retry: false }).inquireCardVirtualAccount(body);
    expect(sent).toHaveLength(1);
  });
});

describe('withRetry', () => {
  const answer = (status: number, headers: Record<string, string> = {}) => ({
    response: new Response('', { status, headers }),
    value: status,
  });

  it('backs off exponentially with full jitter, capped', async () => {
    const waits: number[] = [];
    const statuses = [503, 503, 503, 503, 200];
    await withRetry(async () => answer(statuses.shift() ?? 200), {
      retries: 5,
      baseDelayMs: 100,
      maxDelayMs: 300,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(waits).toEqual([50, 100, 150, 150]);
  });

  it('honours Retry-After in seconds or as a date, and gives up when it asks for longer than the cap', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const replies = [answer(429, { 'retry-after': '2' }), answer(200)];
    await withRetry(async () => replies.shift() ?? answer(200), { maxDelayMs: 5000, sleep });
    expect(waits).toEqual([2000]);
    const long = await withRetry(async () => answer(429, { 'retry-after': '60' }), { maxDelayMs: 5000, sleep });
    expect([long.attempts, waits]).toEqual([1, [2000]]);
    expect(retryAfterMs('Sat, 21 Nov 2026 01:30:10 GMT', Date.UTC(2026, 10, 21, 1, 30, 0))).toBe(10_000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });
});

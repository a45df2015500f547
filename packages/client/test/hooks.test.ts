// Hooks: structured, already redacted events of every call, in order; a hook that throws or rejects
// never breaks the call.
import { describe, expect, it } from 'vitest';
import type { KonaplateEvents, KonaplateHooks } from '../src/index.ts';
import { clientWith, ok, platformError, recorder, SECRET, vaSuccess } from './recorder.ts';

const CARD = '9491230000000017';
const card = { cardNo: CARD, expiryDate: '3108', cardCVC: '987' };
const VA_URL = 'http://127.0.0.1:9/api/v1/card/virtual-account/inquiry';

/** Hooks that record every event as [name, event]. */
function recording() {
  const events: Array<[string, Record<string, unknown>]> = [];
  const hook =
    (name: string) =>
    (event: object): void => {
      events.push([name, event as Record<string, unknown>]);
    };
  const hooks: KonaplateHooks = {
    onRequest: hook('request'),
    onResponse: hook('response'),
    onRetry: hook('retry'),
    onError: hook('error'),
    onContractDrift: hook('contractDrift'),
  };
  return { events, hooks, names: () => events.map(([name]) => name) };
}

describe('events', () => {
  it('a retried call that succeeds: request, response, retry, request, response', async () => {
    const { events, hooks, names } = recording();
    const { fetch, sent } = recorder(new Response('', { status: 503 }), ok(vaSuccess));
    await clientWith(fetch, { hooks, retry: { baseDelayMs: 1, maxDelayMs: 1 } }).inquireCardVirtualAccount({
      cardNo: CARD,
    });
    expect(names()).toEqual(['request', 'response', 'retry', 'request', 'response']);
    const ids = sent.map((s) => s.headers['x-km-correlation-id']);
    const [request1, response1, retry, request2, response2] = events.map(([, e]) => e);
    const common = { operationId: 'inquireCardVirtualAccount', method: 'POST', url: VA_URL };
    expect(request1).toEqual({ ...common, correlationId: ids[0], attempt: 1, body: { cardNo: '************0017' } });
    expect(response1).toMatchObject({ ...common, correlationId: ids[0], attempt: 1, status: 503, code: undefined });
    expect(retry).toMatchObject({ ...common, correlationId: ids[0], attempt: 1, reason: 'http', status: 503 });
    expect(retry?.delayMs).toBeGreaterThanOrEqual(0);
    expect(request2).toMatchObject({ correlationId: ids[1], attempt: 2 });
    expect(response2).toMatchObject({
      ...common,
      correlationId: ids[1],
      attempt: 2,
      status: 200,
      code: '000_000',
      body: { ...vaSuccess, accountNo: '**********7890' },
    });
    expect(response2?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('a business refusal: response with its code, then error', async () => {
    const { events, hooks, names } = recording();
    const { fetch } = recorder(platformError('003_029', 'Card not found'));
    const { error } = await clientWith(fetch, { hooks }).inquireCardVirtualAccount({ cardNo: CARD });
    expect(names()).toEqual(['request', 'response', 'error']);
    expect(events[1]?.[1]).toMatchObject({ status: 400, code: '003_029', body: undefined });
    expect(events[2]?.[1]).toMatchObject({ attempt: 1, correlationId: error?.correlationId, error });
    expect(events[2]?.[1].durationMs).toBeGreaterThanOrEqual(0);
  });

  it('a request refused before sending: only error, with no attempt', async () => {
    const { events, hooks, names } = recording();
    await clientWith(recorder(ok(vaSuccess)).fetch, { hooks }).inquireCardVirtualAccount({ cardNo: '1' });
    expect(names()).toEqual(['error']);
    expect(events[0]?.[1]).toMatchObject({ attempt: 0, correlationId: '', method: '', url: '' });
    expect(events[0]?.[1].error).toMatchObject({ kind: 'validation' });
  });

  it('no answer: a retry names the transport reason', async () => {
    const { events, hooks, names } = recording();
    const { fetch } = recorder(new TypeError('fetch failed'), ok(vaSuccess));
    await clientWith(fetch, { hooks, retry: { baseDelayMs: 1 } }).inquireCardVirtualAccount({ cardNo: CARD });
    expect(names()).toEqual(['request', 'retry', 'request', 'response']);
    expect(events[1]?.[1]).toMatchObject({ reason: 'network', status: undefined, attempt: 1 });
  });

  it('contract drift is reported, and the payload handed out', async () => {
    const { events, hooks, names } = recording();
    const { fetch, sent } = recorder(ok({ ...vaSuccess, connectType: 'DYNAMIC', nickname: 'n' }));
    const { data } = await clientWith(fetch, { hooks }).inquireCardVirtualAccount({ cardNo: CARD });
    expect(data?.connectType).toBe('DYNAMIC');
    expect(names()).toEqual(['request', 'response', 'contractDrift']);
    const drift = events[2]?.[1] as unknown as KonaplateEvents['contractDrift'];
    expect(drift).toMatchObject({ status: 200, attempt: 1, correlationId: sent[0]?.headers['x-km-correlation-id'] });
    expect(drift.drift).toEqual([
      { field: 'connectType', rule: 'enum', message: 'connectType must be one of FIXATION, ROTATION; got DYNAMIC' },
      { field: 'nickname', rule: 'additionalProperties', message: 'nickname is not in the contract' },
    ]);
  });

  it('no event holds a card number, CVC, expiry, secret, access key or token', async () => {
    const { events, hooks } = recording();
    const tokens: string[] = [];
    const { fetch } = recorder((s) => {
      tokens.push(s.headers['x-km-tran-token'] ?? '');
      return platformError('003_029', 'Card not found');
    });
    const client = clientWith(fetch, { hooks });
    await client.inquireUnregisteredCard(card);
    await client.inquireUnregisteredCard({ ...card, cardCVC: '98x' });
    // Durations are left out: their digits could hold any three (the CVC's) by chance.
    const shown = JSON.stringify(events, (key, value) => (key === 'durationMs' ? undefined : value));
    expect(events.length).toBeGreaterThanOrEqual(4);
    for (const secret of [CARD, '987', '3108', SECRET, 'sandbox-access-key-not-a-real-key-000001', ...tokens])
      expect(shown).not.toContain(secret);
    expect(shown).toContain('************0017');
  });
});

describe('a hook never breaks the call', () => {
  it('whether it throws or rejects, in any hook', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const boom = () => {
        throw new Error('hook failed');
      };
      const later = async () => {
        throw new Error('async hook failed');
      };
      const hooks = { onRequest: boom, onResponse: later, onRetry: boom, onError: later, onContractDrift: boom };
      const { fetch } = recorder(new Response('', { status: 503 }), ok({ ...vaSuccess, connectType: 'DYNAMIC' }));
      const client = clientWith(fetch, { hooks, retry: { baseDelayMs: 1 } });
      const { data, error } = await client.inquireCardVirtualAccount({ cardNo: CARD });
      expect(error).toBeUndefined();
      expect(data?.connectType).toBe('DYNAMIC');
      const refused = await clientWith(recorder(platformError('003_029', 'x')).fetch, { hooks }).call(
        'inquireCardVirtualAccount',
        { cardNo: CARD },
      );
      expect(refused.error?.kind).toBe('platform');
      // A rejected hook's promise is caught: the next turn of the event loop sees no unhandled rejection.
      await new Promise((resolve) => setImmediate(resolve));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});

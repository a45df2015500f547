// An answer is judged by the platform's result code, not the HTTP status, and
// a success payload is checked against the spec before it becomes data.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createKonaplateClient,
  isKonaplateError,
  KonaplateContractError,
  KonaplateError,
  KonaplateResponseError,
} from '../src/index.ts';
import { checkResponse } from '../src/tools.ts';
import { baseConfig, clientWith, examples, ok, recorder, vaSuccess } from './recorder.ts';

const va = { cardNo: '9491230000000017' };
const envelope = (code: string, message = 'Card not found') => ({ response: { code, message, description: '설명' } });

describe('judged by response.code', () => {
  it('a 200 carrying an error code is a KonaplateError, flagged as such', async () => {
    const { fetch } = recorder(ok(envelope('003_029')));
    const { data, error } = await clientWith(fetch).inquireCardVirtualAccount(va);
    expect(data).toBeUndefined();
    expect(isKonaplateError(error, '003_029')).toBe(true);
    expect(error).toMatchObject({ status: 200, expectedStatus: 400, statusMismatch: true, message: 'Card not found' });
  });

  it('a 400 with a registered code is not flagged', async () => {
    const { fetch } = recorder(new Response(JSON.stringify(envelope('003_067')), { status: 400 }));
    const { error } = await clientWith(fetch).inquireCardVirtualAccount(va);
    expect(error).toMatchObject({ code: '003_067', status: 400, expectedStatus: 400, statusMismatch: false });
  });

  it('an unregistered code is a KonaplateError with the code as a plain string', async () => {
    const { fetch } = recorder(new Response(JSON.stringify(envelope('009_123', 'Other')), { status: 400 }));
    const { error } = await clientWith(fetch).inquireCardVirtualAccount(va);
    expect(error).toBeInstanceOf(KonaplateError);
    expect(error).toMatchObject({ code: '009_123', expectedStatus: undefined, statusMismatch: false });
    expect(isKonaplateError(error)).toBe(true);
  });

  it('the success code under an error status breaks the contract', async () => {
    const { fetch } = recorder(new Response(JSON.stringify(vaSuccess), { status: 400 }));
    const { error } = await clientWith(fetch).inquireCardVirtualAccount(va);
    expect(error).toBeInstanceOf(KonaplateContractError);
    expect(error).toMatchObject({ field: 'response.code', rule: 'httpStatus', status: 400 });
  });

  it('a 200 without a result code breaks the contract', async () => {
    const { fetch } = recorder(ok({ accountNo: '56201234567890' }));
    const { error } = await clientWith(fetch).inquireCardVirtualAccount(va);
    expect(error).toMatchObject({ kind: 'contract', field: 'response.code', rule: 'required' });
  });
});

describe("success payloads are checked against the spec (validateResponse: 'strict')", () => {
  const strict = { validateResponse: 'strict' } as const;
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ['a 50-character accountNo', { ...vaSuccess, accountNo: '5'.repeat(50) }, 'accountNo', 'maxLength'],
    ['a missing status', { ...vaSuccess, status: undefined }, 'status', 'required'],
    ['an unknown connectType', { ...vaSuccess, connectType: 'ROTATING' }, 'connectType', 'enum'],
    ['a number for bankCode', { ...vaSuccess, bankCode: 88 }, 'bankCode', 'type'],
    ['a letter in accountNo', { ...vaSuccess, accountNo: '5620123456789X' }, 'accountNo', 'pattern'],
  ];
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(3);
  });

  it.each(cases)(
    '%s is a KonaplateContractError naming field and rule, never the value',
    async (_, body, field, rule) => {
      const { fetch } = recorder(ok(body));
      const { data, error } = await clientWith(fetch, strict).inquireCardVirtualAccount(va);
      expect(data).toBeUndefined();
      expect(error).toBeInstanceOf(KonaplateContractError);
      expect(error).toMatchObject({ field, rule, status: 200, operationId: 'inquireCardVirtualAccount' });
      const shown = `${String(error)} ${JSON.stringify(error)}`;
      // An enum names the value it got (none of this operation's enums is sensitive); no other rule quotes it.
      for (const value of Object.values(body))
        if (typeof value === 'string' && value.length > 3 && rule !== 'enum') expect(shown).not.toContain(value);
    },
  );

  it('nested fields are named by path', async () => {
    const card = structuredClone(examples.UnregisteredCardWithPoints?.value) as {
      cardDataInfo: { cardPointInfo: Array<Record<string, unknown>> };
    };
    expect(checkResponse('inquireUnregisteredCard', card)).toEqual([]);
    (card.cardDataInfo.cardPointInfo[0] as Record<string, unknown>).pointName = 'x'.repeat(500);
    const { fetch } = recorder(ok(card));
    const { error } = await clientWith(fetch, strict).inquireUnregisteredCard({
      cardNo: '9491230000000017',
      expiryDate: '3108',
      cardCVC: '123',
    });
    expect(error).toMatchObject({ field: 'cardDataInfo.cardPointInfo[0].pointName', rule: 'maxLength' });
  });

  it('checkResponse lists every broken field; every success example of the spec conforms', () => {
    expect(checkResponse('inquireCardVirtualAccount', { ...vaSuccess, accountNo: 1, status: undefined })).toEqual([
      { field: 'accountNo', rule: 'type', message: 'accountNo must be a string, not number' },
      { field: 'status', rule: 'required', message: 'status is required' },
    ]);
    for (const name of ['VirtualAccountSuccess', 'VirtualAccountRotation', 'VirtualAccountInactive'])
      expect(checkResponse('inquireCardVirtualAccount', examples[name]?.value)).toEqual([]);
    for (const name of ['UnregisteredCardSuccess', 'UnregisteredCardWithPoints', 'UnregisteredCardSuspended'])
      expect(checkResponse('inquireUnregisteredCard', examples[name]?.value)).toEqual([]);
  });

  it("validateResponse: 'off' hands out the payload as it came (and validateResponses: false, its old name)", async () => {
    for (const setting of [{ validateResponse: 'off' as const }, { validateResponses: false }]) {
      const { fetch } = recorder(ok({ ...vaSuccess, accountNo: '5'.repeat(50), status: undefined }));
      const { data, error } = await clientWith(fetch, setting).inquireCardVirtualAccount(va);
      expect(error).toBeUndefined();
      expect(data?.accountNo).toHaveLength(50);
    }
  });

  it('validateResponses: true, the old name, is strict', async () => {
    const { fetch } = recorder(ok({ ...vaSuccess, connectType: 'DYNAMIC' }));
    const { error } = await clientWith(fetch, { validateResponses: true }).inquireCardVirtualAccount(va);
    expect(error).toMatchObject({ kind: 'contract', field: 'connectType', rule: 'enum' });
  });
});

describe('bodies that are not the contract’s JSON', () => {
  it('a truncated JSON body is its own error kind, not a network error, and is not retried', async () => {
    const { fetch, sent } = recorder(new Response('{"response":{"code":"000_0', { status: 200 }));
    const { error } = await clientWith(fetch).inquireCardVirtualAccount(va);
    expect(error).toBeInstanceOf(KonaplateResponseError);
    expect(error).toMatchObject({ kind: 'response', reason: 'not-json', status: 200 });
    expect(sent).toHaveLength(1);
  });

  it('an encrypted answer without encryption keys is a configuration error', async () => {
    const { fetch } = recorder(ok({ encData: 'a.b.c.d.e' }));
    const { error } = await clientWith(fetch).inquireCardVirtualAccount(va);
    expect(error).toMatchObject({ kind: 'config', field: 'encryption' });
  });

  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    return new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  /** A real server whose answer is `bytes` long, with or without Content-Length; reports how much it wrote. */
  async function bigAnswer(bytes: number, declareLength: boolean) {
    const state = { written: 0, closedEarly: false };
    server = createServer((_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/json',
        ...(declareLength ? { 'content-length': String(bytes) } : {}),
      });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (state.written < bytes) {
          state.written += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      response.on('close', () => {
        state.closedEarly = state.written < bytes || !response.writableFinished;
      });
      pump();
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { state, baseUrl: `http://127.0.0.1:${port}` };
  }

  it.each([
    ['declared with Content-Length', true],
    ['streamed without a length', false],
  ])('an answer over maxResponseBytes is refused without buffering it whole (%s)', async (_, declared) => {
    const total = 256 * 1024 * 1024;
    const { state, baseUrl } = await bigAnswer(total, declared);
    const client = createKonaplateClient({ ...baseConfig, baseUrl, maxResponseBytes: 256 * 1024, retry: false });
    const { error } = await client.inquireCardVirtualAccount(va);
    expect(error).toMatchObject({ kind: 'response', reason: 'too-large', status: 200 });
    expect(error?.message).toContain('262144 bytes');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state.closedEarly).toBe(true);
    expect(state.written).toBeLessThan(total / 4);
  });

  it('the limit is 1 MiB by default', async () => {
    const { baseUrl } = await bigAnswer(1024 * 1024 + 64 * 1024, false);
    const { error } = await createKonaplateClient({ ...baseConfig, baseUrl, retry: false }).inquireCardVirtualAccount(
      va,
    );
    expect(error).toMatchObject({ reason: 'too-large' });
    expect(error?.message).toContain('1048576 bytes');
  });
});

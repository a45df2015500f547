// Every named scenario of both operations, through the client, against the real
// mock on a free port; then strict signing and encryption end to end.
import { createMockServer, loadContract, loadKeys, utcOffsetsOf } from '@konaplate-contract/mock';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKonaplateClient, isKonaplateError, KonaplateValidationError } from '../src/index.ts';
import { baseConfig } from './recorder.ts';

const contract = loadContract();
const mocks: Array<{ close: () => Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(mocks.map((m) => m.close()));
});
async function mockAt(options: Partial<Parameters<typeof createMockServer>[0]> = {}) {
  const mock = await createMockServer({ contract, ...options });
  mocks.push(mock);
  return (await mock.listen(0)).href.replace(/\/$/, '');
}
const { now: _fixedClock, ...config } = baseConfig;

const validCard = { cardNo: '9491231111111111', expiryDate: '3108', cardCVC: '123' };
const bodies = { inquireUnregisteredCard: validCard, inquireCardVirtualAccount: { cardNo: '9491231111111111' } };
const scenarios = contract.scenarios.operations.flatMap((op) =>
  op.scenarios
    .filter((s) => !('body' in s.when && 'encData' in s.when.body))
    .map((s) => ({ operationId: op.operationId as keyof typeof bodies, ...s })),
);

describe('every scenario against the mock', () => {
  let baseUrl: string;
  beforeAll(async () => {
    baseUrl = await mockAt();
  });

  it.each(scenarios)('$operationId $example', async (s) => {
    const client = createKonaplateClient({ ...config, baseUrl });
    const body = { ...bodies[s.operationId], ...('body' in s.when ? s.when.body : {}) };
    if ('invalid' in s.when) delete (body as Record<string, unknown>).cardNo;
    const result =
      s.operationId === 'inquireUnregisteredCard'
        ? await client.inquireUnregisteredCard(body as typeof validCard)
        : await client.inquireCardVirtualAccount(body as { cardNo: string });
    if (s.status === 200) {
      expect(result.error).toBeUndefined();
      expect(result.data?.response.code).toBe('000_000');
    } else if (
      'invalid' in s.when ||
      s.example === 'invalid-card-number' ||
      s.example.includes('length') ||
      s.example === 'invalid-input-parameter'
    ) {
      // The client refuses these itself: the mock never sees them.
      expect(result.error).toBeInstanceOf(KonaplateValidationError);
    } else {
      expect(isKonaplateError(result.error)).toBe(true);
      expect(result.error).toMatchObject({ code: s.code, status: 400 });
      expect((result.error as unknown as { correlationId: string }).correlationId).toMatch(/^\d{12}-[0-9a-f]{7}$/);
    }
  });

  // The documented negative test requests (a 15-digit card, letters in it, a field left out): the client refuses
  // them itself, unless the call says validateRequest: false, which sends them as given.
  const negative = scenarios.filter(
    (s) =>
      s.status !== 200 &&
      ('invalid' in s.when ||
        s.example === 'invalid-card-number' ||
        s.example.includes('length') ||
        s.example === 'invalid-input-parameter'),
  );

  it('has negative test requests', () => {
    expect(negative.length).toBeGreaterThanOrEqual(4);
  });

  it.each(negative)('$operationId $example with validateRequest: false gets the platform’s $code', async (s) => {
    const client = createKonaplateClient({ ...config, baseUrl });
    const body = { ...bodies[s.operationId], ...('body' in s.when ? s.when.body : {}) } as Record<string, unknown>;
    if ('invalid' in s.when) delete body.cardNo;
    const result = await client.call(s.operationId, body as never, { validateRequest: false });
    expect(result.error).toMatchObject({ kind: 'platform', code: s.code, status: s.status, attempts: 1 });
  });

  it('reaches the mock-side validation scenarios when the caller passes the checks (Prefer)', async () => {
    const client = createKonaplateClient({ ...config, baseUrl });
    const { error, response } = await client.inquireCardVirtualAccount(
      { cardNo: '9491231111111111' },
      { headers: { Prefer: 'example=missing-required-values' } },
    );
    expect(response?.status).toBe(400);
    expect(error).toMatchObject({ kind: 'platform', code: '000_003', status: 400, statusMismatch: false });
  });
});

describe('strict signing and encryption against the mock', () => {
  it('a signed, encrypted call is verified, decrypted, answered encrypted and decrypted back', async () => {
    const server = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
    const client = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
    const keyId = '5f0c2a9e41b7d3c86e2f1a0b9d4c7e13';
    const baseUrl = await mockAt({
      signing: { secret: config.secretKey, windowSeconds: 300, now: Date.now, utcOffsets: utcOffsetsOf(contract) },
      encryption: await loadKeys({
        keyId,
        serverPrivateKey: await exportPKCS8(server.privateKey),
        clientPublicKey: await exportSPKI(client.publicKey),
      }),
    });
    const encryption = {
      keyId,
      serverPublicKey: await exportSPKI(server.publicKey),
      clientPrivateKey: await exportPKCS8(client.privateKey),
    };
    const konaplate = createKonaplateClient({ ...config, baseUrl, encryption });
    const va = await konaplate.orThrow.inquireCardVirtualAccount({ cardNo: '9491230000000066' });
    expect([va.connectType, va.accountNo]).toEqual(['ROTATION', '27091234567801']);
    const card = await konaplate.orThrow.inquireUnregisteredCard({ ...validCard, cardNo: '9491230000000033' });
    expect(card.cardDataInfo.cardPointInfo?.[0]?.pointName).toBe('코나 포인트');
    const refused = await konaplate.inquireCardVirtualAccount({ cardNo: '9491230000000082' });
    expect(isKonaplateError(refused.error, '003_067')).toBe(true);
    const wrongSecret = createKonaplateClient({ ...config, secretKey: 'not-the-sandbox-secret', baseUrl, encryption });
    const bad = await wrongSecret.inquireCardVirtualAccount({ cardNo: '9491230000000066' });
    expect(bad.error).toMatchObject({ code: '000_002', message: 'Invalid input parameter. X-KM-Tran-Token' });
  });
});

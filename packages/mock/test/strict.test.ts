// Strict mode: tran tokens verified over the raw body bytes, encrypted bodies
// decrypted and validated, responses encrypted to the client key.
import { utcOffsets } from '@konaplate-contract/contract';
import { CompactEncrypt, compactDecrypt, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKeys } from '../src/encryption.ts';
import { parseZonedTime } from '../src/signing.ts';
import { CARD, contract, exampleValue, post, SECRET, startMock, VA, validBodies } from './support.ts';

const now = Date.UTC(2026, 10, 21, 1, 30, 0); // 10:30 KST
const keyId = '5f0c2a9e41b7d3c86e2f1a0b9d4c7e13';
let mock: Awaited<ReturnType<typeof startMock>>;
let server: Awaited<ReturnType<typeof generateKeyPair>>;
let client: Awaited<ReturnType<typeof generateKeyPair>>;

beforeAll(async () => {
  // Test-only key pairs, made here and thrown away.
  server = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
  client = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
  const encryption = await loadKeys({
    keyId,
    serverPrivateKey: await exportPKCS8(server.privateKey),
    clientPublicKey: await exportSPKI(client.publicKey),
  });
  mock = await startMock({
    signing: { secret: SECRET, windowSeconds: 300, now: () => now, utcOffsets: utcOffsets(contract.spec) },
    encryption,
  });
});
afterAll(() => mock.close());

const encrypt = (payload: unknown, enc = 'A128GCM') =>
  new CompactEncrypt(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc })
    .encrypt(server.publicKey);

describe('signing', () => {
  it('a request signed over its exact bytes passes', async () => {
    const answer = await post(mock.url, VA, validBodies[VA], {}, { at: now });
    expect([answer.status, answer.json.response?.code]).toEqual([200, '000_000']);
  });

  it('signing another serialization of the same JSON fails: the token covers bytes, not meaning', async () => {
    const sent = '{ "cardNo": "9491231111111111" }';
    const { signedHeaders } = await import('./support.ts');
    const headers = signedHeaders('{"cardNo":"9491231111111111"}', { at: now });
    const res = await fetch(new URL(VA, mock.url), { method: 'POST', headers, body: sent });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-konaplate-mock-reason')).toMatch(/does not match the body/);
  });

  it.each([
    ['a body changed after signing', { tamper: true }, 'X-KM-Tran-Token', /does not match the body/],
    ['a wrong secret', { secret: 'another-secret' }, 'X-KM-Tran-Token', /does not match the body/],
    [
      'a stale time (10 minutes old)',
      { at: now - 600_000 },
      'X-KM-Tran-Time',
      /600 s from the mock's clock \(window 300 s\)/,
    ],
    ['a time from the future', { at: now + 400_000 }, 'X-KM-Tran-Time', /400 s from/],
  ])('%s: 000_002 naming %s', async (_, how, field, reason) => {
    const at = 'at' in how ? how.at : now;
    const secret = 'secret' in how ? how.secret : SECRET;
    const { signedHeaders } = await import('./support.ts');
    const headers = signedHeaders(JSON.stringify(validBodies[VA]), { at, secret });
    const body = 'tamper' in how ? JSON.stringify({ cardNo: '9491239999999991' }) : JSON.stringify(validBodies[VA]);
    const res = await fetch(new URL(VA, mock.url), { method: 'POST', headers, body });
    const json = (await res.json()) as { response: { code: string; message: string } };
    expect([res.status, json.response.code, json.response.message]).toEqual([
      400,
      '000_002',
      `Invalid input parameter. ${field}`,
    ]);
    expect(res.headers.get('x-konaplate-mock-reason')).toMatch(reason);
    expect(res.headers.get('x-konaplate-mock-reason')).not.toContain(SECRET);
  });

  it('a tran time that is not the token time fails', async () => {
    const answer = await post(mock.url, VA, validBodies[VA], { 'x-km-tran-time': '20261121102959' }, { at: now });
    expect(answer.json.response?.message).toBe('Invalid input parameter. X-KM-Tran-Time');
  });

  it('reads times in the named zone', () => {
    const offsets = utcOffsets(contract.spec);
    expect(parseZonedTime('20261121103000000', 'KST', offsets)).toBe(now);
    expect(parseZonedTime('20261121013000', 'UTC', offsets)).toBe(now);
    expect(parseZonedTime('20261121013000', 'PST', offsets)).toBeNull();
  });
});

describe('encryption', () => {
  it('decrypts the request, serves its scenario, and encrypts the answer to the client key', async () => {
    for (const [path, cardNo, key] of [
      [VA, '9491230000000066', 'rotation-account'],
      [CARD, '9491230000000025', 'suspended-card'],
    ] as const) {
      const envelope = { encData: await encrypt({ ...validBodies[path], cardNo }) };
      const answer = await post(mock.url, path, envelope, { 'x-km-crypto-key-id': keyId }, { at: now });
      expect([answer.status, answer.headers.get('x-km-crypto-key-id')]).toEqual([200, keyId]);
      const { plaintext, protectedHeader } = await compactDecrypt(answer.json.encData ?? '', client.privateKey);
      expect(protectedHeader).toMatchObject({ alg: 'RSA-OAEP-256', enc: 'A256GCM' });
      expect(JSON.parse(new TextDecoder().decode(plaintext))).toEqual(exampleValue(path, '200', key));
    }
  });

  it('validates the decrypted payload like a plaintext one', async () => {
    const envelope = { encData: await encrypt({ cardNo: '94912300' }, 'A256GCM') };
    const answer = await post(mock.url, VA, envelope, { 'x-km-crypto-key-id': keyId }, { at: now });
    expect([answer.status, answer.json.response?.message]).toEqual([400, 'Invalid input parameter. cardNo']);
  });

  it('answers errors in plaintext', async () => {
    const envelope = { encData: await encrypt({ cardNo: '9491239999999991' }) };
    const answer = await post(mock.url, VA, envelope, { 'x-km-crypto-key-id': keyId }, { at: now });
    expect([answer.status, answer.json.response?.code]).toEqual([400, '003_029']);
  });

  it('a corrupt JWE: 000_002 naming encData', async () => {
    const jwe = await encrypt(validBodies[VA]);
    const corrupt = `${jwe.slice(0, -8)}AAAAAAAA`;
    const answer = await post(mock.url, VA, { encData: corrupt }, { 'x-km-crypto-key-id': keyId }, { at: now });
    expect([answer.status, answer.json.response?.message]).toEqual([400, 'Invalid input parameter. encData']);
  });

  it('an encrypted body without X-KM-Crypto-Key-Id: 000_003', async () => {
    const answer = await post(mock.url, VA, { encData: await encrypt(validBodies[VA]) }, {}, { at: now });
    expect([answer.status, answer.json.response?.code]).toEqual([400, '000_003']);
    expect(answer.headers.get('x-konaplate-mock-reason')).toMatch(/X-KM-Crypto-Key-Id is missing/);
  });
});

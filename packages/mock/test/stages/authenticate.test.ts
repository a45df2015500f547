// Stage 3, authenticate: the tran token and its window (strict signing), and the envelope opened with the
// server key. Test-only keys, made here.
import { utcOffsets } from '@konaplate-contract/contract';
import { CompactEncrypt, exportPKCS8, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { type EncryptionKeys, loadKeys } from '../../src/encryption.ts';
import type { SigningOptions } from '../../src/signing.ts';
import { checkSignature, openEnvelope } from '../../src/stages/authenticate.ts';
import { doc, envelope, SECRET, signedHeaders } from './fixture.ts';

const now = Date.UTC(2026, 10, 21, 1, 30, 0); // 10:30 KST
const signing: SigningOptions = { secret: SECRET, windowSeconds: 300, now: () => now, utcOffsets: utcOffsets(doc) };
const names = { tranToken: 'X-KM-Tran-Token', tranTime: 'X-KM-Tran-Time', timeZone: 'X-KM-Time-Zone' };
const body = '{"cardNo":"9491231111111111"}';

describe('checkSignature', () => {
  it('off (no signing options): nothing is checked', () => {
    expect(checkSignature({}, Buffer.from(body), undefined, names, 'E')).toBeUndefined();
  });

  it('a token over the exact bytes, inside the window: holds', () => {
    expect(checkSignature(signedHeaders(body, { at: now }), Buffer.from(body), signing, names, 'E')).toBeUndefined();
    const edge = signedHeaders(body, { at: now - 300_000 });
    expect(checkSignature(edge, Buffer.from(body), signing, names, 'E')).toBeUndefined();
  });

  it('another body or secret: the invalid-input code naming the token header', () => {
    const headers = signedHeaders(body, { at: now });
    expect(checkSignature(headers, Buffer.from(`${body} `), signing, names, 'E')).toEqual({
      status: 400,
      code: 'E',
      field: 'X-KM-Tran-Token',
      reason: 'X-KM-Tran-Token does not match the body: HMAC-SHA256 over the exact body bytes with the sandbox secret',
    });
    const other = signedHeaders(body, { at: now, secret: 'another' });
    expect(checkSignature(other, Buffer.from(body), signing, names, 'E')?.field).toBe('X-KM-Tran-Token');
  });

  it('outside the window: naming X-KM-Tran-Time and how far off it is', () => {
    const stale = signedHeaders(body, { at: now - 301_000 });
    expect(checkSignature(stale, Buffer.from(body), signing, names, 'E')).toEqual({
      status: 400,
      code: 'E',
      field: 'X-KM-Tran-Time',
      reason: "X-KM-Tran-Time is 301 s from the mock's clock (window 300 s)",
    });
  });
});

describe('openEnvelope', () => {
  let keys: EncryptionKeys;
  let seal: (text: string) => Promise<string>;
  beforeAll(async () => {
    const server = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
    keys = await loadKeys({ keyId: 'k'.repeat(32), serverPrivateKey: await exportPKCS8(server.privateKey) });
    seal = (text) =>
      new CompactEncrypt(new TextEncoder().encode(text))
        .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128GCM' })
        .encrypt(server.publicKey);
  });

  it('the payload of a JWE encrypted to the server key', async () => {
    expect(await openEnvelope({ [envelope]: await seal(body) }, envelope, keys, 'E')).toEqual({
      payload: { cardNo: '9491231111111111' },
    });
  });

  it('a JWE that does not decrypt: the invalid-input code naming the field', async () => {
    const jwe = await seal(body);
    expect(await openEnvelope({ [envelope]: `${jwe.slice(0, -4)}AAAA` }, envelope, keys, 'E')).toEqual({
      status: 400,
      code: 'E',
      field: envelope,
      reason: `${envelope} does not decrypt with the server key (RSA-OAEP-256, A128GCM or A256GCM)`,
    });
  });

  it('a JWE whose plaintext is not JSON: naming the field', async () => {
    expect(await openEnvelope({ [envelope]: await seal('not json') }, envelope, keys, 'E')).toEqual({
      status: 400,
      code: 'E',
      field: envelope,
      reason: `the decrypted ${envelope} is not valid JSON`,
    });
  });
});

// JWE on the wire: requests encrypted to the server key and signed as sent;
// encrypted answers decrypted with the client key; a retry re-encrypts.
import { createHmac } from 'node:crypto';
import { CompactEncrypt, compactDecrypt, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { KonaplateConfigError, KonaplateTransportError } from '../src/index.ts';
import { clientWith, ok, recorder, SECRET, vaSuccess } from './recorder.ts';

const keyId = '5f0c2a9e41b7d3c86e2f1a0b9d4c7e13';
let server: Awaited<ReturnType<typeof generateKeyPair>>;
let client: Awaited<ReturnType<typeof generateKeyPair>>;
let encryption: { keyId: string; serverPublicKey: string; clientPrivateKey: string };

beforeAll(async () => {
  // Test-only key pairs, made here and thrown away.
  server = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
  client = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
  encryption = {
    keyId,
    serverPublicKey: await exportSPKI(server.publicKey),
    clientPrivateKey: await exportPKCS8(client.privateKey),
  };
});

const encryptedAnswer = async (payload: unknown, enc: 'A128GCM' | 'A256GCM') =>
  ok({
    encData: await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc })
      .encrypt(client.publicKey),
  });

describe('encryption', () => {
  it('sends {"encData": JWE} to the server key, with the key id, signed over the envelope', async () => {
    const { fetch, sent } = recorder(ok(vaSuccess));
    await clientWith(fetch, { encryption }).inquireCardVirtualAccount({ cardNo: '9491230000000017' });
    const { body = '', headers = {} } = sent[0] ?? {};
    const envelope = JSON.parse(body) as { encData: string };
    expect(Object.keys(envelope)).toEqual(['encData']);
    expect(headers['x-km-crypto-key-id']).toBe(keyId);
    const { plaintext, protectedHeader } = await compactDecrypt(envelope.encData, server.privateKey);
    expect(protectedHeader).toEqual({ alg: 'RSA-OAEP-256', enc: 'A128GCM' });
    expect(JSON.parse(new TextDecoder().decode(plaintext))).toEqual({ cardNo: '9491230000000017' });
    const mac = createHmac('sha256', SECRET).update(body).digest('base64');
    expect(headers['x-km-tran-token']?.endsWith(`:${mac}`)).toBe(true);
  });

  it.each(['A128GCM', 'A256GCM'] as const)(
    'decrypts an %s answer with the client key into the typed payload',
    async (enc) => {
      const { fetch } = recorder(await encryptedAnswer(vaSuccess, enc));
      const { data, error } = await clientWith(fetch, { encryption }).inquireCardVirtualAccount({
        cardNo: '9491230000000017',
      });
      expect(error).toBeUndefined();
      expect(data).toEqual(vaSuccess);
    },
  );

  it('a retry re-encrypts and re-signs: never the same bytes twice', async () => {
    const { fetch, sent } = recorder(new Response('', { status: 503 }), ok(vaSuccess));
    await clientWith(fetch, { encryption }).inquireCardVirtualAccount({ cardNo: '9491230000000017' });
    expect(sent).toHaveLength(2);
    expect(sent[0]?.body).not.toBe(sent[1]?.body);
    expect(sent[0]?.headers['x-km-tran-token']).not.toBe(sent[1]?.headers['x-km-tran-token']);
  });

  it('an answer that does not decrypt is a transport error, not garbage data', async () => {
    const { fetch } = recorder(ok({ encData: 'eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMTI4R0NNIn0.a.b.c.d' }));
    const { error } = await clientWith(fetch, { encryption }).inquireCardVirtualAccount({ cardNo: '9491230000000017' });
    expect(error).toBeInstanceOf(KonaplateTransportError);
    expect(error).toMatchObject({ reason: 'decryption' });
  });

  it('a key that is not a key is reported on the first call, naming the field', async () => {
    const broken = { ...encryption, serverPublicKey: '-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----' };
    const { fetch, sent } = recorder(ok(vaSuccess));
    const { error } = await clientWith(fetch, { encryption: broken }).inquireCardVirtualAccount({
      cardNo: '9491230000000017',
    });
    expect(error).toBeInstanceOf(KonaplateConfigError);
    expect(error).toMatchObject({ field: 'encryption.serverPublicKey' });
    expect(sent).toHaveLength(0);
  });

  it('reads key files with comment lines around the PEM block (as `pnpm mock:keys` writes them)', async () => {
    const commented = {
      keyId,
      serverPublicKey: `# TEST-ONLY key: never use it outside the mock\n${encryption.serverPublicKey}\n# end\n`,
      clientPrivateKey: `# TEST-ONLY key\n${encryption.clientPrivateKey}`,
    };
    const { fetch, sent } = recorder(await encryptedAnswer(vaSuccess, 'A128GCM'));
    const { data, error } = await clientWith(fetch, { encryption: commented }).inquireCardVirtualAccount({
      cardNo: '9491230000000017',
    });
    expect(error).toBeUndefined();
    expect(data).toEqual(vaSuccess);
    const envelope = JSON.parse(sent[0]?.body ?? '{}') as { encData: string };
    const { plaintext } = await compactDecrypt(envelope.encData, server.privateKey);
    expect(JSON.parse(new TextDecoder().decode(plaintext))).toEqual({ cardNo: '9491230000000017' });
  });
});

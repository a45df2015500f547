// JWE on the wire: requests encrypted to the server key and signed as sent;
// encrypted answers decrypted with the client key; a retry re-encrypts.
import { createHmac } from 'node:crypto';
import { CompactEncrypt, compactDecrypt, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { KonaplateConfigError, KonaplateResponseError, KonaplateTransportError } from '../src/index.ts';
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

describe('key rotation: private keys by key id', () => {
  const OLD = '0'.repeat(32);
  const NEW = '5f0c2a9e41b7d3c86e2f1a0b9d4c7e13';
  let previous: Awaited<ReturnType<typeof generateKeyPair>>;
  let keys: { keyId: string; serverPublicKey: string; clientPrivateKeys: Record<string, string> };
  beforeAll(async () => {
    previous = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
    keys = {
      keyId: NEW,
      serverPublicKey: encryption.serverPublicKey,
      clientPrivateKeys: { [OLD]: await exportPKCS8(previous.privateKey), [NEW]: encryption.clientPrivateKey },
    };
  });

  /** An answer encrypted to `publicKey`, naming `keyId` in its header, its JWE kid, or not at all. */
  const sealedFor = async (
    publicKey: CryptoKey,
    name: { header?: string; kid?: string } = {},
    payload: unknown = vaSuccess,
  ) =>
    new Response(
      JSON.stringify({
        encData: await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(payload)))
          .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128GCM', ...(name.kid ? { kid: name.kid } : {}) })
          .encrypt(publicKey),
      }),
      { headers: name.header ? { 'X-KM-Crypto-Key-Id': name.header } : {} },
    );

  it('decrypts with the key the answer’s X-KM-Crypto-Key-Id names, old or new', async () => {
    for (const [publicKey, id] of [
      [previous.publicKey, OLD],
      [client.publicKey, NEW],
    ] as const) {
      const { fetch } = recorder(await sealedFor(publicKey, { header: id }));
      const { data, error } = await clientWith(fetch, { encryption: keys }).inquireCardVirtualAccount({
        cardNo: '9491230000000017',
      });
      expect(error).toBeUndefined();
      expect(data).toEqual(vaSuccess);
    }
  });

  it('or the key the JWE’s kid names, when the answer has no key id header', async () => {
    const { fetch } = recorder(await sealedFor(previous.publicKey, { kid: OLD }));
    const { data } = await clientWith(fetch, { encryption: keys }).inquireCardVirtualAccount({
      cardNo: '9491230000000017',
    });
    expect(data).toEqual(vaSuccess);
  });

  it('with neither, the key of encryption.keyId', async () => {
    const { fetch } = recorder(await sealedFor(client.publicKey));
    const { data } = await clientWith(fetch, { encryption: keys }).inquireCardVirtualAccount({
      cardNo: '9491230000000017',
    });
    expect(data).toEqual(vaSuccess);
  });

  it('an unknown key id is a KonaplateResponseError naming the id', async () => {
    const unknown = 'f'.repeat(32);
    const { fetch } = recorder(await sealedFor(client.publicKey, { header: unknown }));
    const { error } = await clientWith(fetch, { encryption: keys }).inquireCardVirtualAccount({
      cardNo: '9491230000000017',
    });
    expect(error).toBeInstanceOf(KonaplateResponseError);
    expect(error).toMatchObject({
      reason: 'unknown-key',
      keyId: unknown,
      status: 200,
      attempts: 1,
      message: `inquireCardVirtualAccount: the answer is encrypted for key id ${unknown}, and encryption.clientPrivateKeys has no key of that id`,
    });
  });

  it('a key that does not open the answer is a decryption error naming the key’s field', async () => {
    const { fetch } = recorder(await sealedFor(previous.publicKey, { header: NEW }));
    const { error } = await clientWith(fetch, { encryption: keys }).inquireCardVirtualAccount({
      cardNo: '9491230000000017',
    });
    expect(error).toMatchObject({
      kind: 'transport',
      reason: 'decryption',
      message: `inquireCardVirtualAccount: the encrypted response does not decrypt with encryption.clientPrivateKeys[${NEW}]`,
    });
  });

  it('a key of the map that is not a PKCS#8 PEM is refused at creation, naming its id', () => {
    expect(() =>
      clientWith(recorder().fetch, { encryption: { ...keys, clientPrivateKeys: { [OLD]: 'not a key' } } }),
    ).toThrow(
      expect.objectContaining({
        field: `encryption.clientPrivateKeys[${OLD}]`,
        message: `invalid client configuration: encryption.clientPrivateKeys[${OLD}] must be a PKCS#8 PEM ("BEGIN PRIVATE KEY")`,
      }),
    );
  });
});

describe('a secret key given as a function', () => {
  it('is read once per attempt (sync or async), so a rotated secret signs the next attempt', async () => {
    const secrets = ['first-secret', 'second-secret'];
    let reads = 0;
    const { fetch, sent } = recorder(new Response('', { status: 503 }), ok(vaSuccess));
    const secretKey = async () => secrets[reads++] as string;
    const { data } = await clientWith(fetch, { secretKey }).inquireCardVirtualAccount({ cardNo: '9491230000000017' });
    expect(data).toEqual(vaSuccess);
    expect(reads).toBe(2);
    for (const [i, s] of sent.entries()) {
      const mac = createHmac('sha256', secrets[i] as string)
        .update(s.body)
        .digest('base64');
      expect(s.headers['x-km-tran-token']?.endsWith(`:${mac}`)).toBe(true);
    }
    const sync = recorder(ok(vaSuccess));
    await clientWith(sync.fetch, { secretKey: () => SECRET }).inquireCardVirtualAccount({ cardNo: '9491230000000017' });
    const mac = createHmac('sha256', SECRET)
      .update(sync.sent[0]?.body ?? '')
      .digest('base64');
    expect(sync.sent[0]?.headers['x-km-tran-token']?.endsWith(`:${mac}`)).toBe(true);
  });

  it('that throws or gives no string is a KonaplateConfigError naming secretKey, nothing sent', async () => {
    for (const secretKey of [
      () => {
        throw new Error(`vault down: ${SECRET}`);
      },
      async () => '',
      () => 42 as unknown as string,
    ]) {
      const { fetch, sent } = recorder(ok(vaSuccess));
      const { error } = await clientWith(fetch, { secretKey }).inquireCardVirtualAccount({
        cardNo: '9491230000000017',
      });
      expect(error).toBeInstanceOf(KonaplateConfigError);
      expect(error).toMatchObject({ field: 'secretKey', attempts: 0 });
      expect(`${error?.message} ${JSON.stringify(error)}`).not.toContain(SECRET);
      expect(sent).toHaveLength(0);
    }
  });
});

// JWE for the mock's encryption mode (jose): requests arrive as {"encData": JWE}
// encrypted to the server key; responses go back encrypted to the client key.
import type { webcrypto } from 'node:crypto';
import { pemBlock } from '@konaplate-contract/contract/protocol';
import { CompactEncrypt, compactDecrypt, importPKCS8, importSPKI } from 'jose';

/** An imported RSA key (WebCrypto), as loadKeys returns it. */
export type Key = webcrypto.CryptoKey;

export interface EncryptionKeys {
  keyId: string;
  serverPrivateKey: Key;
  clientPublicKey?: Key;
}

export async function loadKeys(pem: {
  keyId: string;
  serverPrivateKey: string;
  clientPublicKey?: string;
}): Promise<EncryptionKeys> {
  // A label line around the block (as on the test-only keys) does no harm; no block at all is the same refusal as a bad one.
  const serverPrivateKey = await importPKCS8(pemBlock(pem.serverPrivateKey, 'PRIVATE KEY') ?? '', 'RSA-OAEP-256').catch(
    () => {
      throw new Error('--server-private-key is not an RSA private key in PKCS#8 PEM ("BEGIN PRIVATE KEY")');
    },
  );
  const clientPublicKey = pem.clientPublicKey
    ? await importSPKI(pemBlock(pem.clientPublicKey, 'PUBLIC KEY') ?? '', 'RSA-OAEP-256').catch(() => {
        throw new Error('--client-public-key is not an RSA public key in SPKI PEM ("BEGIN PUBLIC KEY")');
      })
    : undefined;
  return { keyId: pem.keyId, serverPrivateKey: serverPrivateKey as Key, clientPublicKey: clientPublicKey as Key };
}

/** The plaintext bytes of a request's JWE, or null when it does not decrypt with the server key. */
export async function decryptRequest(jwe: string, keys: EncryptionKeys): Promise<Uint8Array | null> {
  try {
    const { plaintext } = await compactDecrypt(jwe, keys.serverPrivateKey, {
      keyManagementAlgorithms: ['RSA-OAEP-256'],
      contentEncryptionAlgorithms: ['A128GCM', 'A256GCM'],
    });
    return plaintext;
  } catch {
    return null;
  }
}

export async function encryptResponse(body: string, keys: EncryptionKeys & { clientPublicKey: Key }): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(body))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: keys.keyId })
    .encrypt(keys.clientPublicKey);
}

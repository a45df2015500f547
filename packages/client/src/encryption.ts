// Loaded only when encryption is configured (a dynamic import), so a caller
// who does not encrypt never loads jose. It imports none of the client's
// modules (the caller hands it what it needs, `Kit`): the browser bundle then
// has no chunk shared between the client and this one.
import type { pemBlock } from '@konaplate-contract/contract/protocol';
import { CompactEncrypt, compactDecrypt, decodeProtectedHeader, importPKCS8, importSPKI } from 'jose';
import type { KonaplateConfigError, KonaplateResponseError, KonaplateTransportError } from './errors.ts';

/** What the encryptor takes from the client: the envelope's field, the PEM reader, the error classes. */
export interface Kit {
  envelopeField: string;
  pemBlock: typeof pemBlock;
  KonaplateConfigError: typeof KonaplateConfigError;
  KonaplateResponseError: typeof KonaplateResponseError;
  KonaplateTransportError: typeof KonaplateTransportError;
}

export interface EncryptionConfig {
  /** X-KM-Crypto-Key-Id: the 32-character id of the key pair requests are encrypted under, given with the project. */
  keyId: string;
  /** The server's RSA-2048 public key (SPKI PEM): requests are encrypted to it. */
  serverPublicKey: string;
  /** The client's private key (PKCS#8 PEM) of `keyId`: shorthand for `clientPrivateKeys: { [keyId]: pem }`. */
  clientPrivateKey?: string;
  /**
   * Private keys (PKCS#8 PEM) by key id: an encrypted answer is decrypted with the key its
   * X-KM-Crypto-Key-Id header (or its JWE `kid`) names, so answers under the old and the new key both
   * decrypt while a key rotates.
   */
  clientPrivateKeys?: Readonly<Record<string, string>>;
}

export interface Encryptor {
  /** Plaintext body text → the `{"encData": JWE}` text that is signed and sent. */
  encrypt(text: string): Promise<string>;
  /** A response's JWE → its plaintext text, with the key `keyId` (the answer's X-KM-Crypto-Key-Id) names. */
  decrypt(jwe: string, operationId: string, status: number, keyId?: string | null): Promise<string>;
}

/** The private keys by id: the single key is the one of `keyId`; the map's win. */
export const privateKeysOf = (config: Partial<EncryptionConfig>): Record<string, string> => ({
  ...(config.clientPrivateKey !== undefined && { [config.keyId as string]: config.clientPrivateKey }),
  ...config.clientPrivateKeys,
});

/** The key id a JWE's protected header names (`kid`), if any. */
function kidOf(jwe: string): string | undefined {
  try {
    const { kid } = decodeProtectedHeader(jwe);
    return typeof kid === 'string' ? kid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Requests are encrypted to the server key (RSA-OAEP-256, A128GCM) before
 * signing, so the token signs the envelope; encrypted answers are decrypted
 * with the client key their key id names (A128GCM or A256GCM). Each key is
 * imported on its first use.
 */
export function createEncryptor(config: Partial<EncryptionConfig>, kit: Kit): Encryptor {
  const { envelopeField, pemBlock, KonaplateConfigError, KonaplateResponseError, KonaplateTransportError } = kit;
  const encoder = new TextEncoder();
  let serverPublicKey: ReturnType<typeof importSPKI> | undefined;
  const privateKeys = privateKeysOf(config);
  const imported = new Map<string, ReturnType<typeof importPKCS8>>();
  const ids = Object.keys(privateKeys);
  return {
    async encrypt(text) {
      serverPublicKey ??= importSPKI(pemBlock(config.serverPublicKey, 'PUBLIC KEY') ?? '', 'RSA-OAEP-256').catch(
        (cause) => {
          throw new KonaplateConfigError(
            'encryption.serverPublicKey',
            'encryption.serverPublicKey is not an RSA public key in SPKI PEM',
            cause,
          );
        },
      );
      const jwe = await new CompactEncrypt(encoder.encode(text))
        .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128GCM' })
        .encrypt(await serverPublicKey);
      return JSON.stringify({ [envelopeField]: jwe });
    },
    async decrypt(jwe, operationId, status, keyId) {
      // The answer's key id, else the JWE's, else the client's own; a single key needs no name.
      const named = keyId || kidOf(jwe);
      const id = named ?? (ids.length === 1 ? (ids[0] as string) : (config.keyId as string));
      const field = config.clientPrivateKeys ? `encryption.clientPrivateKeys[${id}]` : 'encryption.clientPrivateKey';
      const pem = Object.hasOwn(privateKeys, id) ? privateKeys[id] : undefined;
      if (pem === undefined) {
        const shown = id.replace(/[^!-~]/g, '?').slice(0, 64);
        throw new KonaplateResponseError(
          'unknown-key',
          `${operationId}: the answer is encrypted for key id ${shown}, and encryption.clientPrivateKeys has no key of that id`,
          operationId,
          status,
          shown,
        );
      }
      let key = imported.get(id);
      if (!key) {
        key = importPKCS8(pemBlock(pem, 'PRIVATE KEY') ?? '', 'RSA-OAEP-256').catch((cause) => {
          throw new KonaplateConfigError(field, `${field} is not an RSA private key in PKCS#8 PEM`, cause);
        });
        imported.set(id, key);
      }
      const { plaintext } = await compactDecrypt(jwe, await key, {
        keyManagementAlgorithms: ['RSA-OAEP-256'],
        contentEncryptionAlgorithms: ['A128GCM', 'A256GCM'],
      }).catch((cause) => {
        throw new KonaplateTransportError(
          'decryption',
          `${operationId}: the encrypted response does not decrypt with ${field}`,
          operationId,
          status,
          cause,
        );
      });
      return new TextDecoder().decode(plaintext);
    },
  };
}

/** The `{"encData": JWE}` text of a plaintext body, for tools that sign and send it themselves (needs the server key only). */
export function encryptBody(
  config: Pick<EncryptionConfig, 'serverPublicKey'>,
  plaintext: string,
  kit: Kit,
): Promise<string> {
  return createEncryptor(config, kit).encrypt(plaintext);
}

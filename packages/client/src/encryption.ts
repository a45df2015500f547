// Loaded only when encryption is configured (a dynamic import), so a caller
// who does not encrypt never loads jose.
import { CompactEncrypt, compactDecrypt, importPKCS8, importSPKI } from 'jose';
import { envelopeField } from './contract.ts';
import { KonaplateConfigError, KonaplateTransportError } from './errors.ts';

export interface EncryptionConfig {
  /** X-KM-Crypto-Key-Id: the 32-character id of the key pair, given with the project. */
  keyId: string;
  /** The server's RSA-2048 public key (SPKI PEM): requests are encrypted to it. */
  serverPublicKey: string;
  /** The client's private key (PKCS#8 PEM): encrypted responses are decrypted with it. */
  clientPrivateKey: string;
}

export interface Encryptor {
  /** Plaintext body text → the `{"encData": JWE}` text that is signed and sent. */
  encrypt(text: string): Promise<string>;
  /** A response's JWE → its plaintext text. */
  decrypt(jwe: string, operationId: string): Promise<string>;
}

/**
 * The PEM block of a kind within a key file's text: files may carry comment lines around it (openssl
 * allows them; the mock's generated test keys begin with one), which the importers refuse.
 */
function pemBlock(text: unknown, kind: string): string {
  const pem = String(text);
  const begin = pem.indexOf(`-----BEGIN ${kind}-----`);
  const endMarker = `-----END ${kind}-----`;
  const end = pem.indexOf(endMarker, begin);
  return begin < 0 || end < 0 ? pem : pem.slice(begin, end + endMarker.length);
}

/** Each key is imported on its first use: encrypting needs only the server's, decrypting only the client's. */
function keyImporters(config: Partial<EncryptionConfig>) {
  let serverPublicKey: ReturnType<typeof importSPKI> | undefined;
  let clientPrivateKey: ReturnType<typeof importPKCS8> | undefined;
  return {
    serverPublicKey: () =>
      (serverPublicKey ??= importSPKI(pemBlock(config.serverPublicKey, 'PUBLIC KEY'), 'RSA-OAEP-256').catch(() => {
        throw new KonaplateConfigError(
          'encryption.serverPublicKey',
          'encryption.serverPublicKey is not an RSA public key in SPKI PEM',
        );
      })),
    clientPrivateKey: () =>
      (clientPrivateKey ??= importPKCS8(pemBlock(config.clientPrivateKey, 'PRIVATE KEY'), 'RSA-OAEP-256').catch(() => {
        throw new KonaplateConfigError(
          'encryption.clientPrivateKey',
          'encryption.clientPrivateKey is not an RSA private key in PKCS#8 PEM',
        );
      })),
  };
}

/**
 * Requests are encrypted to the server key (RSA-OAEP-256, A128GCM) before
 * signing, so the token signs the envelope; encrypted answers are decrypted
 * with the client key (A128GCM or A256GCM).
 */
export function createEncryptor(config: Partial<EncryptionConfig>): Encryptor {
  const keys = keyImporters(config);
  const encoder = new TextEncoder();
  return {
    async encrypt(text) {
      const serverPublicKey = await keys.serverPublicKey();
      const jwe = await new CompactEncrypt(encoder.encode(text))
        .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128GCM' })
        .encrypt(serverPublicKey);
      return JSON.stringify({ [envelopeField]: jwe });
    },
    async decrypt(jwe, operationId) {
      const clientPrivateKey = await keys.clientPrivateKey();
      const { plaintext } = await compactDecrypt(jwe, clientPrivateKey, {
        keyManagementAlgorithms: ['RSA-OAEP-256'],
        contentEncryptionAlgorithms: ['A128GCM', 'A256GCM'],
      }).catch(() => {
        throw new KonaplateTransportError(
          'decryption',
          `${operationId}: the encrypted response does not decrypt with encryption.clientPrivateKey`,
          operationId,
        );
      });
      return new TextDecoder().decode(plaintext);
    },
  };
}

/** The `{"encData": JWE}` text of a plaintext body, for tools that sign and send it themselves (needs the server key only). */
export function encryptBody(config: Pick<EncryptionConfig, 'serverPublicKey'>, plaintext: string): Promise<string> {
  return createEncryptor(config).encrypt(plaintext);
}

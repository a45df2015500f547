// Loaded only when encryption is configured (a dynamic import), so a caller
// who does not encrypt never loads jose.
import { CompactEncrypt, compactDecrypt, importPKCS8, importSPKI } from 'jose';
import type { Middleware } from 'openapi-fetch';
import { KonaplateConfigError, KonaplateTransportError } from './errors.ts';
import type { BodyText } from './signing.ts';

export interface EncryptionConfig {
  /** X-KM-Crypto-Key-Id: the 32-character id of the key pair, given with the project. */
  keyId: string;
  /** The server's RSA-2048 public key (SPKI PEM): requests are encrypted to it. */
  serverPublicKey: string;
  /** The client's private key (PKCS#8 PEM): encrypted responses are decrypted with it. */
  clientPrivateKey: string;
}

async function importKeys(config: EncryptionConfig) {
  const serverPublicKey = await importSPKI(config.serverPublicKey, 'RSA-OAEP-256').catch(() => {
    throw new KonaplateConfigError(
      'encryption.serverPublicKey',
      'encryption.serverPublicKey is not an RSA public key in SPKI PEM',
    );
  });
  const clientPrivateKey = await importPKCS8(config.clientPrivateKey, 'RSA-OAEP-256').catch(() => {
    throw new KonaplateConfigError(
      'encryption.clientPrivateKey',
      'encryption.clientPrivateKey is not an RSA private key in PKCS#8 PEM',
    );
  });
  return { serverPublicKey, clientPrivateKey };
}

/**
 * Request: the body text becomes `{"encData": JWE}` (RSA-OAEP-256, A128GCM, to
 * the server key) with X-KM-Crypto-Key-Id, before signing, so the token signs
 * the envelope. Response: an `encData` body is decrypted with the client key.
 */
export function createEncryptor(config: EncryptionConfig): (body: BodyText) => Middleware {
  const keys = importKeys(config);
  keys.catch(() => undefined); // reported on the first call, not as an unhandled rejection
  const encoder = new TextEncoder();
  return (body) => ({
    async onRequest({ request }) {
      const { serverPublicKey } = await keys;
      const jwe = await new CompactEncrypt(encoder.encode(body.text))
        .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128GCM' })
        .encrypt(serverPublicKey);
      body.text = JSON.stringify({ encData: jwe });
      const headers = new Headers(request.headers);
      headers.set('X-KM-Crypto-Key-Id', config.keyId);
      // The same kind of request openapi-fetch was given (the client's OutgoingRequest).
      const Kind = request.constructor as typeof Request;
      return new Kind(request.url, { method: request.method, headers, body: body.text, signal: request.signal });
    },
    async onResponse({ response }) {
      if (!response.ok) return undefined;
      let envelope: { encData?: unknown };
      try {
        envelope = JSON.parse(await response.clone().text());
      } catch {
        return undefined;
      }
      if (typeof envelope?.encData !== 'string') return undefined;
      const { clientPrivateKey } = await keys;
      const { plaintext } = await compactDecrypt(envelope.encData, clientPrivateKey, {
        keyManagementAlgorithms: ['RSA-OAEP-256'],
        contentEncryptionAlgorithms: ['A128GCM', 'A256GCM'],
      }).catch(() => {
        throw new KonaplateTransportError(
          'decryption',
          'the encrypted response does not decrypt with encryption.clientPrivateKey',
        );
      });
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      return new Response(new TextDecoder().decode(plaintext), {
        status: response.status,
        statusText: response.statusText,
        headers,
      });
    },
  });
}

// Reading an encrypted body without the client: `konaplate decrypt`, and `call --no-validate`, which
// sends through the CLI's own signing path. The same algorithms as the client's decryption
// (RSA-OAEP-256 key management, A128GCM or A256GCM content): jose, loaded on first use.
import { envelope } from './contract.ts';
import { Failure, UsageError } from './io.ts';

/** The five base64url parts of a compact JWE (the fourth and fifth may not be empty). */
const compactJwe = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** The compact JWE of an input: itself, or the envelope field (`encData`) of a JSON body; undefined otherwise. */
export function jweOf(input: string): string | undefined {
  const text = input.trim();
  if (compactJwe.test(text)) return text;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[envelope] : undefined;
  return typeof value === 'string' && compactJwe.test(value) ? value : undefined;
}

/**
 * The plaintext of a compact JWE, decrypted with a PKCS#8 private key (PEM block). A key that is not an
 * RSA private key is a usage error naming `flag`; a JWE that does not decrypt with it is a failure.
 */
export async function decryptJwe(jwe: string, privateKeyPem: string, flag: string): Promise<string> {
  const { compactDecrypt, importPKCS8 } = await import('jose');
  const key = await importPKCS8(privateKeyPem, 'RSA-OAEP-256').catch(() => {
    throw new UsageError(`--${flag} is not an RSA private key in PKCS#8 PEM`);
  });
  try {
    const { plaintext } = await compactDecrypt(jwe, key, {
      keyManagementAlgorithms: ['RSA-OAEP-256'],
      contentEncryptionAlgorithms: ['A128GCM', 'A256GCM'],
    });
    return new TextDecoder().decode(plaintext);
  } catch {
    throw new Failure(
      `it does not decrypt with --${flag} (a JWE encrypted to another key, or changed since; RSA-OAEP-256 with A128GCM or A256GCM)`,
    );
  }
}

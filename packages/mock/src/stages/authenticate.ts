// Stage 3, authenticate: the tran token over the exact body bytes and its time window (strict signing),
// and the encrypted envelope opened with the server key (encryption mode).
import { decryptRequest, type EncryptionKeys } from '../encryption.ts';
import type { MockError } from '../errors.ts';
import { type SignedHeaderNames, type SigningOptions, verifyTranToken } from '../signing.ts';
import type { Headers } from './types.ts';

/** The refusal of a request whose signature does not hold under strict signing; undefined when it holds or signing is off. */
export function checkSignature(
  headers: Headers,
  rawBody: Buffer,
  signing: SigningOptions | undefined,
  names: SignedHeaderNames,
  invalidCode: string,
): MockError | undefined {
  if (!signing) return undefined;
  const problem = verifyTranToken(headers, rawBody, signing, names);
  return problem ? { status: 400, code: invalidCode, ...problem } : undefined;
}

/**
 * The payload inside an envelope body: its JWE decrypted with the server key and parsed as JSON, or the
 * refusal naming the envelope's field (one that does not decrypt, or does not hold JSON).
 */
export async function openEnvelope(
  body: Record<string, unknown>,
  envelope: string,
  keys: EncryptionKeys,
  invalidCode: string,
): Promise<{ payload: unknown } | MockError> {
  const plaintext = await decryptRequest(String(body[envelope]), keys);
  if (!plaintext)
    return {
      status: 400,
      code: invalidCode,
      field: envelope,
      reason: `${envelope} does not decrypt with the server key (RSA-OAEP-256, A128GCM or A256GCM)`,
    };
  try {
    return { payload: JSON.parse(new TextDecoder().decode(plaintext)) };
  } catch {
    return { status: 400, code: invalidCode, field: envelope, reason: `the decrypted ${envelope} is not valid JSON` };
  }
}

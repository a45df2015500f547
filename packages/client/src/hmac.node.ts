// HMAC-SHA256 with node:crypto: the implementation under Node (package.json
// "imports" maps #hmac here for the "node" condition). It signs in the
// calling thread, where WebCrypto's hop to the thread pool costs ~150 µs a call.
import { createHmac } from 'node:crypto';

/** A signer for one secret: message (UTF-8) → Base64 HMAC-SHA256. */
export function hmacSigner(secret: string): (message: string) => string | Promise<string> {
  return (message) => createHmac('sha256', secret).update(message, 'utf8').digest('base64');
}

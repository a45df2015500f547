// HMAC-SHA256 with WebCrypto: the implementation for browsers and every
// non-Node runtime (package.json "imports" maps #hmac here by default).
const encoder = new TextEncoder();

function base64(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A signer for one secret: message (UTF-8) → Base64 HMAC-SHA256. */
export function hmacSigner(secret: string): (message: string) => string | Promise<string> {
  const key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return async (message) => base64(await crypto.subtle.sign('HMAC', await key, encoder.encode(message)));
}

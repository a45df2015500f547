import type { Middleware } from 'openapi-fetch';
import { hmacSigner } from '#hmac';
import { correlationIds, type TimeZone, time17 } from './clock.ts';

/** The exact body text of one call, as sent: the serialized JSON, or the JWE envelope once encrypted. */
export interface BodyText {
  text: string;
}

export interface SigningConfig {
  aspId: string;
  accessKey: string;
  secretKey: string;
  timeZone: TimeZone;
  now: () => number;
}

/** `KMV1:` + 17-digit time + `:` + Base64 HMAC-SHA256(secret, body): the tran token. */
export async function tranToken(secretKey: string, time: string, body: string): Promise<string> {
  return `KMV1:${time}:${await hmacSigner(secretKey)(body)}`;
}

/**
 * Signs calls for one project. Each call gets its own middleware, which fills
 * the seven common headers in place; it runs last, so the token covers the
 * exact text sent (the JWE envelope when encrypting). A retry is a new call:
 * fresh time, correlation id and token.
 */
export function createSigner(config: SigningConfig) {
  const sign = hmacSigner(config.secretKey);
  const nextCorrelationId = correlationIds();
  return (body: BodyText): Middleware => ({
    onRequest({ request }) {
      const time = time17(config.now(), config.timeZone);
      const { headers } = request;
      headers.set('X-KM-User-AspId', config.aspId);
      headers.set('X-KM-Access-Key', config.accessKey);
      headers.set('X-KM-Correlation-Id', nextCorrelationId(time));
      headers.set('X-KM-Tran-Time', time.slice(0, 14));
      headers.set('X-KM-Time-Zone', config.timeZone);
      const mac = sign(body.text);
      // Synchronous where the HMAC is (Node); WebCrypto's is a promise.
      if (typeof mac === 'string') headers.set('X-KM-Tran-Token', `KMV1:${time}:${mac}`);
      else return mac.then((m) => void headers.set('X-KM-Tran-Token', `KMV1:${time}:${m}`));
    },
  });
}

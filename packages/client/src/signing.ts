import { hmacSigner } from '#hmac';
import { correlationIds, type TimeZone, time17 } from './clock.ts';
import { type HeaderValue, headerValues } from './contract.ts';

export interface SigningConfig {
  aspId: string;
  accessKey: string;
  secretKey: string;
  timeZone: TimeZone;
  now: () => number;
}

/** The request headers of one call, by their names in the spec. */
export type SignedHeaders = Record<string, string>;

/** `KMV1:` + 17-digit time + `:` + Base64 HMAC-SHA256(secret, body): the tran token. */
export async function tranToken(secretKey: string, time: string, body: string): Promise<string> {
  return `KMV1:${time}:${await hmacSigner(secretKey)(body)}`;
}

/**
 * Signs calls for one project: for the exact body text of a call (the JSON,
 * or the JWE envelope when encrypting) it gives the common headers, with a
 * fresh time, correlation id and token. Synchronous where the HMAC is (Node);
 * WebCrypto's is a promise.
 */
export function createSigner(config: SigningConfig) {
  const sign = hmacSigner(config.secretKey);
  const nextCorrelationId = correlationIds();
  return (bodyText: string, cryptoKeyId?: string): SignedHeaders | Promise<SignedHeaders> => {
    const time = time17(config.now(), config.timeZone);
    const headers = (mac: string): SignedHeaders => {
      // Each common header of the spec, in its order, filled as its x-value says.
      const values: Record<HeaderValue, string | undefined> = {
        aspId: config.aspId,
        accessKey: config.accessKey,
        timeZone: config.timeZone,
        cryptoKeyId,
        correlationId: nextCorrelationId(time),
        tranTime: time.slice(0, 14),
        tranToken: `KMV1:${time}:${mac}`,
      };
      const h: SignedHeaders = {};
      for (const [name, source] of headerValues) {
        const value = values[source];
        if (value !== undefined) h[name] = value;
      }
      return h;
    };
    const mac = sign(bodyText);
    return typeof mac === 'string' ? headers(mac) : mac.then(headers);
  };
}

/** Credentials of `signHeaders`: a project's, plus the zone and clock of X-KM-Tran-Time. */
export interface SignOptions {
  aspId: string;
  accessKey: string;
  secretKey: string;
  /** Zone of X-KM-Tran-Time (default KST). */
  timeZone?: TimeZone;
  /** The clock, in epoch milliseconds. */
  now?: () => number;
  /** X-KM-Crypto-Key-Id, when the body text is the encrypted envelope. */
  cryptoKeyId?: string;
}

/**
 * The request headers for one body text, in the spec's order, token over
 * exactly those bytes: what a tool (a CLI, a curl line) needs to send a call
 * the client would have sent.
 */
export async function signHeaders(options: SignOptions, bodyText: string): Promise<SignedHeaders> {
  const signer = createSigner({ timeZone: 'KST', now: Date.now, ...options });
  return signer(bodyText, options.cryptoKeyId); // already in the spec's order
}

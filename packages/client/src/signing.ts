import { correlationIds } from '@konaplate-contract/contract/protocol';
import { hmacSigner } from '#hmac';
import { type TimeZone, time17 } from './clock.ts';
import { type HeaderValue, headerValues } from './contract.ts';
import { KonaplateConfigError } from './errors.ts';

/** The project's secret, or a function giving it (sync or async), read once per attempt so that it can rotate. */
export type SecretKey = string | (() => string | Promise<string>);

export interface SigningConfig {
  aspId: string;
  accessKey: string;
  secretKey: SecretKey;
  timeZone: TimeZone;
  now: () => number;
}

/** The request headers of one call, by their names in the spec. */
export type SignedHeaders = Record<string, string>;

/** `KMV1:` + 17-digit time + `:` + Base64 HMAC-SHA256(secret, body): the tran token. */
export async function tranToken(secretKey: string, time: string, body: string): Promise<string> {
  return `KMV1:${time}:${await hmacSigner(secretKey)(body)}`;
}

const secretError = (cause?: unknown) =>
  new KonaplateConfigError('secretKey', 'secretKey() must give a non-empty string', cause);

/**
 * Signs calls for one project: for the exact body text of a call (the JSON,
 * or the JWE envelope when encrypting) it gives the common headers, with a
 * fresh time, correlation id (unless one is given) and token. Synchronous
 * where the HMAC is (Node) and the secret a string; else a promise.
 */
export function createSigner(config: SigningConfig) {
  let secret: string | undefined;
  let sign: ReturnType<typeof hmacSigner> | undefined;
  const nextCorrelationId = correlationIds();
  const signed = (key: string, bodyText: string, cryptoKeyId?: string, correlationId?: string) => {
    if (key !== secret || !sign) {
      secret = key;
      sign = hmacSigner(key);
    }
    const time = time17(config.now(), config.timeZone);
    const headers = (mac: string): SignedHeaders => {
      // Each common header of the spec, in its order, filled as its x-value says.
      const values: Record<HeaderValue, string | undefined> = {
        aspId: config.aspId,
        accessKey: config.accessKey,
        timeZone: config.timeZone,
        cryptoKeyId,
        correlationId: correlationId ?? nextCorrelationId(time.slice(2, 14)),
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
  return (bodyText: string, cryptoKeyId?: string, correlationId?: string): SignedHeaders | Promise<SignedHeaders> => {
    const key = config.secretKey;
    if (typeof key === 'string') return signed(key, bodyText, cryptoKeyId, correlationId);
    return (async () => {
      let value: unknown;
      try {
        value = await key();
      } catch (cause) {
        throw secretError(cause);
      }
      if (typeof value !== 'string' || value === '') throw secretError();
      return signed(value, bodyText, cryptoKeyId, correlationId);
    })();
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

import { createHmac, timingSafeEqual } from 'node:crypto';

/** Offsets from UTC in minutes, by zone name: the spec's `x-utc-offsets` on TimeZone. */
export type UtcOffsets = Readonly<Record<string, number>>;

/** Milliseconds since the epoch of `yyyyMMddHHmmss[SSS]` in a named zone, or null. */
export function parseZonedTime(digits: string, zone: string, offsets: UtcOffsets): number | null {
  const offset = offsets[zone];
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})?$/.exec(digits);
  if (offset === undefined || !m) return null;
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0, ms = 0] = m.slice(1).map((part) => Number(part ?? 0));
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset * 60_000;
}

export interface SigningOptions {
  secret: string;
  /** The zones X-KM-Time-Zone may name (the spec's x-utc-offsets). */
  utcOffsets: UtcOffsets;
  /** How far the token's time may be from now, either way. */
  windowSeconds: number;
  now: () => number;
}

/** The signed headers' names, from the spec (`x-value` on each header parameter). */
export interface SignedHeaderNames {
  tranToken: string;
  tranTime: string;
  timeZone: string;
}

/** What is wrong with a request's signature: the header and why (the caller answers with the invalid-input code). */
export interface SignatureProblem {
  field: string;
  reason: string;
}

const invalid = (field: string, reason: string): SignatureProblem => ({ field, reason });

/**
 * Checks X-KM-Tran-Token over the raw body bytes: the HMAC-SHA256 with the
 * sandbox secret (constant-time compare), the token's time against
 * X-KM-Tran-Time, and that time against the clock. Null when it holds.
 */
export function verifyTranToken(
  headers: Record<string, string>,
  rawBody: Buffer,
  options: SigningOptions,
  names: SignedHeaderNames,
): SignatureProblem | null {
  const { tranToken, tranTime, timeZone } = names;
  const token = headers[tranToken.toLowerCase()] ?? '';
  const match = /^KMV1:(\d{17}):([A-Za-z0-9+/]{43}=)$/.exec(token);
  if (!match) return invalid(tranToken, `${tranToken} is not KMV1:<17 digits>:<Base64 HMAC>`);
  const [, time17 = '', mac = ''] = match;
  const expected = createHmac('sha256', options.secret).update(rawBody).digest();
  const given = Buffer.from(mac, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return invalid(
      tranToken,
      `${tranToken} does not match the body: HMAC-SHA256 over the exact body bytes with the sandbox secret`,
    );
  }
  if (headers[tranTime.toLowerCase()] !== time17.slice(0, 14)) {
    return invalid(tranTime, `${tranTime} is not the time in ${tranToken}`);
  }
  const zone = headers[timeZone.toLowerCase()] ?? '';
  const sent = parseZonedTime(time17, zone, options.utcOffsets);
  if (sent === null) {
    return invalid(
      timeZone,
      `time zone ${zone} is not one the mock knows (${Object.keys(options.utcOffsets).join(', ')})`,
    );
  }
  const skew = Math.abs(options.now() - sent) / 1000;
  if (skew > options.windowSeconds) {
    return invalid(
      tranTime,
      `${tranTime} is ${Math.round(skew)} s from the mock's clock (window ${options.windowSeconds} s)`,
    );
  }
  return null;
}

// Protocol helpers that several packages need at run time (the client, the mock, the CLI), with no
// reading of the document: safe for the client's browser bundle. Facts of the contract itself (which
// headers, which lengths) come from the spec through the document readers or generated code; these
// helpers hold the algorithms the platform's integrations share. This module imports nothing, so the
// client's declaration bundler and its browser bundle take it as one file.

/** The kinds of PEM block the platform's keys come in: SPKI public keys and PKCS#8 private keys. */
export type PemKind = 'PUBLIC KEY' | 'PRIVATE KEY';

/**
 * The PEM block of a kind within a key file's text, or undefined when there is none. Files may carry
 * comment or label lines around the block (openssl allows them; the mock's TEST-ONLY keys have one).
 */
export function pemBlock(text: unknown, kind: PemKind): string | undefined {
  if (typeof text !== 'string') return undefined;
  const begin = text.indexOf(`-----BEGIN ${kind}-----`);
  if (begin < 0) return undefined;
  const endMarker = `-----END ${kind}-----`;
  const end = text.indexOf(endMarker, begin);
  return end < 0 ? undefined : text.slice(begin, end + endMarker.length);
}

/** A value's last four characters shown, the rest starred (`************1234`); four or fewer are starred whole. */
export function maskLast4(value: string): string {
  return value.length > 4 ? `${'*'.repeat(value.length - 4)}${value.slice(-4)}` : '*'.repeat(value.length);
}

/** Text from elsewhere (a server's message, a log) with every run of 12 to 19 digits, a card number's shape, masked to its last 4. */
export function maskCardNumbers(text: string): string {
  return text.replace(/\d{12,19}/g, maskLast4);
}

/**
 * A string's length as the contract counts it: in code points (JSON Schema's rule), so one emoji is one
 * character. Counts code units only when there is no surrogate pair, which is the same number, faster.
 */
export function codePointLength(value: string): number {
  if (!/[\uD800-\uDBFF]/.test(value)) return value.length;
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

/** `yyMMddHHmmss` of an instant at a UTC offset in minutes (the correlation id's stamp; KST is +540). */
export function correlationStamp(at: number, offsetMinutes: number): string {
  return new Date(at + offsetMinutes * 60_000).toISOString().slice(2, 19).replace(/[-T:]/g, '');
}

const hex = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * A maker of correlation ids: `yyMMddHHmmss-` + 7 hex from the CSPRNG, given the stamp, never the same
 * twice from one maker (the suffixes of the current second are remembered). Random bytes are drawn from
 * the CSPRNG 1 KiB at a time: one call to it costs more than the rest of signing.
 */
export function correlationIds(): (stamp: string) => string {
  let second = '';
  let used = new Set<string>();
  const pool = new Uint8Array(1024);
  let at = pool.length;
  return (stamp: string): string => {
    if (stamp !== second) {
      second = stamp;
      used = new Set();
    }
    for (;;) {
      if (at + 4 > pool.length) {
        crypto.getRandomValues(pool);
        at = 0;
      }
      const suffix =
        `${hex[pool[at] as number]}${hex[pool[at + 1] as number]}${hex[pool[at + 2] as number]}${hex[pool[at + 3] as number]}`.slice(
          0,
          7,
        );
      at += 4;
      if (!used.has(suffix)) {
        used.add(suffix);
        return `${stamp}-${suffix}`;
      }
    }
  };
}

/**
 * The environment variable for each setting, one name per setting across the toolkit: the `konaplate`
 * CLI reads them, and the docs' curl and TypeScript samples and the READMEs use them (a test holds every
 * `KONAPLATE_*` name in the repository to this table). The client itself never reads the environment;
 * an application passes what it reads to `createKonaplateClient`.
 */
export const environmentVariables = {
  baseUrl: 'KONAPLATE_BASE_URL',
  aspId: 'KONAPLATE_ASP_ID',
  accessKey: 'KONAPLATE_ACCESS_KEY',
  secretKey: 'KONAPLATE_SECRET_KEY',
  timeZone: 'KONAPLATE_TIME_ZONE',
  cryptoKeyId: 'KONAPLATE_CRYPTO_KEY_ID',
} as const;

/**
 * Names the toolkit read once and reads no more, with the setting that took their place: the CLI refuses
 * them by name rather than ignoring them (an ignored secret would sign with the documentation secret).
 */
export const retiredEnvironmentVariables: Readonly<Record<string, keyof typeof environmentVariables>> = {
  KONAPLATE_SECRET: 'secretKey',
};

/** Single-quotes a word for bash and POSIX sh: safe for any text, spaces, quotes and newlines included. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

// Credentials from the environment, with sandbox-shaped defaults taken from the
// spec (the header schemas' examples and the signing test vector's secret),
// which the mock accepts unless it runs in strict mode.

import { brokenKeywords, describeRule } from '@konaplate-contract/contract';
import { pemBlock } from '@konaplate-contract/contract/protocol';
import {
  type EncryptionKeys,
  environmentVariables,
  retiredEnvironmentVariables,
  type SigningCredentials,
  type TimeZone,
} from './client.ts';
import { doc, header, headerField, headerSample, testVectorSecret, utcOffsets } from './contract.ts';
import { type Io, readFlagFile, UsageError } from './io.ts';

export const env = environmentVariables;

/** Which header each setting is sent as (x-value in the spec; its rules are that header's). */
const asHeader = header;

/** Zones the client computes X-KM-Tran-Time in (the offsets on the TimeZone schema). */
export const timeZones = Object.keys(utcOffsets(doc));

export interface Credentials extends SigningCredentials {
  /** Read once from the environment or --secret-file: always the text itself here. */
  secretKey: string;
  timeZone: TimeZone;
  /** Which values are the spec's sandbox-shaped defaults rather than yours. */
  defaults: string[];
  /** Lines for stderr, printed by the command once nothing else can refuse it (see `warnAll`). */
  warnings: string[];
}

/** Prints a command's warnings on stderr; called just before it sends or prints what it built. */
export function warnAll(io: Io, credentials: Credentials): void {
  for (const line of credentials.warnings) io.err(`konaplate: warning: ${line}\n`);
}

function checkAgainstHeader(name: keyof typeof asHeader, value: string, source: string): void {
  const field = headerField(asHeader[name]);
  if (!field) return;
  const broken = brokenKeywords(field.schema, value)[0];
  if (broken)
    throw new UsageError(
      `${source} ${describeRule(field.schema, broken)} (it is sent as ${asHeader[name]}; ${broken})`,
    );
}

/**
 * The signing credentials: KONAPLATE_ASP_ID, KONAPLATE_ACCESS_KEY and
 * KONAPLATE_SECRET_KEY (or --secret-file), each defaulting to the spec's
 * sandbox-shaped sample. A bad value is named by its variable, never shown.
 * Signing for a server that is not on this machine with the sample secret is
 * allowed (a sandbox may accept it) but warned about (`warnings`): such a server
 * almost certainly refuses it, and the refusal would otherwise look like a bug.
 * A retired variable name that is set is refused, naming the one that replaced it.
 */
export function loadCredentials(
  io: Io,
  flags: { 'secret-file'?: string | undefined; 'time-zone'?: string | undefined },
  baseUrl?: string,
): Credentials {
  for (const [retired, setting] of Object.entries(retiredEnvironmentVariables))
    if (io.env[retired] !== undefined)
      throw new UsageError(`${retired} is no longer read: set ${env[setting]} instead (and unset ${retired})`);
  const defaults: string[] = [];
  const pick = (variable: string, fallback: string | undefined): string => {
    const given = io.env[variable];
    if (given !== undefined && given !== '') return given;
    defaults.push(variable);
    if (fallback === undefined) throw new UsageError(`${variable} is not set and the spec has no sample for it`);
    return fallback;
  };
  const aspId = pick(env.aspId, headerSample('aspId'));
  const accessKey = pick(env.accessKey, headerSample('accessKey'));
  let secretKey: string;
  if (flags['secret-file'] !== undefined) secretKey = readFlagFile('secret-file', flags['secret-file']).trim();
  else secretKey = pick(env.secretKey, testVectorSecret());
  if (secretKey.length === 0) throw new UsageError('the secret key is empty');
  const timeZone = flags['time-zone'] ?? pick(env.timeZone, headerSample('timeZone'));
  checkAgainstHeader('aspId', aspId, env.aspId);
  checkAgainstHeader('accessKey', accessKey, env.accessKey);
  if (!timeZones.includes(timeZone))
    throw new UsageError(`the time zone must be one of ${timeZones.join(', ')} (--time-zone or ${env.timeZone})`);
  const warnings: string[] = [];
  const host = baseUrl === undefined ? undefined : remoteHost(baseUrl);
  if (defaults.includes(env.secretKey) && host !== undefined)
    warnings.push(
      `${env.secretKey} is not set, so requests to ${host} are signed with the spec's documentation secret; set it (or --secret-file) to your project's secret key`,
    );
  return { aspId, accessKey, secretKey, timeZone: timeZone as TimeZone, defaults, warnings };
}

/**
 * The host of a URL that is not this machine, or undefined for a loopback one (the mock, where the spec's
 * sample credentials are expected) and for a URL that does not parse (the command refuses it on its own).
 */
function remoteHost(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const loopback =
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127\./.test(host) ||
    /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(host);
  return loopback ? undefined : parsed.host;
}

/** A --crypto-key-id given alone: the X-KM-Crypto-Key-Id of a body that is already encrypted (checked, never shown). */
export function cryptoKeyIdAlone(flags: KeyFlags): string | undefined {
  const keyId = flags['crypto-key-id'];
  if (keyId !== undefined) checkAgainstHeader('cryptoKeyId', keyId, '--crypto-key-id');
  return keyId;
}

export interface KeyFlags {
  'crypto-key-id'?: string | undefined;
  'server-public-key'?: string | undefined;
  'client-private-key'?: string | undefined;
}

/** Encryption keys as read from files: the client's private key only when it was given. */
export type LoadedKeys = Omit<EncryptionKeys, 'clientPrivateKey'> & { clientPrivateKey?: string };

/**
 * Encryption keys from files, when any key flag is given: the key id, the
 * server's public key (requests are encrypted to it) and the client's private
 * key (encrypted answers are decrypted with it). Encrypting needs only the
 * server's key: `clientKey: 'required'` is for commands that read answers
 * through the client, which imports both.
 */
export function loadKeys(io: Io, flags: KeyFlags, clientKey: 'required'): EncryptionKeys | undefined;
export function loadKeys(io: Io, flags: KeyFlags, clientKey: 'optional'): LoadedKeys | undefined;
export function loadKeys(io: Io, flags: KeyFlags, clientKey: 'required' | 'optional'): LoadedKeys | undefined {
  const keyId = flags['crypto-key-id'] ?? io.env[env.cryptoKeyId];
  const server = flags['server-public-key'];
  const client = flags['client-private-key'];
  if (server === undefined && client === undefined) return undefined;
  if (server === undefined) throw new UsageError('--client-private-key needs --server-public-key to encrypt with');
  if (client === undefined && clientKey === 'required')
    throw new UsageError(
      '--server-public-key needs --client-private-key too (encrypted answers are decrypted with it)',
    );
  if (keyId === undefined) throw new UsageError(`encryption needs --crypto-key-id (or ${env.cryptoKeyId})`);
  checkAgainstHeader('cryptoKeyId', keyId, flags['crypto-key-id'] !== undefined ? '--crypto-key-id' : env.cryptoKeyId);
  const serverPublicKey = pemBlock(readFlagFile('server-public-key', server), 'PUBLIC KEY');
  if (!serverPublicKey)
    throw new UsageError('--server-public-key must be an RSA public key in SPKI PEM ("BEGIN PUBLIC KEY")');
  if (client === undefined) return { keyId, serverPublicKey };
  return { keyId, serverPublicKey, clientPrivateKey: privateKeyFile('client-private-key', client) };
}

/** The PKCS#8 PEM block of a private key file named by a flag, or a usage error naming the flag. */
export function privateKeyFile(flag: string, path: string): string {
  const pem = pemBlock(readFlagFile(flag, path), 'PRIVATE KEY');
  if (!pem) throw new UsageError(`--${flag} must be an RSA private key in PKCS#8 PEM ("BEGIN PRIVATE KEY")`);
  return pem;
}

/**
 * The instant of a `--at` time (`yyyyMMddHHmmss` in the signing zone), in epoch milliseconds: the clock
 * X-KM-Tran-Time and the token are computed from. The digits are never echoed (they are card-number long).
 */
export function signingTime(at: string, timeZone: TimeZone): number {
  const rule = 'yyyyMMddHHmmss in the signing zone, e.g. 20261121103000';
  if (!/^\d{14}$/.test(at)) throw new UsageError(`--at must be 14 digits, ${rule}`);
  const [year, month, day, hour, minute, second] = [0, 4, 6, 8, 10, 12].map((from, i) =>
    Number(at.slice(from, from + (i === 0 ? 4 : 2))),
  ) as [number, number, number, number, number, number];
  const offsetMs = (utcOffsets(doc)[timeZone] ?? 0) * 60_000;
  const instant = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMs;
  // A real time comes back digit for digit: no month 13, no 31 February, no hour 24, no year before 1000.
  const back = new Date(instant + offsetMs).toISOString().slice(0, 19).replace(/[-T:]/g, '');
  if (back !== at) throw new UsageError(`--at is not a real time: give ${rule}`);
  return instant;
}

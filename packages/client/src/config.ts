// Config checking: a client's configuration is refused at creation, naming the
// field and its rule (never its value), or comes back with its defaults filled in.
import type { TimeZone } from './clock.ts';
import { type HeaderValue, headerValues, requestRules, servers, utcOffsets } from './contract.ts';
import type { EncryptionConfig } from './encryption.ts';
import { KonaplateConfigError } from './errors.ts';
import type { RetryOptions } from './retry.ts';
import { type CustomFetch, defaultMaxResponseBytes } from './transport.ts';
import { checkField } from './validation.ts';

export interface KonaplateClientConfig {
  /** Where to send calls: one of the spec's servers (default the sandbox)... */
  server?: 'sandbox' | { productionHost: string };
  /** ...or any base URL, such as the local mock's. */
  baseUrl?: string;
  aspId: string;
  accessKey: string;
  /** Signs every call (HMAC-SHA256); never sent, logged or put in an error. Keep it on a server. */
  secretKey: string;
  /** Zone of X-KM-Tran-Time (default KST). */
  timeZone?: TimeZone;
  /** Encrypt requests and decrypt responses (JWE); jose is loaded only when this is set. */
  encryption?: EncryptionConfig;
  fetch?: CustomFetch;
  /** Per attempt, the body read included (default 10,000 ms). */
  timeoutMs?: number;
  /** Retry policy, or false for none. Only operations the spec marks x-idempotent are retried. */
  retry?: RetryOptions | false;
  /** Check success payloads against the spec before they become data (default true). */
  validateResponses?: boolean;
  /** Larger answers are refused without being read whole (default 1 MiB). */
  maxResponseBytes?: number;
  /** The clock, in epoch milliseconds (tests inject a fixed one). */
  now?: () => number;
  /** One line per call and answer, sensitive fields masked. */
  debug?: (line: string) => void;
}

/** A checked configuration: the base URL resolved (no trailing slash) and every default filled in. */
export interface ClientSettings extends KonaplateClientConfig {
  baseUrl: string;
  timeZone: TimeZone;
  now: () => number;
  timeoutMs: number;
  maxResponseBytes: number;
  validateResponses: boolean;
}

const headerRules = Object.values(requestRules)[0]?.headers ?? {};
/** The header a setting is sent as (x-value in the spec), so a bad setting is named with its header's rule. */
const headerOf = (source: HeaderValue): string => headerValues.find(([, s]) => s === source)?.[0] ?? source;

/** The checked configuration, or a KonaplateConfigError naming the first bad field. */
export function checkConfig(config: KonaplateClientConfig): ClientSettings {
  const fail = (field: string, message: string): never => {
    throw new KonaplateConfigError(field, `invalid client configuration: ${message}`);
  };
  /** A setting sent as a header is held to that header's rule in the spec, and named with it. */
  const asHeader = (field: string, source: HeaderValue, value: unknown) => {
    const header = headerOf(source);
    const rule = headerRules[header];
    const problem = rule && checkField(field, { ...rule, required: true }, value);
    if (problem) fail(field, `${problem[1]} (the ${header} header)`);
  };
  if (typeof config !== 'object' || config === null) fail('config', 'pass an object');
  asHeader('aspId', 'aspId', config.aspId);
  asHeader('accessKey', 'accessKey', config.accessKey);
  if (typeof config.secretKey !== 'string' || config.secretKey.length === 0)
    fail('secretKey', 'secretKey is required, a non-empty string');
  const timeZone = config.timeZone ?? 'KST';
  if (!(timeZone in utcOffsets)) fail('timeZone', `timeZone must be one of ${Object.keys(utcOffsets).join(', ')}`);
  if (config.encryption !== undefined) {
    const { keyId, serverPublicKey, clientPrivateKey } = config.encryption;
    asHeader('encryption.keyId', 'cryptoKeyId', keyId);
    if (typeof serverPublicKey !== 'string' || !serverPublicKey.includes('BEGIN PUBLIC KEY')) {
      fail('encryption.serverPublicKey', 'encryption.serverPublicKey must be an SPKI PEM ("BEGIN PUBLIC KEY")');
    }
    if (typeof clientPrivateKey !== 'string' || !clientPrivateKey.includes('BEGIN PRIVATE KEY')) {
      fail('encryption.clientPrivateKey', 'encryption.clientPrivateKey must be a PKCS#8 PEM ("BEGIN PRIVATE KEY")');
    }
  }
  const positive = (field: 'timeoutMs' | 'maxResponseBytes', what: string) => {
    const value = config[field];
    if (value !== undefined && !(Number.isInteger(value) && value > 0))
      fail(field, `${field} must be a positive whole number of ${what}`);
  };
  positive('timeoutMs', 'milliseconds');
  positive('maxResponseBytes', 'bytes');
  if (config.validateResponses !== undefined && typeof config.validateResponses !== 'boolean')
    fail('validateResponses', 'validateResponses must be true or false');
  if (
    config.retry &&
    config.retry.retries !== undefined &&
    !(Number.isInteger(config.retry.retries) && config.retry.retries >= 0 && config.retry.retries <= 10)
  ) {
    fail('retry.retries', 'retry.retries must be a whole number from 0 to 10');
  }
  if (config.baseUrl !== undefined && config.server !== undefined) fail('server', 'give server or baseUrl, not both');
  let baseUrl = config.baseUrl ?? servers.sandbox;
  if (typeof config.server === 'object') {
    const host = config.server.productionHost;
    if (typeof host !== 'string' || !/^[A-Za-z0-9.-]+(:\d+)?$/.test(host))
      fail('server.productionHost', 'server.productionHost must be a host name');
    baseUrl = servers.production.replace(`{${servers.productionVariable}}`, host);
  }
  if (!/^https?:\/\/[^/]/.test(baseUrl)) fail('baseUrl', 'baseUrl must be an absolute http(s) URL');
  return {
    ...config,
    baseUrl: baseUrl.replace(/\/$/, ''),
    timeZone: timeZone as TimeZone,
    now: config.now ?? Date.now,
    timeoutMs: config.timeoutMs ?? 10_000,
    maxResponseBytes: config.maxResponseBytes ?? defaultMaxResponseBytes,
    validateResponses: config.validateResponses ?? true,
  };
}

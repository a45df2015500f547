// Config checking: a client's configuration is refused at creation, and a
// call's options at the call, naming the field and its rule (never its value);
// what passes comes back with its defaults filled in.
import type { TimeZone } from './clock.ts';
import { type FieldRule, type HeaderValue, headerValues, requestRules, servers, utcOffsets } from './contract.ts';
import type { EncryptionConfig } from './encryption.ts';
import { KonaplateConfigError } from './errors.ts';
import type { KonaplateHooks } from './hooks.ts';
import type { ResponseChecking } from './judge.ts';
import type { RetryOptions } from './retry.ts';
import type { SecretKey } from './signing.ts';
import { type CustomFetch, defaultMaxResponseBytes } from './transport.ts';
import { checkField } from './validation.ts';

/** What may be set for the whole client and, per call, overridden (the second argument of every method). */
export interface CallControl {
  /** Per attempt, the body read included (default 5,000 ms). */
  timeoutMs?: number;
  /** All attempts of a call together, waits between them included (default 15,000 ms). */
  deadlineMs?: number;
  /** Retry policy, or false for none. Only operations the spec marks x-idempotent are retried. */
  retry?: RetryOptions | false;
  /** Check the request body against the spec before sending (default true; false sends it as given). */
  validateRequest?: boolean;
  /** How a success payload is checked against the spec (default `'tolerant'`). */
  validateResponse?: ResponseChecking;
}

/** A call's own options: its abort signal and extra headers, and any setting of the client for this call only. */
export interface CallOptions extends CallControl {
  /** Aborts the call (`AbortSignal.timeout(ms)` ends it as a timeout). */
  signal?: AbortSignal;
  /**
   * Extra headers (such as the mock's `Prefer`). The signed headers are the client's; an
   * X-KM-Correlation-Id of yours is sent on the first attempt (retries get fresh ones).
   */
  headers?: Record<string, string>;
}

export interface KonaplateClientConfig extends CallControl {
  /** Where to send calls: one of the spec's servers (default the sandbox)... */
  server?: 'sandbox' | { productionHost: string };
  /** ...or any base URL, such as the local mock's. Plain http:// only to a loopback host, unless `allowInsecureHttp`. */
  baseUrl?: string;
  /** Allow a plain http:// baseUrl to a host other than loopback (a test proxy inside your network). */
  allowInsecureHttp?: boolean;
  aspId: string;
  accessKey: string;
  /**
   * Signs every call (HMAC-SHA256); never sent, logged or put in an error. Keep it on a server.
   * A function is called once per attempt (sync or async), so a rotated secret is used without a new client.
   */
  secretKey: SecretKey;
  /** Zone of X-KM-Tran-Time (default KST). */
  timeZone?: TimeZone;
  /** Encrypt requests and decrypt responses (JWE); jose is loaded only when this is set. */
  encryption?: EncryptionConfig;
  fetch?: CustomFetch;
  /** @deprecated `validateResponse`: true is `'strict'`, false is `'off'`. */
  validateResponses?: boolean;
  /** Larger answers are refused without being read whole (default 1 MiB). */
  maxResponseBytes?: number;
  /** The clock, in epoch milliseconds (tests inject a fixed one). */
  now?: () => number;
  /** Called with structured, redacted events of every call (see the README's recipes). */
  hooks?: KonaplateHooks;
  /** One line per call and answer, sensitive fields masked. */
  debug?: (line: string) => void;
}

/** The settings of one call: the client's, overridden by the call's options. */
export interface CallSettings {
  timeoutMs: number;
  deadlineMs: number;
  retry: RetryOptions | false;
  validateRequest: boolean;
  validateResponse: ResponseChecking;
}

/** A checked configuration: the base URL resolved (no trailing slash) and every default filled in. */
export interface ClientSettings extends KonaplateClientConfig {
  baseUrl: string;
  timeZone: TimeZone;
  now: () => number;
  maxResponseBytes: number;
  call: CallSettings;
}

/** The defaults of a call: see the README's "Timeouts, retries and deadlines" for why. */
export const defaultCall: CallSettings = {
  timeoutMs: 5_000,
  deadlineMs: 15_000,
  retry: {},
  validateRequest: true,
  validateResponse: 'tolerant',
};

const checkings: readonly ResponseChecking[] = ['strict', 'tolerant', 'off'];
const headerRules = Object.values(requestRules)[0]?.headers ?? {};
/** The header a setting is sent as (x-value in the spec), so a bad setting is named with its header's rule. */
export const headerOf = (source: HeaderValue): string => headerValues.find(([, s]) => s === source)?.[0] ?? source;
const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Throws a KonaplateConfigError naming the field, its message after the context. */
type Fail = (field: string, message: string) => never;
const failWith =
  (context: string): Fail =>
  (field, message) => {
    throw new KonaplateConfigError(field, `${context}: ${message}`);
  };

const whole = (minimum: number, maximum?: number): FieldRule => ({
  required: false,
  type: 'integer',
  minimum,
  maximum,
});
/** The settings a call may override, as rules: checked by the helper that checks a request's fields. */
const controlRules: Record<string, FieldRule> = {
  timeoutMs: whole(1),
  deadlineMs: whole(1),
  'retry.retries': whole(0, 10),
  validateRequest: { required: false, type: 'boolean' },
  validateResponse: { required: false, type: 'string', enum: checkings },
};

/** What is wrong with a header's value against its rule in the spec, as [rule, message], or null. */
export function checkHeader(field: string, source: HeaderValue, value: unknown): [string, string] | null {
  const header = headerOf(source);
  const rule = headerRules[header];
  const problem = rule && checkField(field, { ...rule, required: true }, value);
  return problem ? [problem[0], `${problem[1]} (the ${header} header)`] : null;
}

/** `over` checked (its fields named with `prefix`) and laid over `base`. */
function control(base: CallSettings, over: CallControl, prefix: string, fail: Fail): CallSettings {
  const { timeoutMs, deadlineMs, retry, validateRequest, validateResponse } = over;
  const values: Record<string, unknown> = { ...over, 'retry.retries': retry ? retry.retries : undefined };
  for (const field in controlRules) {
    const problem = checkField(prefix + field, controlRules[field] as FieldRule, values[field]);
    if (problem) fail(prefix + field, problem[1]);
  }
  return {
    timeoutMs: timeoutMs ?? base.timeoutMs,
    deadlineMs: deadlineMs ?? base.deadlineMs,
    retry: retry === undefined ? base.retry : retry && { ...base.retry, ...retry },
    validateRequest: validateRequest ?? base.validateRequest,
    validateResponse: validateResponse ?? base.validateResponse,
  };
}

/** The settings of one call: its options checked (a bad one is a KonaplateConfigError naming `options.<field>`). */
export function callSettings(base: CallSettings, options: CallOptions): CallSettings {
  return control(base, options, 'options.', failWith('invalid call options'));
}

/** The checked configuration, or a KonaplateConfigError naming the first bad field. */
export function checkConfig(config: KonaplateClientConfig): ClientSettings {
  const fail = failWith('invalid client configuration');
  if (typeof config !== 'object' || config === null) fail('config', 'pass an object');
  /** A setting sent as a header is held to that header's rule in the spec, and named with it. */
  const asHeader = (field: string, source: HeaderValue, value: unknown) => {
    const problem = checkHeader(field, source, value);
    if (problem) fail(field, problem[1]);
  };
  asHeader('aspId', 'aspId', config.aspId);
  asHeader('accessKey', 'accessKey', config.accessKey);
  const { secretKey, encryption, maxResponseBytes, validateResponses: legacy, baseUrl: url, server } = config;
  if (typeof secretKey !== 'function' && !(typeof secretKey === 'string' && secretKey))
    fail('secretKey', 'secretKey must be a non-empty string, or a function giving one');
  const timeZone = config.timeZone ?? 'KST';
  if (!(timeZone in utcOffsets)) fail('timeZone', `timeZone must be one of ${Object.keys(utcOffsets).join(', ')}`);
  if (encryption !== undefined) {
    const { keyId, serverPublicKey, clientPrivateKey, clientPrivateKeys } = encryption;
    asHeader('encryption.keyId', 'cryptoKeyId', keyId);
    const pem = (field: string, value: unknown, kind: string, format: string) => {
      if (!(typeof value === 'string' && value.includes(`BEGIN ${kind}`)))
        fail(`encryption.${field}`, `encryption.${field} must be ${format} PEM ("BEGIN ${kind}")`);
    };
    pem('serverPublicKey', serverPublicKey, 'PUBLIC KEY', 'an SPKI');
    const privateKeys = Object.entries({ ...clientPrivateKeys });
    if (clientPrivateKey !== undefined || privateKeys.length === 0)
      pem('clientPrivateKey', clientPrivateKey, 'PRIVATE KEY', 'a PKCS#8');
    for (const [id, value] of privateKeys) pem(`clientPrivateKeys[${id}]`, value, 'PRIVATE KEY', 'a PKCS#8');
  }
  const size = checkField('maxResponseBytes', whole(1), maxResponseBytes);
  if (size) fail('maxResponseBytes', size[1]);
  const call = control(
    defaultCall,
    {
      ...config,
      validateResponse: config.validateResponse ?? (legacy === undefined ? undefined : legacy ? 'strict' : 'off'),
    },
    '',
    fail,
  );
  if (url !== undefined && server !== undefined) fail('server', 'give server or baseUrl, not both');
  let baseUrl = url ?? servers.sandbox;
  if (typeof server === 'object') {
    const host = server.productionHost;
    if (typeof host !== 'string' || !/^[A-Za-z0-9.-]+(:\d+)?$/.test(host))
      fail('server.productionHost', 'server.productionHost must be a host name');
    baseUrl = servers.production.replace(`{${servers.productionVariable}}`, host);
  }
  const parts = /^(https?):\/\/(\[[^\]]+\]|[^/:]+)/.exec(baseUrl);
  if (!parts) fail('baseUrl', 'baseUrl must be an absolute http(s) URL');
  // Plain http only within this machine: signed calls and card data are never sent in clear over a network.
  if (parts?.[1] === 'http' && !config.allowInsecureHttp && !loopback.test(parts[2] as string))
    fail('baseUrl', 'baseUrl must be https:// for a host other than loopback (or set allowInsecureHttp: true)');
  return {
    ...config,
    baseUrl: baseUrl.replace(/\/$/, ''),
    timeZone: timeZone as TimeZone,
    now: config.now ?? Date.now,
    maxResponseBytes: maxResponseBytes ?? defaultMaxResponseBytes,
    call,
  };
}

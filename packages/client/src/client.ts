import type { TimeZone } from './clock.ts';
import {
  codeStatus,
  type DataOf,
  type ErrorCodeOf,
  envelopeField,
  type HeaderValue,
  headerValues,
  type OperationDocs,
  type OperationId,
  operations,
  type RequestOf,
  requestRules,
  responseRules,
  servers,
  successCode,
  utcOffsets,
} from './contract.ts';
import type { EncryptionConfig, Encryptor } from './encryption.ts';
import {
  KonaplateClientError,
  KonaplateConfigError,
  KonaplateContractError,
  KonaplateError,
  KonaplateResponseError,
  KonaplateTransportError,
  type KonaplateValidationError,
  type UnregisteredCode,
} from './errors.ts';
import { redact } from './redact.ts';
import { type Outcome, type RetryOptions, withRetry } from './retry.ts';
import { createSigner } from './signing.ts';
import { type CustomFetch, defaultMaxResponseBytes, readBody, send, TooLarge } from './transport.ts';
import { checkField, problemsOf, validateRequest } from './validation.ts';

/** Any error a call of operation K can end with; `kind` tells them apart. */
export type KonaplateFailure<K extends OperationId = OperationId> =
  | KonaplateError<ErrorCodeOf<K> | UnregisteredCode>
  | KonaplateValidationError
  | KonaplateContractError
  | KonaplateResponseError
  | KonaplateTransportError
  | KonaplateConfigError;

/** openapi-fetch style: the payload, or the error, never both. */
export type KonaplateResult<K extends OperationId = OperationId> =
  | { data: DataOf<K>; error?: undefined; response: Response }
  | { data?: undefined; error: KonaplateFailure<K>; response?: Response };

/** Request body, success payload and error codes of each operation (plaintext: the client encrypts and decrypts). */
export type KonaplateOperations = {
  [K in OperationId]: { body: RequestOf<K>; data: DataOf<K>; errorCode: ErrorCodeOf<K> };
};

/** Per call: a caller's abort signal, and extra headers (such as the mock's `Prefer`; the signed headers win). */
export interface CallOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type Method<K extends OperationId> = (body: RequestOf<K>, init?: CallOptions) => Promise<KonaplateResult<K>>;
type ThrowingMethod<K extends OperationId> = (body: RequestOf<K>, init?: CallOptions) => Promise<DataOf<K>>;

/** One method per operation of the spec, its throwing twin under `orThrow`, and `call` by operation ID. */
export type KonaplateClient = {
  readonly [K in keyof OperationDocs]: Method<K & OperationId>;
} & {
  /** The same calls, resolving to the payload and throwing the error. */
  readonly orThrow: { readonly [K in keyof OperationDocs]: ThrowingMethod<K & OperationId> };
  /** Any operation by its ID (an unknown ID is a validation error naming `operationId`). */
  call<K extends OperationId>(operationId: K, body: RequestOf<K>, init?: CallOptions): Promise<KonaplateResult<K>>;
  /** Method, path and summary of each operation. */
  readonly operations: typeof operations;
};

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

const headerRules = Object.values(requestRules)[0]?.headers ?? {};
/** The header a setting is sent as (x-value in the spec), so a bad setting is named with its header's rule. */
const headerOf = (source: HeaderValue): string => headerValues.find(([, s]) => s === source)?.[0] ?? source;
/** The correlation id the platform echoes on every answer. */
const correlationHeader = headerOf('correlationId');

function checkConfig(config: KonaplateClientConfig): { baseUrl: string; timeZone: TimeZone } {
  const fail = (field: string, message: string): never => {
    throw new KonaplateConfigError(field, `invalid client configuration: ${message}`);
  };
  if (typeof config !== 'object' || config === null) fail('config', 'pass an object');
  for (const field of ['aspId', 'accessKey'] as const) {
    const header = headerOf(field);
    const rule = headerRules[header];
    const problem = rule && checkField(field, { ...rule, required: true }, config[field]);
    if (problem) fail(field, `${problem[1]} (the ${header} header)`);
  }
  if (typeof config.secretKey !== 'string' || config.secretKey.length === 0)
    fail('secretKey', 'secretKey is required, a non-empty string');
  const timeZone = config.timeZone ?? 'KST';
  if (!(timeZone in utcOffsets)) fail('timeZone', `timeZone must be one of ${Object.keys(utcOffsets).join(', ')}`);
  if (config.encryption !== undefined) {
    const { keyId, serverPublicKey, clientPrivateKey } = config.encryption;
    const keyHeader = headerOf('cryptoKeyId');
    const rule = headerRules[keyHeader];
    const problem = rule && checkField('encryption.keyId', { ...rule, required: true }, keyId);
    if (problem) fail('encryption.keyId', `${problem[1]} (the ${keyHeader} header)`);
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
  return { baseUrl: baseUrl.replace(/\/$/, ''), timeZone: timeZone as TimeZone };
}

/** The `{"encData": JWE}` text of a plaintext body, for tools that sign and send it themselves (loads jose; needs the server key only). */
export async function encryptBody(
  config: Pick<EncryptionConfig, 'serverPublicKey'>,
  plaintext: string,
): Promise<string> {
  return (await import('./encryption.ts')).encryptBody(config, plaintext);
}

export function createKonaplateClient(config: KonaplateClientConfig): KonaplateClient {
  const { baseUrl, timeZone } = checkConfig(config);
  const now = config.now ?? Date.now;
  const timeoutMs = config.timeoutMs ?? 10_000;
  const maxResponseBytes = config.maxResponseBytes ?? defaultMaxResponseBytes;
  const validateResponses = config.validateResponses ?? true;
  const signer = createSigner({
    aspId: config.aspId,
    accessKey: config.accessKey,
    secretKey: config.secretKey,
    timeZone,
    now,
  });
  const { encryption } = config;
  // The encryption module (and jose) is loaded on the first call that needs it.
  let encryptor: Promise<Encryptor> | undefined;
  const encryptorOf = (keys: EncryptionConfig) =>
    (encryptor ??= import('./encryption.ts').then((m) => m.createEncryptor(keys)));

  /** One attempt: encrypt, sign the exact text, send, read the body (bounded); the timeout covers it all. */
  async function attempt(
    operationId: OperationId,
    plaintext: string,
    init: CallOptions,
  ): Promise<Outcome<string | TooLarge>> {
    const { signal } = init;
    if (signal?.aborted)
      throw new KonaplateTransportError('aborted', `${operationId}: aborted by the caller`, operationId);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort);
    try {
      const text = encryption ? await (await encryptorOf(encryption)).encrypt(plaintext) : plaintext;
      const signed = signer(text, encryption?.keyId);
      const headers = signed instanceof Promise ? await signed : signed;
      headers['Content-Type'] = 'application/json';
      const op = operations[operationId];
      const response = await send(
        op.method.toUpperCase(),
        {
          url: baseUrl + op.path,
          headers: init.headers ? { ...init.headers, ...headers } : headers,
          body: text,
          signal: controller.signal,
        },
        config.fetch,
      );
      return { response, value: await readBody(response, maxResponseBytes) };
    } catch (error) {
      if (error instanceof KonaplateClientError) throw error;
      if (signal?.aborted)
        throw new KonaplateTransportError('aborted', `${operationId}: aborted by the caller`, operationId);
      return { failure: timedOut ? 'timeout' : 'network', error };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Judges an answer by the platform's result code, then checks a success payload against the spec. */
  async function judge<K extends OperationId>(
    operationId: K,
    outcome: Outcome<string | TooLarge>,
    attempts: number,
  ): Promise<KonaplateResult<K>> {
    if ('failure' in outcome) {
      const why = outcome.failure === 'timeout' ? `timed out after ${timeoutMs} ms` : 'network error';
      const message = `${operationId}: no answer after ${attempts} attempt(s) (${why})`;
      return { error: new KonaplateTransportError(outcome.failure, message, operationId, undefined, attempts) };
    }
    const { response, value } = outcome;
    const { status } = response;
    const correlationId = response.headers.get(correlationHeader) ?? '';
    const noEnvelope = () => ({
      error: new KonaplateTransportError(
        'http',
        `${operationId}: HTTP ${status} without the platform's result envelope (after ${attempts} attempt(s))`,
        operationId,
        status,
        attempts,
      ),
      response,
    });
    if (value instanceof TooLarge) {
      const message = `${operationId}: the answer is larger than maxResponseBytes (${value.limit} bytes) and was not read`;
      return { error: new KonaplateResponseError('too-large', message, operationId, status), response };
    }
    const parse = (text: string): { ok: true; json: unknown } | { ok: false } => {
      try {
        return { ok: true, json: JSON.parse(text) };
      } catch {
        return { ok: false };
      }
    };
    let parsed = parse(value);
    if (!parsed.ok) {
      if (!response.ok) return noEnvelope();
      const message = `${operationId}: the HTTP ${status} answer is not JSON (${value.length} characters)`;
      return { error: new KonaplateResponseError('not-json', message, operationId, status), response };
    }
    const encData = (parsed.json as Record<string, unknown> | null)?.[envelopeField];
    if (typeof encData === 'string') {
      if (!encryption) {
        const message = `${operationId}: the answer is encrypted (${envelopeField}) but the client has no encryption keys`;
        return { error: new KonaplateConfigError('encryption', message), response };
      }
      parsed = parse(await (await encryptorOf(encryption)).decrypt(encData, operationId));
      if (!parsed.ok) {
        const message = `${operationId}: the decrypted answer is not JSON`;
        return { error: new KonaplateResponseError('not-json', message, operationId, status), response };
      }
    }
    const body = parsed.json as { response?: { code?: unknown; message?: unknown; description?: unknown } } | null;
    const envelope = body?.response;
    const code = envelope?.code;
    if (typeof code !== 'string' || code.length === 0) {
      if (!response.ok) return noEnvelope();
      const message = `${operationId}: response.code is required (HTTP ${status} without a result code)`;
      return {
        error: new KonaplateContractError('response.code', 'required', message, operationId, status, correlationId),
        response,
      };
    }
    if (code === successCode) {
      if (status !== operations[operationId].successStatus) {
        const message = `${operationId}: result code ${code} came with HTTP ${status}, not ${operations[operationId].successStatus}`;
        return {
          error: new KonaplateContractError('response.code', 'httpStatus', message, operationId, status, correlationId),
          response,
        };
      }
      if (validateResponses) {
        const [problem] = problemsOf(responseRules[operationId], body, 1);
        if (problem) {
          const message = `${operationId}: the answer breaks the contract: ${problem.message}`;
          return {
            error: new KonaplateContractError(problem.field, problem.rule, message, operationId, status, correlationId),
            response,
          };
        }
      }
      return { data: body as DataOf<K>, response };
    }
    const error = new KonaplateError<ErrorCodeOf<K> | UnregisteredCode>({
      code,
      message: String(envelope?.message ?? ''),
      description: String(envelope?.description ?? ''),
      status,
      expectedStatus: codeStatus[code],
      correlationId,
      operationId,
    });
    return { error, response };
  }

  async function call<K extends OperationId>(
    operationId: K,
    body: RequestOf<K>,
    init: CallOptions = {},
  ): Promise<KonaplateResult<K>> {
    const started = now();
    let result: KonaplateResult<K>;
    config.debug?.(`→ ${operationId} ${JSON.stringify(redact(body))}`);
    try {
      validateRequest(operationId, body);
      const plaintext = JSON.stringify(body);
      const retry = config.retry === false || !operations[operationId].idempotent ? { retries: 0 } : config.retry;
      const { outcome, attempts } = await withRetry(() => attempt(operationId, plaintext, init), retry);
      result = await judge(operationId, outcome, attempts);
    } catch (error) {
      if (!(error instanceof KonaplateClientError)) throw error;
      result = { error: error as KonaplateFailure<K> };
    }
    if (config.debug) {
      const ms = now() - started;
      if (result.error) config.debug(`← ${operationId} ${result.error.toString()} (${ms} ms)`);
      else config.debug(`← ${operationId} ${result.response.status} ${JSON.stringify(redact(result.data))} (${ms} ms)`);
    }
    return result;
  }

  const methods: Record<string, unknown> = {};
  const throwing: Record<string, unknown> = {};
  for (const id of Object.keys(operations) as OperationId[]) {
    methods[id] = (body: RequestOf<typeof id>, init?: CallOptions) => call(id, body, init);
    throwing[id] = async (body: RequestOf<typeof id>, init?: CallOptions) => {
      const { data, error } = await call(id, body, init);
      if (error) throw error;
      return data;
    };
  }
  return { ...methods, orThrow: throwing, call, operations } as KonaplateClient;
}

import createClient, { type Middleware } from 'openapi-fetch';
import { operations, requestRules, servers, utcOffsets } from '../../../generated/client/contract.ts';
import type { components, paths } from '../../../generated/types/openapi.ts';
import type { TimeZone } from './clock.ts';
import type { EncryptionConfig } from './encryption.ts';
import { KonaplateClientError, KonaplateConfigError, KonaplateError, KonaplateTransportError } from './errors.ts';
import { redact } from './redact.ts';
import { type Outcome, type RetryOptions, withRetry } from './retry.ts';
import { type BodyText, createSigner } from './signing.ts';
import { OutgoingRequest, transport } from './transport.ts';
import { checkField, type OperationId, validationMiddleware } from './validation.ts';

type Schemas = components['schemas'];
export type UnregisteredCardRequest = Schemas['UnregisteredCardInquiryRequest'];
export type UnregisteredCardInfo = Schemas['UnregisteredCardInquiryResponse'];
export type VirtualAccountRequest = Schemas['VirtualAccountInquiryRequest'];
export type VirtualAccountInfo = Schemas['VirtualAccountInquiryResponse'];

/** Request body and success payload of each operation (plaintext: the client encrypts and decrypts). */
export interface KonaplateOperations {
  inquireUnregisteredCard: { body: UnregisteredCardRequest; data: UnregisteredCardInfo };
  inquireCardVirtualAccount: { body: VirtualAccountRequest; data: VirtualAccountInfo };
}

/** openapi-fetch style: the payload, or the error, never both. */
export type KonaplateResult<T> =
  | { data: T; error?: undefined; response: Response }
  | { data?: undefined; error: KonaplateClientError; response?: Response };

export interface KonaplateClientConfig {
  /** Where to send calls: one of the spec's servers (default the sandbox)... */
  server?: 'sandbox' | { productionHost: string };
  /** ...or any base URL, such as the local mock's. */
  baseUrl?: string;
  aspId: string;
  accessKey: string;
  /** Signs every call (HMAC-SHA256); never sent, logged or put in an error. */
  secretKey: string;
  /** Zone of X-KM-Tran-Time (default KST). */
  timeZone?: TimeZone;
  /** Encrypt requests and decrypt responses (JWE); jose is loaded only when this is set. */
  encryption?: EncryptionConfig;
  fetch?: (request: Request) => Promise<Response>;
  /** Per attempt (default 10,000 ms). */
  timeoutMs?: number;
  /** Retry policy, or false for none. */
  retry?: RetryOptions | false;
  /** The clock, in epoch milliseconds (tests inject a fixed one). */
  now?: () => number;
  /** One line per call and answer, sensitive fields masked. */
  debug?: (line: string) => void;
}

/** The operations' paths with the common headers left out: the signing middleware fills them. */
type HeaderlessPaths = {
  [P in keyof paths]: {
    [M in keyof paths[P]]: paths[P][M] extends { parameters: infer Params }
      ? Omit<paths[P][M], 'parameters'> & { parameters: Omit<Params, 'header'> & { header?: never } }
      : paths[P][M];
  };
};

const headerRules = requestRules.inquireUnregisteredCard.headers;

function checkConfig(config: KonaplateClientConfig): { baseUrl: string; timeZone: TimeZone } {
  const fail = (field: string, message: string): never => {
    throw new KonaplateConfigError(field, `invalid client configuration: ${message}`);
  };
  if (typeof config !== 'object' || config === null) fail('config', 'pass an object');
  const asHeader: Array<[keyof KonaplateClientConfig, keyof typeof headerRules]> = [
    ['aspId', 'X-KM-User-AspId'],
    ['accessKey', 'X-KM-Access-Key'],
  ];
  for (const [field, header] of asHeader) {
    const problem = checkField(field, { ...headerRules[header], required: true }, config[field]);
    if (problem) fail(field, `${problem[1]} (the ${header} header)`);
  }
  if (typeof config.secretKey !== 'string' || config.secretKey.length === 0)
    fail('secretKey', 'secretKey is required, a non-empty string');
  const timeZone = config.timeZone ?? 'KST';
  if (!(timeZone in utcOffsets)) fail('timeZone', `timeZone must be one of ${Object.keys(utcOffsets).join(', ')}`);
  if (config.encryption !== undefined) {
    const { keyId, serverPublicKey, clientPrivateKey } = config.encryption;
    const problem = checkField('encryption.keyId', { ...headerRules['X-KM-Crypto-Key-Id'], required: true }, keyId);
    if (problem) fail('encryption.keyId', `${problem[1]} (the X-KM-Crypto-Key-Id header)`);
    if (typeof serverPublicKey !== 'string' || !serverPublicKey.includes('BEGIN PUBLIC KEY')) {
      fail('encryption.serverPublicKey', 'encryption.serverPublicKey must be an SPKI PEM ("BEGIN PUBLIC KEY")');
    }
    if (typeof clientPrivateKey !== 'string' || !clientPrivateKey.includes('BEGIN PRIVATE KEY')) {
      fail('encryption.clientPrivateKey', 'encryption.clientPrivateKey must be a PKCS#8 PEM ("BEGIN PRIVATE KEY")');
    }
  }
  if (config.timeoutMs !== undefined && !(Number.isInteger(config.timeoutMs) && config.timeoutMs > 0)) {
    fail('timeoutMs', 'timeoutMs must be a positive whole number of milliseconds');
  }
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

/** The encryption middleware of a call; its module (and jose) is loaded on first use only. */
function lazyEncryptor(config: EncryptionConfig): (body: BodyText) => Middleware {
  let encryptor: Promise<(body: BodyText) => Middleware> | undefined;
  return (body) => {
    const middleware = async () => {
      encryptor ??= import('./encryption.ts').then((m) => m.createEncryptor(config));
      return (await encryptor)(body);
    };
    return {
      onRequest: async (params) => (await middleware()).onRequest?.(params),
      onResponse: async (params) => (await middleware()).onResponse?.(params),
    };
  };
}

export function createKonaplateClient(config: KonaplateClientConfig) {
  const { baseUrl, timeZone } = checkConfig(config);
  const now = config.now ?? Date.now;
  const timeoutMs = config.timeoutMs ?? 10_000;
  const fetchClient = createClient<HeaderlessPaths>({
    baseUrl,
    Request: OutgoingRequest as unknown as typeof Request,
    fetch: transport(config.fetch) as unknown as (request: Request) => Promise<Response>,
  });
  const signer = createSigner({
    aspId: config.aspId,
    accessKey: config.accessKey,
    secretKey: config.secretKey,
    timeZone,
    now,
  });
  const encryptor = config.encryption ? lazyEncryptor(config.encryption) : undefined;

  /** One attempt's middleware, in order: validate, encrypt, sign (the last two over the same body text). */
  function middlewareFor(operationId: OperationId, body: unknown): { middleware: Middleware[]; bodyText: BodyText } {
    const bodyText: BodyText = { text: JSON.stringify(body) };
    const middleware = [validationMiddleware(operationId, body)];
    if (encryptor) middleware.push(encryptor(bodyText));
    middleware.push(signer(bodyText));
    return { middleware, bodyText };
  }

  async function call<K extends OperationId>(
    operationId: K,
    body: KonaplateOperations[K]['body'],
    init: { signal?: AbortSignal } = {},
  ): Promise<KonaplateResult<KonaplateOperations[K]['data']>> {
    const path = operations[operationId].path as '/api/v1/card/virtual-account/inquiry';
    const started = now();
    config.debug?.(`→ ${operationId} ${JSON.stringify(redact(body))}`);
    const attempt = async (): Promise<Outcome<{ data?: unknown; error?: unknown }>> => {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      const { middleware, bodyText } = middlewareFor(operationId, body);
      try {
        const result = await fetchClient.POST(path, {
          body: body as VirtualAccountRequest,
          bodySerializer: () => bodyText.text,
          middleware,
          signal,
        });
        return { response: result.response, value: result };
      } catch (error) {
        if (error instanceof KonaplateClientError) throw error;
        if (init.signal?.aborted)
          throw new KonaplateTransportError('aborted', `${operationId}: aborted by the caller`, operationId);
        return { failure: timeout.aborted ? 'timeout' : 'network', error };
      }
    };
    let result: KonaplateResult<KonaplateOperations[K]['data']>;
    try {
      const { outcome, attempts } = await withRetry(attempt, config.retry === false ? { retries: 0 } : config.retry);
      result = toResult(operationId, outcome, attempts);
    } catch (error) {
      if (!(error instanceof KonaplateClientError)) throw error;
      result = { error };
    }
    const ms = now() - started;
    if (result.error) config.debug?.(`← ${operationId} ${result.error.toString()} (${ms} ms)`);
    else config.debug?.(`← ${operationId} ${result.response.status} ${JSON.stringify(redact(result.data))} (${ms} ms)`);
    return result;
  }

  function toResult<T>(
    operationId: OperationId,
    outcome: Outcome<{ data?: unknown; error?: unknown }>,
    attempts: number,
  ): KonaplateResult<T> {
    if ('failure' in outcome) {
      const message = `${operationId}: no answer after ${attempts} attempt(s) (${outcome.failure === 'timeout' ? `timed out after ${timeoutMs} ms` : 'network error'})`;
      return { error: new KonaplateTransportError(outcome.failure, message, operationId, undefined, attempts) };
    }
    const { response, value } = outcome;
    if (response.ok) return { data: value.data as T, response };
    const envelope = (
      value.error as { response?: { code?: unknown; message?: unknown; description?: unknown } } | undefined
    )?.response;
    if (response.status === 400 && typeof envelope?.code === 'string') {
      const error = new KonaplateError({
        code: envelope.code,
        message: String(envelope.message ?? ''),
        description: String(envelope.description ?? ''),
        status: response.status,
        correlationId: response.headers.get('x-km-correlation-id') ?? '',
        operationId,
      });
      return { error, response };
    }
    const message = `${operationId}: HTTP ${response.status} without the platform's result envelope (after ${attempts} attempt(s))`;
    return { error: new KonaplateTransportError('http', message, operationId, response.status, attempts), response };
  }

  const orThrow = async <T>(result: Promise<KonaplateResult<T>>): Promise<T> => {
    const { data, error } = await result;
    if (error) throw error;
    return data as T;
  };

  return {
    /** Inquire a card not registered to a member, by number, expiry (YYMM) and CVC. */
    inquireUnregisteredCard: (body: UnregisteredCardRequest, init?: { signal?: AbortSignal }) =>
      call('inquireUnregisteredCard', body, init),
    /** Inquire the virtual bank account linked to a card. */
    inquireCardVirtualAccount: (body: VirtualAccountRequest, init?: { signal?: AbortSignal }) =>
      call('inquireCardVirtualAccount', body, init),
    /** The same calls, resolving to the payload and throwing the error. */
    orThrow: {
      inquireUnregisteredCard: (body: UnregisteredCardRequest, init?: { signal?: AbortSignal }) =>
        orThrow(call('inquireUnregisteredCard', body, init)),
      inquireCardVirtualAccount: (body: VirtualAccountRequest, init?: { signal?: AbortSignal }) =>
        orThrow(call('inquireCardVirtualAccount', body, init)),
    },
    /** The underlying openapi-fetch client (no middleware: calls through it are not validated or signed). */
    raw: fetchClient,
  };
}

export type KonaplateClient = ReturnType<typeof createKonaplateClient>;

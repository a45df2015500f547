// The client: config checking (config.ts), one transport attempt (attempt.ts),
// retries (retry.ts) and judging the answer (judge.ts), composed into one
// method per operation of the spec; hooks (hooks.ts) are told along the way.
import { createAttempt } from './attempt.ts';
import {
  type CallOptions,
  callSettings,
  checkConfig,
  checkHeader,
  headerOf,
  type KonaplateClientConfig,
} from './config.ts';
import {
  type DataOf,
  type ErrorCodeOf,
  headerValues,
  type OperationDocs,
  type OperationId,
  operations,
  type RequestOf,
} from './contract.ts';
import type { EncryptionConfig, Encryptor } from './encryption.ts';
import {
  KonaplateClientError,
  type KonaplateFailure,
  KonaplateTransportError,
  KonaplateValidationError,
  traced,
} from './errors.ts';
import { emit } from './hooks.ts';
import { judge, type Verdict } from './judge.ts';
import { kit } from './kit.ts';
import { redact } from './redact.ts';
import { type Outcome, withRetry } from './retry.ts';
import { type Problem, validateRequest } from './validation.ts';

/**
 * openapi-fetch style: the payload, or the error, never both; with the
 * X-KM-Correlation-Id sent on the last attempt and the number of attempts.
 */
export type KonaplateResult<K extends OperationId = OperationId> =
  | { data: DataOf<K>; error?: undefined; response: Response; correlationId: string; attempts: number }
  | { data?: undefined; error: KonaplateFailure<K>; response?: Response; correlationId: string; attempts: number };

/** Request body, success payload and error codes of each operation (plaintext: the client encrypts and decrypts). */
export type KonaplateOperations = {
  [K in OperationId]: { body: RequestOf<K>; data: DataOf<K>; errorCode: ErrorCodeOf<K> };
};

type Method<K extends OperationId> = (body: RequestOf<K>, options?: CallOptions) => Promise<KonaplateResult<K>>;
type ThrowingMethod<K extends OperationId> = (body: RequestOf<K>, options?: CallOptions) => Promise<DataOf<K>>;

/** One method per operation of the spec, its throwing twin under `orThrow`, and `call` by operation ID. */
export type KonaplateClient = {
  readonly [K in keyof OperationDocs]: Method<K & OperationId>;
} & {
  /** The same calls, resolving to the payload and throwing the error. */
  readonly orThrow: { readonly [K in keyof OperationDocs]: ThrowingMethod<K & OperationId> };
  /** Any operation by its ID (an unknown ID is a validation error naming `operationId`). */
  call<K extends OperationId>(operationId: K, body: RequestOf<K>, options?: CallOptions): Promise<KonaplateResult<K>>;
  /** Method, path and summary of each operation. */
  readonly operations: typeof operations;
};

type Envelope = { response: { code: string } };

const correlationHeader = headerOf('correlationId');
const correlationKey = correlationHeader.toLowerCase();
const cryptoKeyHeader = headerOf('cryptoKeyId');
/** Headers the client computes: a caller's own of these names are dropped (its correlation id is taken apart). */
const computed = new Set([...headerValues.map(([name]) => name.toLowerCase()), 'content-type']);

export function createKonaplateClient(config: KonaplateClientConfig): KonaplateClient {
  const settings = checkConfig(config);
  const { encryption, hooks = {}, debug } = settings;
  // The encryption module (and jose) is loaded on the first call that needs it.
  let encryptor: Promise<Encryptor> | undefined;
  const encryptorOf = () =>
    (encryptor ??= import('./encryption.ts').then((m) => m.createEncryptor(encryption as EncryptionConfig, kit)));
  const attempt = createAttempt(settings, encryption && encryptorOf);

  async function call<K extends OperationId>(
    operationId: K,
    body: RequestOf<K>,
    options?: CallOptions,
  ): Promise<KonaplateResult<K>> {
    const started = performance.now();
    const ids: string[] = [];
    let method = '';
    let url = '';
    /** An event of this call, at an attempt (the last one's correlation id). */
    const event = <E>(attempt: number, more: E) => ({
      operationId,
      correlationId: ids.at(-1) ?? '',
      attempt,
      method,
      url,
      ...more,
    });
    let result: { data?: DataOf<K>; error?: KonaplateFailure<K>; response?: Response };
    debug?.(`→ ${operationId} ${JSON.stringify(redact(body))}`);
    try {
      const s = options ? callSettings(settings.call, options) : settings.call;
      const { signal, headers: given } = options ?? {};
      // The caller's headers, less those the client computes; its correlation id goes on the first attempt.
      let extra: Record<string, string> | undefined;
      let ownId: string | undefined;
      if (given) {
        extra = {};
        for (const name in given) {
          const lower = name.toLowerCase();
          if (lower === correlationKey) ownId = given[name];
          else if (!computed.has(lower)) extra[name] = given[name] as string;
        }
      }
      // An unknown operation is refused (by validateRequest, naming it) even when requests are not checked.
      if (s.validateRequest || !Object.hasOwn(operations, operationId)) {
        validateRequest(operationId, body);
        const problem = ownId === undefined ? null : checkHeader(correlationHeader, 'correlationId', ownId);
        if (problem) throw new KonaplateValidationError(correlationHeader, problem[0], problem[1], operationId);
      }
      const plaintext = JSON.stringify(body) ?? '';
      const deadline = started + s.deadlineMs;
      const left = () => deadline - performance.now();
      let limit = s.timeoutMs;
      const once = async (n: number): Promise<Outcome<Verdict<K>>> => {
        limit = Math.max(1, Math.min(s.timeoutMs, Math.ceil(left())));
        const sent = performance.now();
        const outcome = await attempt({
          operationId,
          plaintext,
          signal,
          headers: extra,
          timeoutMs: limit,
          correlationId: n === 1 ? ownId : undefined,
          sending: (id, m, u) => {
            ids.push(id);
            method = m;
            url = u;
            if (hooks.onRequest) emit(hooks.onRequest, () => event(n, { body: redact(body) }));
          },
        });
        if ('failure' in outcome) return outcome;
        const { response, value } = outcome;
        const { status } = response;
        const judged = { validateResponse: s.validateResponse, decrypts: !!encryption, attempts: n };
        let verdict = judge(operationId, status, value, judged);
        if ('sealed' in verdict) {
          const keyId = response.headers.get(cryptoKeyHeader);
          const text = await (await encryptorOf()).decrypt(verdict.sealed, operationId, status, keyId);
          verdict = judge(operationId, status, text, { ...judged, decrypted: true });
        }
        const { data, error } = verdict;
        if (hooks.onResponse)
          emit(hooks.onResponse, () =>
            event(n, {
              status,
              code: data ? (data as unknown as Envelope).response.code : (error as { code?: string }).code,
              durationMs: performance.now() - sent,
              body: data && redact(data),
            }),
          );
        return { response, value: verdict };
      };
      const { outcome, attempts } = await withRetry(once, {
        ...(s.retry === false || !operations[operationId].idempotent ? { retries: 0 } : s.retry),
        left,
        sleep: signal && ((ms) => pause(ms, signal)),
        onRetry: (n, o, delayMs) =>
          hooks.onRetry &&
          emit(hooks.onRetry, () =>
            event(n, {
              reason: 'failure' in o ? o.failure : ('http' as const),
              status: 'response' in o ? o.response.status : undefined,
              delayMs,
            }),
          ),
      });
      if ('failure' in outcome) {
        const { failure, error, code } = outcome;
        // A timeout of the client's own (not the caller's signal): per attempt, or the deadline's.
        const own = failure === 'timeout' && !signal?.aborted;
        const why = !own
          ? failure === 'timeout'
            ? "the caller's signal timed out"
            : failure
          : limit < s.timeoutMs
            ? `the deadline of ${s.deadlineMs} ms passed`
            : `timed out after ${limit} ms`;
        const message = `${operationId}: no answer after ${attempts} attempt(s) (${why}${code ? `, ${code}` : ''})`;
        result = { error: new KonaplateTransportError(failure, message, operationId, undefined, error) };
      } else {
        const { response, value } = outcome;
        const { drift } = value as { drift?: Problem[] };
        if (drift && hooks.onContractDrift)
          emit(hooks.onContractDrift, () => event(attempts, { status: response.status, drift }));
        result = value.error ? { error: value.error, response } : { data: value.data, response };
      }
    } catch (error) {
      if (!(error instanceof KonaplateClientError)) throw error;
      result = { error: error as KonaplateFailure<K> };
    }
    const trace = { correlationId: ids.at(-1) ?? '', correlationIds: ids, attempts: ids.length };
    const { error } = result;
    if (error) {
      traced(error, trace);
      if (hooks.onError)
        emit(hooks.onError, () => event(ids.length, { error, durationMs: performance.now() - started }));
    }
    if (debug) {
      const ms = Math.round(performance.now() - started);
      debug(
        `← ${operationId} ${error ?? `${result.response?.status} ${JSON.stringify(redact(result.data))}`} (${ms} ms)`,
      );
    }
    return Object.assign(result, {
      correlationId: trace.correlationId,
      attempts: trace.attempts,
    }) as KonaplateResult<K>;
  }

  const methods: Record<string, unknown> = {};
  const throwing: Record<string, unknown> = {};
  for (const id of Object.keys(operations) as OperationId[]) {
    methods[id] = (body: RequestOf<typeof id>, options?: CallOptions) => call(id, body, options);
    throwing[id] = async (body: RequestOf<typeof id>, options?: CallOptions) => {
      const { data, error } = await call(id, body, options);
      if (error) throw error;
      return data;
    };
  }
  return { ...methods, orThrow: throwing, call, operations } as KonaplateClient;
}

/** A wait between attempts that ends early when the caller aborts (the next attempt then reports it). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

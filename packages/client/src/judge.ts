// Judging what came back: from an answer (HTTP status, body text) to the
// payload or the typed error, and from what fetch threw to the reason there
// was no answer. Judged by the platform's result code, not the HTTP status; a
// success payload is checked against the spec's rules before it becomes data.
// Pure: no fetch, no clock, no I/O. An encrypted answer is handed back sealed:
// the caller decrypts it and judges the plaintext (`decrypted: true`).
import {
  codeStatus,
  type DataOf,
  type ErrorCodeOf,
  envelopeField,
  type OperationId,
  operations,
  responseRules,
  successCode,
} from './contract.ts';
import {
  KonaplateConfigError,
  KonaplateContractError,
  KonaplateError,
  type KonaplateFailure,
  KonaplateResponseError,
  KonaplateTransportError,
  type TransportReason,
  type UnregisteredCode,
} from './errors.ts';
import { TooLarge } from './transport.ts';
import { type Problem, problemsOf } from './validation.ts';

/**
 * How a success payload is checked against the spec: `strict` refuses any
 * difference; `tolerant` refuses only what cannot be used (a required field
 * missing, a wrong type) and hands out the rest as data, its differences
 * (drift) listed; `off` checks nothing.
 */
export type ResponseChecking = 'strict' | 'tolerant' | 'off';

export interface JudgeOptions {
  /** How a success payload is checked. */
  validateResponse: ResponseChecking;
  /** The client has encryption keys, so an encrypted answer can be decrypted. */
  decrypts: boolean;
  /** Attempts the call took, named by an answer without the platform's envelope. */
  attempts: number;
  /** The body is the plaintext of a sealed answer, already decrypted. */
  decrypted?: boolean;
}

/** The payload (with the contract drift found in it, if any), or the error, never both. */
export type Verdict<K extends OperationId> =
  | { data: DataOf<K>; error?: undefined; drift?: Problem[] }
  | { data?: undefined; error: KonaplateFailure<K> };

/** An encrypted answer (`{"encData": JWE}`): decrypt `sealed`, then judge its plaintext with `decrypted: true`. */
export interface Sealed {
  sealed: string;
}

type Envelope = { response?: { code?: unknown; message?: unknown; description?: unknown } } | null;

/** Rules a payload cannot be used without: the rest is drift when `tolerant`. */
const unusable = (problem: Problem) => problem.rule === 'required' || problem.rule === 'type';

/**
 * The verdict on an answer, by its result code: the payload (checked against
 * the spec as `validateResponse` says) or the typed error. An encrypted answer
 * comes back sealed when the client can decrypt it; its plaintext, judged with
 * `decrypted: true`, gets the verdict.
 */
export function judge<K extends OperationId>(
  operationId: K,
  status: number,
  body: string | TooLarge,
  options: JudgeOptions & { decrypted: true },
): Verdict<K>;
export function judge<K extends OperationId>(
  operationId: K,
  status: number,
  body: string | TooLarge,
  options: JudgeOptions,
): Verdict<K> | Sealed;
export function judge<K extends OperationId>(
  operationId: K,
  status: number,
  body: string | TooLarge,
  options: JudgeOptions,
): Verdict<K> | Sealed {
  if (body instanceof TooLarge) {
    const message = `${operationId}: the answer is over maxResponseBytes (${body.limit} bytes), not read`;
    return { error: new KonaplateResponseError('too-large', message, operationId, status) };
  }
  let json: Envelope | undefined;
  try {
    json = JSON.parse(body);
  } catch {
    // Not JSON: judged below, with the other answers without a result code.
  }
  const { decrypted, attempts } = options;
  if (!decrypted) {
    const sealed = (json as Record<string, unknown> | null | undefined)?.[envelopeField];
    if (typeof sealed === 'string') {
      if (options.decrypts) return { sealed };
      const message = `${operationId}: the answer is encrypted (${envelopeField}): configure encryption`;
      return { error: new KonaplateConfigError('encryption', message) };
    }
  }
  const envelope = json?.response;
  const code = envelope?.code;
  if (typeof code !== 'string' || code === '') {
    // A decrypted text is the platform's own answer; any other body without the envelope under an error
    // status is not (a proxy's page, a gateway's error).
    if (json === undefined && decrypted) {
      const message = `${operationId}: the decrypted answer is not JSON`;
      return { error: new KonaplateResponseError('not-json', message, operationId, status) };
    }
    if (status < 200 || status > 299) {
      const message = `${operationId}: HTTP ${status} without the platform's result envelope (after ${attempts} attempt(s))`;
      return { error: new KonaplateTransportError('http', message, operationId, status) };
    }
    if (json === undefined) {
      const message = `${operationId}: the HTTP ${status} answer is not JSON (${body.length} characters)`;
      return { error: new KonaplateResponseError('not-json', message, operationId, status) };
    }
    const message = `${operationId}: response.code is required (HTTP ${status})`;
    return { error: new KonaplateContractError('response.code', 'required', message, operationId, status) };
  }
  if (code === successCode) {
    const expected = operations[operationId].successStatus;
    if (status !== expected) {
      const message = `${operationId}: result code ${code} came with HTTP ${status}, not ${expected}`;
      return { error: new KonaplateContractError('response.code', 'httpStatus', message, operationId, status) };
    }
    const checking = options.validateResponse;
    if (checking === 'off') return { data: json as DataOf<K> };
    const strict = checking === 'strict';
    const problems = problemsOf(responseRules[operationId], json, strict ? 1 : undefined, true);
    const problem = strict ? problems[0] : problems.find(unusable);
    if (problem) {
      const message = `${operationId}: the answer breaks the contract: ${problem.message}`;
      return { error: new KonaplateContractError(problem.field, problem.rule, message, operationId, status) };
    }
    return problems.length > 0 ? { data: json as DataOf<K>, drift: problems } : { data: json as DataOf<K> };
  }
  const { message, description } = envelope as { message?: unknown; description?: unknown };
  const error = new KonaplateError<ErrorCodeOf<K> | UnregisteredCode>({
    code,
    message: String(message ?? ''),
    description: String(description ?? ''),
    status,
    expectedStatus: codeStatus[code],
    operationId,
  });
  return { error };
}

/** Why fetch got no answer, and whether another attempt may get one; `code` is the system's or undici's. */
export interface Failure {
  failure: TransportReason;
  retryable: boolean;
  code?: string;
}

/**
 * Error codes of Node (libuv, getaddrinfo, OpenSSL) and undici, by the reason they mean: ECONNREFUSED;
 * ENOTFOUND, EAI_AGAIN; ECONNRESET, EPIPE, UND_ERR_SOCKET; ETIMEDOUT, UND_ERR_CONNECT_TIMEOUT;
 * DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID, ERR_SSL_…, EPROTO.
 */
const reasons: Array<[RegExp, TransportReason]> = [
  [/^ECONNREFUSED$/, 'refused'],
  [/^E(NOTFOUND|AI_)/, 'dns'],
  [/^(ECONNRESET|EPIPE|UND_ERR_SOCKET)$/, 'reset'],
  [/^(ETIMEDOUT|UND_ERR_\w*TIMEOUT)$/, 'timeout'],
  [/CERT|TLS|SSL|UNABLE_TO_|^EPROTO$/, 'tls'],
];

/**
 * What fetch threw, read: the first known code down its `cause` chain (and
 * an AggregateError's `errors`) gives the reason; none is `network`. A name
 * that is not resolvable, or a certificate that is refused, is not retried
 * (another attempt gets the same); a name server's temporary failure is.
 */
export function failureOf(error: unknown): Failure {
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length > 0) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || seen.has(e)) continue;
    seen.add(e);
    const { code, name, cause, errors } = e as { code?: unknown; name?: unknown; cause?: unknown; errors?: unknown };
    if (name === 'TimeoutError') return { failure: 'timeout', retryable: true };
    if (typeof code === 'string') {
      const reason = reasons.find(([pattern]) => pattern.test(code))?.[1];
      if (reason)
        return { failure: reason, retryable: reason !== 'tls' && (reason !== 'dns' || code === 'EAI_AGAIN'), code };
    }
    queue.push(cause, ...(Array.isArray(errors) ? errors : []));
  }
  return { failure: 'network', retryable: true };
}

// Judging an answer: from what came back (HTTP status, headers, body text) to
// the payload or the typed error. Judged by the platform's result code, not the
// HTTP status; a success payload is checked against the spec's rules before it
// becomes data. Pure: no fetch, no clock, no I/O. An encrypted answer is handed
// back sealed: the caller decrypts it and judges the plaintext (`decrypted: true`).
import {
  codeStatus,
  type DataOf,
  type ErrorCodeOf,
  envelopeField,
  type HeaderValue,
  headerValues,
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
  type UnregisteredCode,
} from './errors.ts';
import { TooLarge } from './transport.ts';
import { problemsOf } from './validation.ts';

export interface JudgeOptions {
  /** Check a success payload against the spec (the client's validateResponses). */
  validateResponses: boolean;
  /** The client has encryption keys, so an encrypted answer can be decrypted. */
  decrypts: boolean;
  /** Attempts the call took, named by an answer without the platform's envelope. */
  attempts: number;
  /** The body is the plaintext of a sealed answer, already decrypted. */
  decrypted?: boolean;
}

/** The payload, or the error, never both. */
export type Verdict<K extends OperationId> =
  | { data: DataOf<K>; error?: undefined }
  | { data?: undefined; error: KonaplateFailure<K> };

/** An encrypted answer (`{"encData": JWE}`): decrypt `sealed`, then judge its plaintext with `decrypted: true`. */
export interface Sealed {
  sealed: string;
}

/** The header of each x-value in the spec: the platform echoes the call's `correlationId` on every answer. */
const headerNames = Object.fromEntries(headerValues.map(([name, value]) => [value, name])) as Record<
  HeaderValue,
  string
>;

type Envelope = { response?: { code?: unknown; message?: unknown; description?: unknown } } | null;

/**
 * The verdict on an answer, by its result code: the payload (checked against
 * the spec unless `validateResponses` is off) or the typed error. An
 * encrypted answer comes back sealed when the client can decrypt it; its
 * plaintext, judged with `decrypted: true`, gets the verdict.
 */
export function judge<K extends OperationId>(
  operationId: K,
  status: number,
  headers: Pick<Headers, 'get'>,
  body: string | TooLarge,
  options: JudgeOptions & { decrypted: true },
): Verdict<K>;
export function judge<K extends OperationId>(
  operationId: K,
  status: number,
  headers: Pick<Headers, 'get'>,
  body: string | TooLarge,
  options: JudgeOptions,
): Verdict<K> | Sealed;
export function judge<K extends OperationId>(
  operationId: K,
  status: number,
  headers: Pick<Headers, 'get'>,
  body: string | TooLarge,
  options: JudgeOptions,
): Verdict<K> | Sealed {
  if (body instanceof TooLarge) {
    const message = `${operationId}: the answer is larger than maxResponseBytes (${body.limit} bytes) and was not read`;
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
      const message = `${operationId}: the answer is encrypted (${envelopeField}) but the client has no encryption keys`;
      return { error: new KonaplateConfigError('encryption', message) };
    }
  }
  const correlationId = headers.get(headerNames.correlationId) ?? '';
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
      return { error: new KonaplateTransportError('http', message, operationId, status, attempts) };
    }
    if (json === undefined) {
      const message = `${operationId}: the HTTP ${status} answer is not JSON (${body.length} characters)`;
      return { error: new KonaplateResponseError('not-json', message, operationId, status) };
    }
    const message = `${operationId}: response.code is required (HTTP ${status} without a result code)`;
    return {
      error: new KonaplateContractError('response.code', 'required', message, operationId, status, correlationId),
    };
  }
  if (code === successCode) {
    const expected = operations[operationId].successStatus;
    if (status !== expected) {
      const message = `${operationId}: result code ${code} came with HTTP ${status}, not ${expected}`;
      return {
        error: new KonaplateContractError('response.code', 'httpStatus', message, operationId, status, correlationId),
      };
    }
    const [problem] = options.validateResponses ? problemsOf(responseRules[operationId], json, 1) : [];
    if (problem) {
      const message = `${operationId}: the answer breaks the contract: ${problem.message}`;
      return {
        error: new KonaplateContractError(problem.field, problem.rule, message, operationId, status, correlationId),
      };
    }
    return { data: json as DataOf<K> };
  }
  const { message, description } = envelope as { message?: unknown; description?: unknown };
  const error = new KonaplateError<ErrorCodeOf<K> | UnregisteredCode>({
    code,
    message: String(message ?? ''),
    description: String(description ?? ''),
    status,
    expectedStatus: codeStatus[code],
    correlationId,
    operationId,
  });
  return { error };
}

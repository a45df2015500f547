import type { ErrorCode, ErrorCodeOf, OperationId } from './contract.ts';

/**
 * A result code the registry does not know (the platform has more codes than
 * this contract documents): a plain string, kept apart from the registered
 * literals so that editors still offer those.
 */
export type UnregisteredCode = string & {};

/** Why an attempt got no answer at all (see KonaplateTransportError). */
export type TransportReason = 'timeout' | 'refused' | 'dns' | 'tls' | 'reset' | 'network' | 'aborted';

/** What a call leaves on its result and its error: the ids it sent and how many attempts it made. */
export interface Trace {
  /** X-KM-Correlation-Id this client sent on the last attempt ('' when nothing was sent). */
  correlationId: string;
  /** Every X-KM-Correlation-Id sent, one per attempt, in order. */
  correlationIds: readonly string[];
  /** Attempts sent (0 when the call stopped before sending: a bad request, a bad option). */
  attempts: number;
}

const inspect = Symbol.for('nodejs.util.inspect.custom');

/** Base of every error this client throws or returns; never carries a request value, a secret or a key. */
export abstract class KonaplateClientError extends Error implements Trace {
  abstract readonly kind: 'platform' | 'validation' | 'contract' | 'response' | 'config' | 'transport';
  /** The operation called, when there was one. */
  readonly operationId?: string;
  /** X-KM-Correlation-Id this client sent on the call's last attempt, whether or not the answer echoed it. */
  readonly correlationId: string = '';
  /** Every X-KM-Correlation-Id the call sent, one per attempt: quote them all in a support ticket. */
  readonly correlationIds: readonly string[] = [];
  /** Attempts the call sent. */
  readonly attempts: number = 0;

  constructor(message: string, operationId?: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.operationId = operationId;
  }

  /** What JSON.stringify shows: the same safe fields as the message (`cause` is left out). */
  toJSON(): Record<string, unknown> {
    const { stack: _stack, ...fields } = Object.fromEntries(Object.entries(this));
    return { name: this.name, message: this.message, ...fields };
  }

  [inspect](): string {
    return `${this.toString()} ${JSON.stringify(this.toJSON())}`;
  }
}

/** The call's trace, set on an error once the call is over (the error classes are built before it is). */
export function traced<E extends KonaplateClientError>(error: E, trace: Trace): E {
  return Object.assign(error, trace);
}

/**
 * The platform answered with a result code other than success: a business
 * refusal, whatever the HTTP status. `code` is typed by the registry (per
 * operation on a call's result); a code the registry does not list is kept
 * as a plain string, typed apart as `UnregisteredCode`.
 */
export class KonaplateError<C extends string = ErrorCode | UnregisteredCode> extends KonaplateClientError {
  readonly kind = 'platform';
  /** The platform's result code. */
  readonly code: C;
  /** Korean description of the code, as the platform sent it. */
  readonly description: string;
  /** The HTTP status the answer came with. */
  readonly status: number;
  /** The HTTP status the registry gives this code (undefined for a code it does not list). */
  readonly expectedStatus: number | undefined;
  /** True when the HTTP status differs from the registry's for this code (for example a 200 carrying an error code). */
  readonly statusMismatch: boolean;

  constructor(fields: {
    code: string;
    message: string;
    description: string;
    status: number;
    expectedStatus: number | undefined;
    operationId: string;
  }) {
    super(fields.message, fields.operationId);
    this.code = fields.code as C;
    this.description = fields.description;
    this.status = fields.status;
    this.expectedStatus = fields.expectedStatus;
    this.statusMismatch = fields.expectedStatus !== undefined && fields.expectedStatus !== fields.status;
  }

  override toString(): string {
    return `KonaplateError [${this.code}]: ${this.message}`;
  }
}

/** A request field breaks the spec's rule; nothing was sent. */
export class KonaplateValidationError extends KonaplateClientError {
  readonly kind = 'validation';
  constructor(
    /** The field, as a path (`cardNo`, `cardDataInfo.balance`). */
    readonly field: string,
    /** The schema keyword it breaks (`required`, `type`, `maxLength`, `pattern`, ...). */
    readonly rule: string,
    message: string,
    operationId?: string,
  ) {
    super(message, operationId);
  }
}

/**
 * A success answer that cannot be used as the contract's payload (a required
 * field missing, a wrong type; with `validateResponse: 'strict'`, any
 * difference): it is not handed out as data.
 */
export class KonaplateContractError extends KonaplateClientError {
  readonly kind = 'contract';
  constructor(
    /** The field, as a path (`accountNo`, `cardDataInfo.cardPointInfo[0].pointName`). */
    readonly field: string,
    /** The schema keyword it breaks. */
    readonly rule: string,
    message: string,
    operationId: string,
    readonly status: number,
  ) {
    super(message, operationId);
  }
}

/**
 * The answer's body cannot be read as the contract's JSON: not JSON at all,
 * larger than `maxResponseBytes`, or encrypted for a key id the client has no
 * private key for (`keyId` names it).
 */
export class KonaplateResponseError extends KonaplateClientError {
  readonly kind = 'response';
  constructor(
    readonly reason: 'not-json' | 'too-large' | 'unknown-key',
    message: string,
    operationId: string,
    readonly status: number,
    readonly keyId?: string,
  ) {
    super(message, operationId);
  }
}

/** The client's configuration, or a call's options, is missing or malformed (the message names the field, never its value). */
export class KonaplateConfigError extends KonaplateClientError {
  readonly kind = 'config';
  constructor(
    readonly field: string,
    message: string,
    cause?: unknown,
  ) {
    super(message, undefined, cause);
  }
}

/**
 * The call did not get a platform answer: no answer at all (`reason` says
 * why, `cause` keeps what fetch threw), an HTTP error without the envelope
 * (`http`), or an encrypted answer that does not decrypt (`decryption`).
 */
export class KonaplateTransportError extends KonaplateClientError {
  readonly kind = 'transport';
  constructor(
    readonly reason: TransportReason | 'http' | 'decryption',
    message: string,
    operationId?: string,
    readonly status?: number,
    cause?: unknown,
  ) {
    super(message, operationId, cause);
  }
}

// Each class carries its name, on the class and on its instances: a minifier renames classes, not these keys.
for (const [name, error] of Object.entries({
  KonaplateClientError,
  KonaplateError,
  KonaplateValidationError,
  KonaplateContractError,
  KonaplateResponseError,
  KonaplateConfigError,
  KonaplateTransportError,
})) {
  Object.defineProperty(error, 'name', { value: name });
  error.prototype.name = name;
}

/** Any error a call of operation K can end with; `kind` tells them apart. */
export type KonaplateFailure<K extends OperationId = OperationId> =
  | KonaplateError<ErrorCodeOf<K> | UnregisteredCode>
  | KonaplateValidationError
  | KonaplateContractError
  | KonaplateResponseError
  | KonaplateTransportError
  | KonaplateConfigError;

/** The registered codes an error value can carry: every error code for `unknown`, else those of its type. */
export type CodesOf<E> = unknown extends E
  ? ErrorCode
  : E extends KonaplateError<infer C>
    ? Extract<C, ErrorCode>
    : never;

/**
 * True when `error` is the platform's refusal, narrowed to one code when one
 * is given. On a call's result only that operation's codes compile.
 */
export function isKonaplateError<E, C extends CodesOf<E> = CodesOf<E>>(
  error: E,
  code?: C,
): error is E & KonaplateError<C> {
  return error instanceof KonaplateError && (code === undefined || error.code === code);
}

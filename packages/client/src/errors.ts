import type { ErrorCode, ErrorCodeOf, OperationId } from './contract.ts';

/**
 * A result code the registry does not know (the platform has more codes than
 * this contract documents): a plain string, kept apart from the registered
 * literals so that editors still offer those.
 */
export type UnregisteredCode = string & {};

const inspect = Symbol.for('nodejs.util.inspect.custom');

/** Base of every error this client throws or returns; never carries a request value, a secret or a key. */
export abstract class KonaplateClientError extends Error {
  abstract readonly kind: 'platform' | 'validation' | 'contract' | 'response' | 'config' | 'transport';
  /** The operation called, when there was one. */
  readonly operationId?: string;

  constructor(message: string, operationId?: string) {
    super(message);
    this.name = new.target.name;
    this.operationId = operationId;
  }

  /** What JSON.stringify shows: the same safe fields as the message. */
  toJSON(): Record<string, unknown> {
    const { stack: _stack, ...fields } = Object.fromEntries(Object.entries(this));
    return { name: this.name, message: this.message, ...fields };
  }

  [inspect](): string {
    return `${this.toString()} ${JSON.stringify(this.toJSON())}`;
  }
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
  /** X-KM-Correlation-Id of the call, for support tickets. */
  readonly correlationId: string;

  constructor(fields: {
    code: string;
    message: string;
    description: string;
    status: number;
    expectedStatus: number | undefined;
    correlationId: string;
    operationId: string;
  }) {
    super(fields.message, fields.operationId);
    this.code = fields.code as C;
    this.description = fields.description;
    this.status = fields.status;
    this.expectedStatus = fields.expectedStatus;
    this.statusMismatch = fields.expectedStatus !== undefined && fields.expectedStatus !== fields.status;
    this.correlationId = fields.correlationId;
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

/** A success answer breaks the spec (a field too long, one missing, a wrong type): it is not handed out as data. */
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
    readonly correlationId: string,
  ) {
    super(message, operationId);
  }
}

/** The answer's body cannot be read as the contract's JSON: not JSON at all, or larger than `maxResponseBytes`. */
export class KonaplateResponseError extends KonaplateClientError {
  readonly kind = 'response';
  constructor(
    readonly reason: 'not-json' | 'too-large',
    message: string,
    operationId: string,
    readonly status: number,
  ) {
    super(message, operationId);
  }
}

/** The client's configuration is missing or malformed (the message names the field, never its value). */
export class KonaplateConfigError extends KonaplateClientError {
  readonly kind = 'config';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The call did not get a platform answer: network failure, timeout, abort, or an HTTP error without the envelope. */
export class KonaplateTransportError extends KonaplateClientError {
  readonly kind = 'transport';
  constructor(
    readonly reason: 'network' | 'timeout' | 'http' | 'decryption' | 'aborted',
    message: string,
    operationId?: string,
    readonly status?: number,
    readonly attempts?: number,
  ) {
    super(message, operationId);
  }
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

import type { ErrorCode } from '../../../generated/types/error-codes.ts';

export type { ErrorCode } from '../../../generated/types/error-codes.ts';

/** A result code the registry does not know (the platform has more than these operations document). */
export type UnregisteredCode = string & { readonly unregistered: unique symbol };

const inspect = Symbol.for('nodejs.util.inspect.custom');

/** Base of every error this client throws or returns; never carries a request value, a secret or a key. */
export abstract class KonaplateClientError extends Error {
  abstract readonly kind: 'platform' | 'validation' | 'config' | 'transport';
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

/** The platform refused the call: HTTP 400 with `response.code`. */
export class KonaplateError<C extends string = ErrorCode | UnregisteredCode> extends KonaplateClientError {
  readonly kind = 'platform';
  /** The platform's result code: a registered one, or (typed apart) one the registry does not list. */
  readonly code: C;
  /** Korean description of the code, as the platform sent it. */
  readonly description: string;
  readonly status: number;
  /** X-KM-Correlation-Id of the call, for support tickets. */
  readonly correlationId: string;

  constructor(fields: {
    code: string;
    message: string;
    description: string;
    status: number;
    correlationId: string;
    operationId: string;
  }) {
    super(fields.message, fields.operationId);
    this.code = fields.code as C;
    this.description = fields.description;
    this.status = fields.status;
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
    readonly field: string,
    readonly rule: string,
    message: string,
    operationId?: string,
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

/** The call did not get a platform answer: network failure, timeout, or an HTTP status other than 200/400. */
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

/** True when `error` is the platform's refusal, narrowed to one code when one is given. */
export function isKonaplateError<C extends ErrorCode>(
  error: unknown,
  code?: C,
): error is KonaplateError<C> & { code: C } {
  return error instanceof KonaplateError && (code === undefined || error.code === code);
}

// The one place the client reaches into generated/: everything it knows of the
// spec comes through here (the build bundles it into dist/, so the published
// package holds its own copy and no path leaves it).
import type { errorRegistry } from '../../../generated/types/error-codes.ts';
import type { operations as OperationTypes } from '../../../generated/types/openapi.ts';

export type { FieldRule, HeaderValue, OperationDocs, OperationId } from '../../../generated/client/contract.ts';
export {
  codeStatus,
  envelopeField,
  headerValues,
  operations,
  requestRules,
  responseRules,
  sensitive,
  servers,
  successCode,
  utcOffsets,
} from '../../../generated/client/contract.ts';
export type {
  ErrorCode,
  ProvisionalCode,
  ResultCode,
} from '../../../generated/types/error-codes.ts';

import type { envelopeField, OperationId } from '../../../generated/client/contract.ts';
import type { ErrorCode } from '../../../generated/types/error-codes.ts';

type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;
/** A body type without its encrypted wire form: the client encrypts and decrypts for you. */
type Plaintext<T> = T extends { [field in typeof envelopeField]: string } ? never : T;
type Responses<K extends OperationId> = OperationTypes[K]['responses'];
type SuccessStatus<K extends OperationId> = Extract<keyof Responses<K>, 200 | 201 | 202>;

/** The plaintext request body of an operation. */
export type RequestOf<K extends OperationId> = Plaintext<JsonBody<NonNullable<OperationTypes[K]['requestBody']>>>;

/** The plaintext success payload of an operation. */
export type DataOf<K extends OperationId> = Plaintext<JsonBody<Responses<K>[SuccessStatus<K>]>>;

/** The registered error codes an operation can return (from the registry's `operations`). */
export type ErrorCodeOf<K extends OperationId> = {
  [C in ErrorCode]: K extends (typeof errorRegistry)[C]['operations'][number] ? C : never;
}[ErrorCode];

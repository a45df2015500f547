// Target: the error registry as a typed constant (generated/types/error-codes.ts).
import { type ErrorRegistry, ext, type OpenApiDocument } from '@konaplate-contract/contract';
import { banner, type GeneratedFile, type Target } from '../target.ts';

/** The registry as a typed constant, so code can name codes without restating them. */
export function errorCodeFiles(doc: OpenApiDocument): GeneratedFile[] {
  const registry: ErrorRegistry = doc[ext.errorRegistry];
  const entries = Object.fromEntries(
    Object.entries(registry).map(([code, e]) => [
      code,
      {
        httpStatus: e.httpStatus,
        message: e.message,
        ...(e.messageWithField ? { messageWithField: e.messageWithField } : {}),
        description: e.description,
        meaning: e.meaning,
        operations: e.operations,
        status: e.status,
        ...(e.validationKeywords ? { validationKeywords: e.validationKeywords } : {}),
      },
    ]),
  );
  const content = `${banner('spec/registry/error-codes.yaml')}
/** Every result code this contract knows, with its HTTP status, texts and the operations that return it. */
export const errorRegistry = ${JSON.stringify(entries, null, 2)} as const;

/** Any registered result code, success included. */
export type ResultCode = keyof typeof errorRegistry;

/** Registered codes that are errors (HTTP 400 and above). */
export type ErrorCode = {
  [C in ResultCode]: (typeof errorRegistry)[C]['httpStatus'] extends 200 ? never : C;
}[ResultCode];

/** Codes whose value is this contract's placeholder, not confirmed by the platform. */
export type ProvisionalCode = {
  [C in ResultCode]: (typeof errorRegistry)[C]['status'] extends 'provisional' ? C : never;
}[ResultCode];

/** Operation IDs of the spec. */
export type OperationId = (typeof errorRegistry)[ResultCode]['operations'][number];
`;
  return [{ path: 'types/error-codes.ts', content }];
}
export const errorCodesTarget: Target = { name: 'error codes', kind: 'generated', files: errorCodeFiles };

// Stage 2, validate: the body's media type and JSON, then Prism's validation of the headers and of the
// body against the oneOf branch the body takes (plaintext or the encrypted envelope), mapped to the
// registry's codes by the scenario table's keyword -> code table.
import { type Diagnostic, errorFromDiagnostics, type MockError } from '../errors.ts';
import { validate } from '../prism.ts';
import { judgeableContentType } from './compiled.ts';
import type { OperationRuntime } from './route.ts';
import { type Headers, isObject } from './types.ts';

/** The codes of the refusals made beyond schema validation: an invalid value (`type`'s) and a missing one (`required`'s). */
export interface RefusalCodes {
  invalid: string;
  missing: string;
}

/** The refusal codes from the scenario table's keyword -> code table (the registry's validationKeywords). */
export function refusalCodes(validationCodes: Record<string, string>): RefusalCodes {
  const { type: invalid, required: missing } = validationCodes;
  if (!invalid || !missing)
    throw new Error(
      "the error registry must give codes for the 'type' and 'required' validation keywords (validationKeywords)",
    );
  return { invalid, missing };
}

/** The parsed JSON body (undefined when empty), or the refusal: 415 for another media type, 400 for bad JSON. */
export function readJsonBody(headers: Headers, rawBody: Buffer, invalidCode: string): { body: unknown } | MockError {
  const mediaType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if ((rawBody.length > 0 || mediaType) && mediaType !== 'application/json') {
    return {
      status: 415,
      code: invalidCode,
      field: 'Content-Type',
      reason: `Content-Type must be application/json, not ${mediaType || 'absent'}`,
    };
  }
  if (rawBody.length === 0) return { body: undefined };
  try {
    return { body: JSON.parse(rawBody.toString('utf8')) };
  } catch {
    return { status: 400, code: invalidCode, field: 'body', reason: 'the body is not valid JSON' };
  }
}

export interface ValidationContext {
  /** The field that makes a body the encrypted envelope (`encData`). */
  envelope: string;
  /** The header that names the key of an encrypted body (`X-KM-Crypto-Key-Id`), required with one. */
  keyIdHeader: string;
  /** Validation keyword -> registry code, from the scenario table. */
  validationCodes: Record<string, string>;
  missingCode: string;
}

export interface Validation {
  /** Whether the body takes the encrypted envelope's form. */
  encrypted: boolean;
  /** The first header problem, which refuses the request before anything else is judged. */
  headerError?: MockError;
  /** The body's problems against its branch; a body of both forms has one of its own (keyword `oneOf`). */
  bodyErrors: Diagnostic[];
}

const bodyOnly = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.path[0] !== 'header');

/**
 * Validates a request with Prism against the operation narrowed to the body's form: the envelope when the
 * body has the envelope's field, the plaintext request otherwise. An envelope body also needs the key-id
 * header (000_003 without it, in every mode); one that is valid as both forms matches both oneOf branches,
 * which oneOf forbids.
 */
export function validateRequest(
  op: OperationRuntime,
  request: { method: string; path: string; headers: Headers; body: unknown },
  context: ValidationContext,
): Validation {
  const encrypted = isObject(request.body) && context.envelope in request.body;
  const fast = fastValidation(op, request, context, encrypted);
  if (fast) return fast;
  const prismRequest = { ...request, method: request.method.toLowerCase() };
  const diagnostics = validate(encrypted ? op.envelope : op.plain, prismRequest);
  const headerErrors = diagnostics.filter((d) => d.path[0] === 'header');
  let headerError = headerErrors.length > 0 ? toError(op, headerErrors, context.validationCodes) : undefined;
  if (!headerError && encrypted && !request.headers[context.keyIdHeader.toLowerCase()]) {
    headerError = {
      status: 400,
      code: context.missingCode,
      field: context.keyIdHeader,
      reason: `${context.keyIdHeader} is missing on an encrypted body`,
    };
  }
  let bodyErrors = bodyOnly(diagnostics);
  if (encrypted && bodyErrors.length === 0 && bodyOnly(validate(op.plain, prismRequest)).length === 0)
    bodyErrors = [bothForms(context.envelope)];
  return { encrypted, headerError, bodyErrors };
}

/**
 * The fast path: when the compiled checks of the body's form say Prism would find nothing wrong with the
 * headers and the body, the same answer as Prism's path without Prism; undefined (go to Prism) otherwise.
 */
function fastValidation(
  op: OperationRuntime,
  request: { method: string; path: string; headers: Headers; body: unknown },
  context: ValidationContext,
  encrypted: boolean,
): Validation | undefined {
  const form = encrypted ? op.compiled?.envelope : op.compiled?.plain;
  const { headers, body } = request;
  if (!form || !judgeableContentType(headers['content-type']) || !form.headers(headers) || !form.body(body))
    return undefined;
  if (!encrypted) return { encrypted, bodyErrors: [] };
  const keyIdMissing = !headers[context.keyIdHeader.toLowerCase()];
  // One valid as both forms breaks oneOf: the compiled plaintext check may say so; only Prism says it is not.
  const plainValid =
    op.compiled?.plain?.body(body) === true ||
    bodyOnly(validate(op.plain, { ...request, method: request.method.toLowerCase() })).length === 0;
  return {
    encrypted,
    headerError: keyIdMissing
      ? {
          status: 400,
          code: context.missingCode,
          field: context.keyIdHeader,
          reason: `${context.keyIdHeader} is missing on an encrypted body`,
        }
      : undefined,
    bodyErrors: plainValid ? [bothForms(context.envelope)] : [],
  };
}

/** The problem of a body valid as both forms (the plaintext request and the envelope): oneOf's. */
const bothForms = (envelope: string): Diagnostic => ({
  code: 'oneOf',
  path: ['body'],
  message: `matches both oneOf branches (the plaintext request and the ${envelope} envelope): send one form`,
});

/** The body problems of a decrypted payload, validated like a plaintext body. */
export function validatePayload(
  op: OperationRuntime,
  request: { method: string; path: string; headers: Headers },
  payload: unknown,
): Diagnostic[] {
  // Body problems only: the compiled body check may say there are none.
  if (op.compiled?.plain?.body(payload) && judgeableContentType(request.headers['content-type'])) return [];
  return bodyOnly(validate(op.plain, { ...request, method: request.method.toLowerCase(), body: payload }));
}

/** The platform error for a list of Prism diagnostics (the first missing value wins), header names in canonical case. */
export function toError(
  op: OperationRuntime,
  diagnostics: Diagnostic[],
  validationCodes: Record<string, string>,
): MockError {
  return errorFromDiagnostics(diagnostics, validationCodes, op.headerNames);
}

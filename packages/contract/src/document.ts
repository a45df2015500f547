/** The parts of an OpenAPI 3.1 document that the project reads, typed, and the readers every package shares. */
import { ext } from './extensions.ts';
import type { ErrorRegistry } from './registry.ts';
import { follow, operations } from './walk.ts';

export type JsonObject = { [key: string]: unknown };
export type { ErrorRegistry, RegistryEntry, SourceConflict } from './registry.ts';

export interface ExampleObject extends JsonObject {
  summary?: string;
  description?: string;
  value?: unknown;
  [ext.errorField]?: string;
  [ext.seedTestData]?: string;
}

export interface MediaTypeObject extends JsonObject {
  schema?: JsonObject;
  examples?: Record<string, ExampleObject | { $ref: string }>;
}

export interface OperationObject extends JsonObject {
  operationId: string;
  parameters?: Array<JsonObject>;
  requestBody?: { content: Record<string, MediaTypeObject> };
  responses: Record<string, { content?: Record<string, MediaTypeObject>; headers?: JsonObject }>;
}

export interface OpenApiDocument extends JsonObject {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components: {
    schemas: Record<string, JsonObject>;
    parameters: Record<string, JsonObject>;
    examples: Record<string, ExampleObject>;
    headers: Record<string, JsonObject>;
    securitySchemes: Record<string, JsonObject>;
  };
  [ext.errorRegistry]: ErrorRegistry;
}

/** Every operation of the document, with its path and method (the rule package's walker, typed). */
export function operationsOf(doc: OpenApiDocument) {
  return operations(doc).map(({ path, operation }) => ({
    path: String(path[1]),
    method: String(path[2]),
    operation: operation as unknown as OperationObject,
  }));
}

/** Follows a local `#/components/...` reference (the rule package's resolver), or returns the object itself. */
export function resolveLocal<T>(doc: OpenApiDocument, node: T | { $ref: string }): T {
  if (!node || typeof node !== 'object' || !('$ref' in node) || typeof node.$ref !== 'string') return node as T;
  if (!node.$ref.startsWith('#/')) throw new Error(`only local references can be resolved, got ${node.$ref}`);
  const target = follow(doc, node, []).node;
  if (target === undefined) throw new Error(`unresolved reference ${node.$ref}`);
  return target as T;
}

/** The constraints that apply to a schema once `$ref`s and `allOf`s are followed, merged into one object. */
export function effectiveSchema(doc: OpenApiDocument, schema: JsonObject): JsonObject {
  const resolved = resolveLocal<JsonObject>(doc, schema);
  const { allOf, ...own } = resolved as JsonObject & { allOf?: JsonObject[] };
  return Object.assign({}, ...(allOf ?? []).map((part) => effectiveSchema(doc, part)), own);
}

/** Every named example of every media type of an operation, with where it sits. */
export function examplesOf(doc: OpenApiDocument, operation: OperationObject) {
  const found: Array<{
    where: 'request' | string;
    mediaType: string;
    key: string;
    ref?: string;
    example: ExampleObject;
  }> = [];
  const collect = (where: string, content: Record<string, MediaTypeObject> | undefined) => {
    for (const [mediaType, media] of Object.entries(content ?? {})) {
      for (const [key, node] of Object.entries(media.examples ?? {})) {
        const ref = '$ref' in node && typeof node.$ref === 'string' ? node.$ref : undefined;
        found.push({ where, mediaType, key, ref, example: resolveLocal<ExampleObject>(doc, node) });
      }
    }
  };
  collect('request', operation.requestBody?.content);
  for (const [status, response] of Object.entries(operation.responses)) collect(status, response.content);
  return found;
}

/** A spec mistake found while deriving; each problem names where it is. */
export class SpecError extends Error {
  constructor(readonly problems: string[]) {
    super(`The spec is inconsistent:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SpecError';
  }
}

/**
 * The field that makes a body the encrypted envelope (`encData`): the one required field of the
 * `EncryptedEnvelope` schema.
 */
export function envelopeField(doc: OpenApiDocument): string {
  const envelope = doc.components.schemas?.EncryptedEnvelope as { required?: string[] } | undefined;
  const field = envelope?.required?.[0];
  if (!field) throw new SpecError(['components.schemas.EncryptedEnvelope needs its required field (encData)']);
  return field;
}

/** Whether a schema (after $ref and allOf) is the encrypted envelope rather than a plaintext body. */
export function isEnvelopeSchema(doc: OpenApiDocument, schema: JsonObject): boolean {
  return envelopeField(doc) in ((effectiveSchema(doc, schema).properties ?? {}) as JsonObject);
}

/** The plaintext branch of a body schema that may also come as the encrypted envelope (`oneOf`), or the schema itself. */
export function plaintextSchema(doc: OpenApiDocument, schema: JsonObject | undefined): JsonObject | undefined {
  if (!schema) return undefined;
  const branches = (schema.oneOf as JsonObject[] | undefined) ?? [schema];
  return branches.find((branch) => !isEnvelopeSchema(doc, branch));
}

/** A value built from a schema's own examples (the first of each required property's), for an operation without a request example. */
export function exampleOf(doc: OpenApiDocument, node: JsonObject): unknown {
  const schema = effectiveSchema(doc, node);
  if (schema.type === 'object' || schema.properties) {
    const required = (schema.required as string[] | undefined) ?? [];
    const properties = (schema.properties ?? {}) as Record<string, JsonObject>;
    return Object.fromEntries(
      required.filter((n) => properties[n]).map((n) => [n, exampleOf(doc, properties[n] as JsonObject)]),
    );
  }
  return (
    (schema.examples as unknown[] | undefined)?.[0] ?? (schema.enum as unknown[] | undefined)?.[0] ?? schema.default
  );
}

/**
 * The plaintext request body an operation documents: its `plaintext` example, another example that is not
 * the envelope, or one built from the plaintext schema's examples.
 */
export function plaintextRequest(doc: OpenApiDocument, operation: OperationObject): unknown {
  const field = envelopeField(doc);
  const requests = examplesOf(doc, operation).filter((e) => e.where === 'request');
  const isPlain = (value: unknown) => !(value && typeof value === 'object' && field in value);
  const named = requests.find((e) => e.key === 'plaintext') ?? requests.find((e) => isPlain(e.example.value));
  if (named) return named.example.value;
  const media = Object.values(operation.requestBody?.content ?? {})[0];
  const schema = plaintextSchema(doc, media?.schema);
  return schema ? exampleOf(doc, schema) : {};
}

/** What can fill a common request header (`x-value` on its parameter): a setting of the caller's, or a computed value. */
export const headerValueSources = [
  'aspId',
  'accessKey',
  'timeZone',
  'cryptoKeyId',
  'correlationId',
  'tranTime',
  'tranToken',
] as const;
export type HeaderValueSource = (typeof headerValueSources)[number];

/**
 * The common request headers in the spec's order (the first operation's; kona-common-headers keeps them the
 * same on all), each with what fills it (`x-value`). A header without a known `x-value` is a spec mistake:
 * no tool would know how to send it.
 */
export function commonHeaderValues(
  doc: OpenApiDocument,
): Array<{ name: string; source: HeaderValueSource; required: boolean; parameter: JsonObject }> {
  const first = operationsOf(doc)[0]?.operation;
  const problems: string[] = [];
  const found = (first?.parameters ?? [])
    .map((node) => resolveLocal<JsonObject>(doc, node))
    .filter((parameter) => parameter.in === 'header')
    .map((parameter) => {
      const source = parameter[ext.value] as HeaderValueSource;
      if (!headerValueSources.includes(source))
        problems.push(
          `header ${String(parameter.name)}: ${ext.value} must be one of ${headerValueSources.join(', ')} (what fills it), not ${JSON.stringify(source)}`,
        );
      return { name: String(parameter.name), source, required: parameter.required === true, parameter };
    });
  if (problems.length > 0) throw new SpecError(problems);
  return found;
}

// The CLI's view of the contract: the bundled spec and the mock's scenario
// table, both from generated/ (bundled into dist/ at build time). Everything
// the commands know about operations, headers, fields, codes and test cards
// comes from here, so a new operation in spec/ needs no edit in this package.
import type { OperationId } from '@konaplate-contract/client';
import type { MockScenario, MockScenarios } from '@konaplate-contract/mock/scenarios';
import { type ErrorRegistry, follow, type SourceConflict } from '@konaplate-contract/spec-rules';
import bundle from '../../../generated/mock/scenarios.json' with { type: 'json' };
import spec from '../../../generated/openapi.json' with { type: 'json' };
import {
  effectiveSchema,
  type JsonObject,
  type OpenApiDocument,
  operationsOf,
  resolveLocal,
} from '../../../scripts/lib/openapi-document.ts';

export type { JsonObject, MockScenario, SourceConflict };
export { effectiveSchema };

export const doc = spec as unknown as OpenApiDocument;
export const scenarioTable = bundle as unknown as MockScenarios;
export const registry: ErrorRegistry = doc['x-error-registry'];

/** The guesses recorded on a registry entry (a code the pages name without a number, say). */
export const codeGuesses = (code: string): Guess[] =>
  (registry[code]?.['x-source-conflicts'] ?? []).map((conflict) => ({ where: `code ${code}`, ...conflict }));

/** One request header or top-level body field, with its flattened schema and a valid value. */
export interface Field {
  name: string;
  in: 'header' | 'body';
  required: boolean;
  /** `$ref`s and `allOf`s followed and merged: type, lengths, pattern, enum, bounds. */
  schema: JsonObject;
  /** The contract's documented guesses that bear on this field (x-source-conflicts on it or its schema). */
  conflicts: Guess[];
}

/** A documented guess of the contract (an x-source-conflicts entry) and what it is about. */
export interface Guess extends SourceConflict {
  where: string;
}

export interface Operation {
  /** The client's operation ids and these come from the same spec. */
  operationId: OperationId;
  method: string;
  path: string;
  summary: string;
  headers: Field[];
  /** Fields of the plaintext request body. */
  body: Field[];
  /** Fields of the encrypted request envelope (`{"encData"}`), when the operation takes one. */
  envelope: Field[];
  /** The spec's plaintext request example (a valid body). */
  requestExample: Record<string, unknown>;
  /** The spec's encrypted request example, when there is one. */
  encryptedExample?: Record<string, unknown>;
  /** The success payload's schema (plaintext branch of the 200 response). */
  successSchema: JsonObject;
  /** Its documented scenarios (from the examples' x-mock-when). */
  scenarios: MockScenario[];
  /** Conflicts recorded on the operation itself. */
  conflicts: Guess[];
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every x-source-conflicts entry on a node and everything it references or composes, labelled `where`. */
export function guessesOf(node: unknown, where: string): Guess[] {
  return conflictsOf(node).map((conflict) => ({ where, ...conflict }));
}

function conflictsOf(node: unknown, seen = new Set<unknown>()): SourceConflict[] {
  const { node: target } = follow(doc, node, []);
  if (!isObject(node) || seen.has(target)) return [];
  seen.add(target);
  const own = [node, target].flatMap((n) =>
    isObject(n) && Array.isArray(n['x-source-conflicts']) ? (n['x-source-conflicts'] as SourceConflict[]) : [],
  );
  const parts = isObject(target) ? [...((target.allOf as unknown[]) ?? []), target.schema] : [];
  const nested = parts.filter(isObject).flatMap((part) => conflictsOf(part, seen));
  return [...new Set([...own, ...nested])];
}

function fieldsOf(schema: JsonObject): Field[] {
  const flat = effectiveSchema(doc, schema);
  const required = new Set((flat.required ?? []) as string[]);
  return Object.entries((flat.properties ?? {}) as Record<string, JsonObject>).map(([name, property]) => ({
    name,
    in: 'body' as const,
    required: required.has(name),
    schema: effectiveSchema(doc, property),
    conflicts: guessesOf(property, name),
  }));
}

const hasEncData = (schema: JsonObject) => isObject(schema.properties) && 'encData' in schema.properties;

function loadOperations(): Operation[] {
  return operationsOf(doc).map(({ path, method, operation }) => {
    const headers = (operation.parameters ?? [])
      .map((node) => ({ node, parameter: resolveLocal<JsonObject>(doc, node) }))
      .filter(({ parameter }) => parameter.in === 'header')
      .map(({ node, parameter }) => ({
        name: String(parameter.name),
        in: 'header' as const,
        required: parameter.required === true,
        schema: effectiveSchema(doc, parameter.schema as JsonObject),
        conflicts: guessesOf(node, String(parameter.name)),
      }));
    const media = operation.requestBody?.content['application/json'];
    const branches = ((media?.schema?.oneOf as JsonObject[] | undefined) ?? (media?.schema ? [media.schema] : [])).map(
      (b) => effectiveSchema(doc, b),
    );
    const examples = Object.values(media?.examples ?? {}).map((e) => resolveLocal<JsonObject>(doc, e).value);
    const requestExample = examples.find((v) => isObject(v) && !('encData' in v)) as Record<string, unknown>;
    const encryptedExample = examples.find((v) => isObject(v) && 'encData' in v) as Record<string, unknown> | undefined;
    const ok = operation.responses['200']?.content?.['application/json']?.schema ?? {};
    const okBranches = ((ok.oneOf as JsonObject[] | undefined) ?? [ok]).map((b) => effectiveSchema(doc, b));
    const table = scenarioTable.operations.find((o) => o.operationId === operation.operationId);
    return {
      operationId: operation.operationId as OperationId,
      method,
      path,
      summary: String(operation.summary ?? operation.operationId),
      headers,
      body: fieldsOf(branches.find((b) => !hasEncData(b)) ?? {}),
      envelope: fieldsOf(branches.find(hasEncData) ?? {}),
      requestExample: requestExample ?? {},
      ...(encryptedExample ? { encryptedExample } : {}),
      successSchema: okBranches.find((b) => !hasEncData(b)) ?? {},
      scenarios: table?.scenarios ?? [],
      conflicts: guessesOf(operation, operation.operationId),
    };
  });
}

export const operations: Operation[] = loadOperations();

export function findOperation(operationId: string): Operation | undefined {
  return operations.find((o) => o.operationId === operationId);
}

/** The first `examples` value of a component schema (the spec's sandbox-shaped sample). */
export function schemaExample(name: string): string | undefined {
  const examples = doc.components.schemas[name]?.examples;
  return Array.isArray(examples) && typeof examples[0] === 'string' ? examples[0] : undefined;
}

/** The schema of a request header, by name (the first operation that declares it). */
export function headerField(name: string): Field | undefined {
  for (const op of operations) {
    const found = op.headers.find((h) => h.name === name);
    if (found) return found;
  }
  return undefined;
}

/** The secret of the spec's signing test vector (x-test-vector on the TranToken scheme): a documentation secret. */
export function testVectorSecret(): string | undefined {
  const schemes = doc.components.securitySchemes;
  for (const scheme of Object.values(schemes)) {
    const vector = scheme['x-test-vector'];
    if (isObject(vector) && typeof vector.secretKey === 'string') return vector.secretKey;
  }
  return undefined;
}

/** Sensitive names (x-sensitive) among request headers and body fields: never printed whole. */
export function isSensitive(field: Field): boolean {
  return field.schema['x-sensitive'] === true;
}

/** The servers of the spec, for help texts. */
export function servers(): string[] {
  return ((doc.servers ?? []) as Array<{ url: string }>).map((s) => s.url);
}

/** Names of every body property the spec marks x-sensitive (cardholder data and credentials), at any depth. */
export const sensitiveNames: ReadonlySet<string> = new Set(
  Object.values(doc.components.schemas).flatMap((schema) =>
    Object.entries((schema.properties ?? {}) as Record<string, JsonObject>)
      .filter(([, property]) => effectiveSchema(doc, property)['x-sensitive'] === true)
      .map(([name]) => name),
  ),
);

// Operations as the tools see them, as pure functions of the document: their headers and fields with
// flattened schemas, examples, scenarios and the contract's documented guesses. The CLI applies them to
// the bundle in generated/; the QA quick-start generator, to a fresh one.

import {
  effectiveSchema,
  envelopeField,
  type JsonObject,
  type OpenApiDocument,
  operationsOf,
  plaintextRequest,
  resolveLocal,
} from './document.ts';
import { ext } from './extensions.ts';
import type { SourceConflict } from './registry.ts';
import type { MockScenario, MockScenarios } from './scenario-table.ts';
import { follow } from './walk.ts';

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
  /** The spec's operationId (the client's method names come from the same spec). */
  operationId: string;
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
export function guessesOf(doc: OpenApiDocument, node: unknown, where: string): Guess[] {
  return conflictsOf(doc, node).map((conflict) => ({ where, ...conflict }));
}

function conflictsOf(doc: OpenApiDocument, node: unknown, seen = new Set<unknown>()): SourceConflict[] {
  const { node: target } = follow(doc, node, []);
  if (!isObject(node) || seen.has(target)) return [];
  seen.add(target);
  const own = [node, target].flatMap((n) =>
    isObject(n) && Array.isArray(n[ext.sourceConflicts]) ? (n[ext.sourceConflicts] as SourceConflict[]) : [],
  );
  const parts = isObject(target) ? [...((target.allOf as unknown[]) ?? []), target.schema] : [];
  const nested = parts.filter(isObject).flatMap((part) => conflictsOf(doc, part, seen));
  return [...new Set([...own, ...nested])];
}

function fieldsOf(doc: OpenApiDocument, schema: JsonObject): Field[] {
  const flat = effectiveSchema(doc, schema);
  const required = new Set((flat.required ?? []) as string[]);
  return Object.entries((flat.properties ?? {}) as Record<string, JsonObject>).map(([name, property]) => ({
    name,
    in: 'body' as const,
    required: required.has(name),
    schema: effectiveSchema(doc, property),
    conflicts: guessesOf(doc, property, name),
  }));
}

/** The operations of a bundled spec, with the scenarios of its mock table. */
export function describeOperations(doc: OpenApiDocument, scenarioTable: MockScenarios): Operation[] {
  const envelope = envelopeField(doc);
  const hasEncData = (schema: JsonObject) => isObject(schema.properties) && envelope in schema.properties;
  return operationsOf(doc).map(({ path, method, operation }) => {
    const headers = (operation.parameters ?? [])
      .map((node) => ({ node, parameter: resolveLocal<JsonObject>(doc, node) }))
      .filter(({ parameter }) => parameter.in === 'header')
      .map(({ node, parameter }) => ({
        name: String(parameter.name),
        in: 'header' as const,
        required: parameter.required === true,
        schema: effectiveSchema(doc, parameter.schema as JsonObject),
        conflicts: guessesOf(doc, node, String(parameter.name)),
      }));
    const media = operation.requestBody?.content['application/json'];
    const branches = ((media?.schema?.oneOf as JsonObject[] | undefined) ?? (media?.schema ? [media.schema] : [])).map(
      (b) => effectiveSchema(doc, b),
    );
    const examples = Object.values(media?.examples ?? {}).map((e) => resolveLocal<JsonObject>(doc, e).value);
    // The documented plaintext request, or one built from the schema's examples when there is none.
    const requestExample = plaintextRequest(doc, operation) as Record<string, unknown>;
    const encryptedExample = examples.find((v) => isObject(v) && envelope in v) as Record<string, unknown> | undefined;
    const ok = operation.responses['200']?.content?.['application/json']?.schema ?? {};
    const okBranches = ((ok.oneOf as JsonObject[] | undefined) ?? [ok]).map((b) => effectiveSchema(doc, b));
    const table = scenarioTable.operations.find((o) => o.operationId === operation.operationId);
    return {
      operationId: operation.operationId,
      method,
      path,
      summary: String(operation.summary ?? operation.operationId),
      headers,
      body: fieldsOf(doc, branches.find((b) => !hasEncData(b)) ?? {}),
      envelope: fieldsOf(doc, branches.find(hasEncData) ?? {}),
      requestExample: requestExample ?? {},
      ...(encryptedExample ? { encryptedExample } : {}),
      successSchema: okBranches.find((b) => !hasEncData(b)) ?? {},
      scenarios: table?.scenarios ?? [],
      conflicts: guessesOf(doc, operation, operation.operationId),
    };
  });
}

/**
 * The request body a documented scenario is reached with: the valid body with
 * the scenario's test values, the valid body for "any other valid request",
 * the last required field left out for a missing-value scenario, or the spec's
 * encrypted example for an "encData present" one.
 */
export function scenarioBody(operation: Operation, scenario: MockScenario, base = operation.requestExample) {
  const when = scenario.when;
  if ('otherwise' in when) return { ...base };
  if ('invalid' in when) {
    const body = { ...base };
    const dropped = operation.body.filter((f) => f.required).at(-1);
    if (dropped) delete body[dropped.name];
    return body;
  }
  if (isEncryptedScenario(scenario)) return { ...(operation.encryptedExample ?? {}) };
  return { ...base, ...when.body };
}

/** A scenario reached by an encrypted body ("encData present"). */
export const isEncryptedScenario = (s: MockScenario): boolean =>
  'body' in s.when && Object.values(s.when.body).includes('*');

// The CLI's view of the contract: the bundled spec and the mock's scenario
// table, both from generated/ (bundled into dist/ at build time). Everything
// the commands know about operations, headers, fields, codes and test cards
// comes from here, so a new operation in spec/ needs no edit in this package.
import { type ErrorRegistry, successCodesOf } from '@konaplate-contract/spec-rules';
import bundle from '../../../generated/mock/scenarios.json' with { type: 'json' };
import spec from '../../../generated/openapi.json' with { type: 'json' };
import { type HeaderValue, headerValues } from './client.ts';
import {
  describeOperations,
  effectiveSchema,
  envelopeField,
  type Field,
  type Guess,
  type JsonObject,
  type MockScenarios,
  type OpenApiDocument,
  type Operation,
  timeWindowOf,
} from './model.ts';

export type { MockScenario, SourceConflict } from './model.ts';
export { effectiveSchema, guessesOf, isEncryptedScenario, scenarioBody } from './model.ts';
export type { Field, Guess, JsonObject, Operation };

export const doc = spec as unknown as OpenApiDocument;
export const scenarioTable = bundle as unknown as MockScenarios;
export const registry: ErrorRegistry = doc['x-error-registry'];

/** The success code: the registry's one 2xx entry (generation refuses a registry with none or several). */
export const successCode = successCodesOf(registry)[0] ?? '';

/** Each common request header's name, by what fills it (the spec's `x-value`): `header.tranToken` and so on. */
export const header = Object.fromEntries(headerValues.map(([name, source]) => [source, name])) as Record<
  HeaderValue,
  string
>;

/** The field of the encrypted envelope (`encData`), from the spec's EncryptedEnvelope. */
export const envelope = envelopeField(doc);

/** The contract's X-KM-Tran-Time window in seconds (x-time-window-seconds), if it assumes one. */
export const timeWindowSeconds = timeWindowOf(doc);

/** The guesses recorded on a registry entry (a code the pages name without a number, say). */
export const codeGuesses = (code: string): Guess[] =>
  (registry[code]?.['x-source-conflicts'] ?? []).map((conflict) => ({ where: `code ${code}`, ...conflict }));

export const operations: Operation[] = describeOperations(doc, scenarioTable);

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

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

// The CLI's view of the contract: the bundled spec and the mock's scenario
// table, both from generated/ (bundled into dist/ at build time). Everything
// the commands know about operations, headers, fields, codes and test cards
// comes from @konaplate-contract/contract applied to them, so a new operation in
// spec/ needs no edit in this package.
import {
  type Operation as ContractOperation,
  contractVersion,
  describeOperations,
  type ErrorRegistry,
  envelopeField,
  type Field,
  type Guess,
  headerExample,
  isSensitiveSchema,
  type JsonObject,
  type MockScenarios,
  type OpenApiDocument,
  registryOf,
  sensitiveFields,
  successCodesOf,
  testVectorOf,
  timeWindowSeconds as timeWindowOf,
} from '@konaplate-contract/contract';
import bundle from '../../../generated/mock/scenarios.json' with { type: 'json' };
import spec from '../../../generated/openapi.json' with { type: 'json' };
import { type HeaderValue, headerValues, type OperationId } from './client.ts';

export type { MockScenario, SourceConflict } from '@konaplate-contract/contract';
export {
  effectiveSchema,
  guessesOf,
  isEncryptedScenario,
  scenarioBody,
  schemaSample,
  utcOffsets,
} from '@konaplate-contract/contract';

import { guessesOf } from '@konaplate-contract/contract';

export type { Field, Guess, JsonObject };

/** An operation as the CLI uses it: the contract's description, with the client's operation id type. */
export type Operation = ContractOperation & { operationId: OperationId };

export const doc = spec as unknown as OpenApiDocument;
export const scenarioTable = bundle as unknown as MockScenarios;
export const registry: ErrorRegistry = registryOf(doc);

/** The contract's version (the spec's info.version), as the mock reports it too. */
export const specVersion = contractVersion(doc) ?? 'unknown';

/** The success code: the registry's one 2xx entry (generation refuses a registry with none or several). */
export const successCode = successCodesOf(registry)[0] ?? '';

/** Each common request header's name, by what fills it (the spec's value source): `header.tranToken` and so on. */
export const header = Object.fromEntries(headerValues.map(([name, source]) => [source, name])) as Record<
  HeaderValue,
  string
>;

/** The field of the encrypted envelope (`encData`), from the spec's EncryptedEnvelope. */
export const envelope = envelopeField(doc);

/** The contract's X-KM-Tran-Time window in seconds, if it assumes one. */
export const timeWindowSeconds = timeWindowOf(doc);

/** The guesses recorded on a registry entry (a code the pages name without a number, say). */
export const codeGuesses = (code: string): Guess[] => guessesOf(doc, registry[code], `code ${code}`);

export const operations = describeOperations(doc, scenarioTable) as Operation[];

export function findOperation(operationId: string): Operation | undefined {
  return operations.find((o) => o.operationId === operationId);
}

/** The spec's sample value of the common header a source fills (what the mock accepts), if it gives one. */
export const headerSample = (source: HeaderValue): string | undefined => headerExample(doc, source);

/** The schema of a request header, by name (the first operation that declares it). */
export function headerField(name: string): Field | undefined {
  for (const op of operations) {
    const found = op.headers.find((h) => h.name === name);
    if (found) return found;
  }
  return undefined;
}

/** The secret of the spec's signing test vector (on the TranToken scheme): a documentation secret. */
export function testVectorSecret(): string | undefined {
  const secret = testVectorOf(doc)?.secretKey;
  return typeof secret === 'string' ? secret : undefined;
}

/** Sensitive request headers and body fields (as the spec marks them): never printed whole. */
export function isSensitive(field: Field): boolean {
  return isSensitiveSchema(field.schema);
}

/** The servers of the spec, for help texts. */
export function servers(): string[] {
  return ((doc.servers ?? []) as Array<{ url: string }>).map((s) => s.url);
}

/** Names of every field and header the spec marks sensitive (cardholder data and credentials), at any depth. */
export const sensitiveNames: ReadonlySet<string> = new Set(Object.keys(sensitiveFields(doc)));

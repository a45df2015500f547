import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorRegistry, JsonObject, OpenApiDocument, SourceConflict } from './openapi-document.ts';
import { examplesOf, operationsOf } from './openapi-document.ts';

/** A spec mistake found while deriving; `where` is a readable location in the bundle. */
export class SpecError extends Error {
  constructor(readonly problems: string[]) {
    super(`The spec is inconsistent:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SpecError';
  }
}

/** The result message for a code, naming the field when the registry has a template for it. */
export function resultMessage(registry: ErrorRegistry, code: string, field?: string): string {
  const entry = registry[code];
  if (!entry) throw new Error(`result code ${code} is not in the error registry`);
  if (field === undefined) return entry.message;
  if (!entry.messageWithField) throw new Error(`result code ${code} has no messageWithField template`);
  return entry.messageWithField.replace('{field}', field);
}

/** The Markdown paragraph a source conflict adds to the description it sits on. */
export function renderConflict(conflict: SourceConflict): string {
  return `**Source conflict.** The source pages: ${conflict.pages} Evidence: ${conflict.evidence} This contract: ${conflict.decision}`;
}

function checkRegistryShape(registry: unknown, registrySchema: JsonObject): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(registrySchema);
  if (validate(registry)) return [];
  // An `if` failure only repeats the `then` error under it.
  return (validate.errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => `x-error-registry${e.instancePath.replace(/\//g, '.')}: ${e.message ?? e.keyword}`);
}

/**
 * Fills each example's `response` envelope from the registry and checks it:
 * the code must be registered, for this operation and this HTTP status, and
 * its texts must not be written by hand (they would be a second copy).
 */
function deriveExamples(doc: OpenApiDocument, registry: ErrorRegistry): string[] {
  const problems: string[] = [];
  const filled = new WeakSet<object>();
  const operationIds = new Set(operationsOf(doc).map(({ operation }) => operation.operationId));
  for (const [code, entry] of Object.entries(registry)) {
    for (const id of entry.operations) {
      if (!operationIds.has(id)) problems.push(`x-error-registry.${code}.operations names unknown operation ${id}`);
    }
  }
  for (const { operation } of operationsOf(doc)) {
    for (const { where, key, example } of examplesOf(doc, operation)) {
      const at = `${operation.operationId} ${where} example "${key}"`;
      const envelope = (example.value as { response?: JsonObject } | undefined)?.response;
      if (where === 'request' || envelope === undefined || typeof envelope !== 'object') continue;
      const code = envelope.code;
      const entry = typeof code === 'string' ? registry[code] : undefined;
      if (!entry) {
        problems.push(`${at}: result code ${JSON.stringify(code)} is not in the error registry`);
        continue;
      }
      if (String(entry.httpStatus) !== where) {
        problems.push(
          `${at}: code ${code} is HTTP ${entry.httpStatus} in the registry, but the example is under ${where}`,
        );
      }
      if (!entry.operations.includes(operation.operationId)) {
        problems.push(`${at}: code ${code} is not listed for ${operation.operationId} in the registry`);
      }
      if (filled.has(envelope)) continue;
      for (const derived of ['message', 'description']) {
        if (derived in envelope) {
          problems.push(`${at}: response.${derived} is filled from the registry; remove it from the example`);
        }
      }
      let message: string;
      try {
        message = resultMessage(registry, code as string, example['x-error-field']);
      } catch (error) {
        problems.push(`${at}: ${(error as Error).message}`);
        continue;
      }
      envelope.message = message;
      envelope.description = entry.description;
      filled.add(envelope);
      example.summary ??= `${entry.httpStatus} - ${message}`;
    }
  }
  return problems;
}

/** Appends each `x-source-conflicts` entry to the description beside it, so every reader of the docs sees it. */
function renderConflicts(node: unknown, path: string, problems: string[]): void {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) renderConflicts(item, `${path}[${i}]`, problems);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const object = node as JsonObject;
  const conflicts = object['x-source-conflicts'] as SourceConflict[] | undefined;
  if (conflicts) {
    if (typeof object.description !== 'string') {
      problems.push(`${path}: has x-source-conflicts but no description to show them in`);
    } else {
      object.description = [object.description.trimEnd(), ...conflicts.map(renderConflict)].join('\n\n');
    }
  }
  for (const [key, value] of Object.entries(object)) {
    if (key !== 'x-error-registry') renderConflicts(value, path ? `${path}.${key}` : key, problems);
  }
}

/** Applies every derivation to a freshly bundled document, in place; throws SpecError listing all problems. */
export function deriveBundle(doc: OpenApiDocument, registrySchema: JsonObject): OpenApiDocument {
  const registry = doc['x-error-registry'];
  const problems = checkRegistryShape(registry, registrySchema);
  if (problems.length === 0) problems.push(...deriveExamples(doc, registry));
  renderConflicts(doc, '', problems);
  if (problems.length > 0) throw new SpecError(problems);
  return doc;
}

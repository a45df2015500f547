import type { ErrorRegistry, JsonObject, OpenApiDocument, SourceConflict } from '@konaplate-contract/contract';
import {
  examplesOf,
  expectedMessage,
  ext,
  operationsOf,
  registryProblems,
  SpecError,
} from '@konaplate-contract/contract';
import { Ajv2020 } from 'ajv/dist/2020.js';

export { SpecError } from '@konaplate-contract/contract';

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
    .map((e) => `${ext.errorRegistry}${e.instancePath.replace(/\//g, '.')}: ${e.message ?? e.keyword}`);
}

/**
 * Fills each response example's envelope (`message`, `description`) and its
 * `summary` from the registry. Strict (generation) refuses anything the
 * registry does not vouch for, and texts written by hand (a second copy);
 * lenient (linting) fills what it can and leaves the rest for the Spectral
 * rules to report where it stands.
 */
function deriveExamples(doc: OpenApiDocument, registry: ErrorRegistry, strict: boolean): string[] {
  const problems: string[] = [];
  const filled = new WeakSet<object>();
  const operationIds = new Set(operationsOf(doc).map(({ operation }) => operation.operationId));
  for (const [code, entry] of Object.entries(registry)) {
    for (const id of entry.operations) {
      if (!operationIds.has(id)) problems.push(`${ext.errorRegistry}.${code}.operations names unknown operation ${id}`);
    }
  }
  for (const { operation } of operationsOf(doc)) {
    for (const { where, key, example } of examplesOf(doc, operation)) {
      const envelope = (example.value as { response?: JsonObject } | undefined)?.response;
      if (where === 'request' || !envelope || typeof envelope !== 'object') continue;
      const at = `${operation.operationId} ${where} example "${key}"`;
      const found = registryProblems(registry, operation.operationId, where, example);
      if (strict) problems.push(...found.map((p) => `${at}: ${p.message}`));
      if (filled.has(envelope)) continue;
      if (strict) {
        for (const text of ['message', 'description'].filter((t) => t in envelope)) {
          problems.push(`${at}: response.${text} is filled from the registry; remove it from the example`);
        }
      }
      const entry = registry[envelope.code as string];
      const message = entry && expectedMessage(entry, example[ext.errorField]);
      if (!entry || message === undefined) continue;
      envelope.message ??= message;
      envelope.description ??= entry.description;
      example.summary ??= `${entry.httpStatus} - ${message}${entry.status === 'provisional' ? ' (provisional code)' : ''}`;
      filled.add(envelope);
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
  const conflicts = object[ext.sourceConflicts] as SourceConflict[] | undefined;
  if (conflicts) {
    if (typeof object.description !== 'string') {
      problems.push(`${path}: has ${ext.sourceConflicts} but no description to show them in`);
    } else {
      object.description = [object.description.trimEnd(), ...conflicts.map(renderConflict)].join('\n\n');
    }
  }
  for (const [key, value] of Object.entries(object)) {
    if (key !== ext.errorRegistry) renderConflicts(value, path ? `${path}.${key}` : key, problems);
  }
}

export interface DeriveOptions {
  /** Refuse every inconsistency (generation); false leaves example mismatches for the linter. Default true. */
  strict?: boolean;
}

/** Applies every derivation to a freshly bundled document, in place; throws SpecError listing all problems. */
export function deriveBundle(
  doc: OpenApiDocument,
  registrySchema: JsonObject,
  { strict = true }: DeriveOptions = {},
): OpenApiDocument {
  const registry = doc[ext.errorRegistry];
  const problems = checkRegistryShape(registry, registrySchema);
  if (problems.length === 0) problems.push(...deriveExamples(doc, registry, strict));
  renderConflicts(doc, '', problems);
  if (problems.length > 0) throw new SpecError(problems);
  return doc;
}

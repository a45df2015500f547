import type { ErrorRegistry, JsonObject, OpenApiDocument, SourceConflict } from '@konaplate-contract/contract';
import {
  examplesOf,
  expectedMessage,
  ext,
  koreanTwin,
  operationsByCode,
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
 * Which operations return each code, from the operations' response examples (the one place that says it),
 * written into the bundle's registry for the docs, the generated types and the rules. A list written in a
 * code's file is refused (a second copy). A code no operation returns gets an empty list, and the
 * kona-registry-coverage rule reports it.
 */
function deriveOperations(doc: OpenApiDocument, registry: ErrorRegistry): void {
  const byCode = operationsByCode(doc);
  for (const [code, entry] of Object.entries(registry)) {
    // In the entry right after its texts, where the docs' readers look for it.
    const [before, after] = splitAfter(entry, koreanTwin.meaning in entry ? koreanTwin.meaning : 'meaning');
    registry[code] = { ...before, operations: byCode.get(code) ?? [], ...after } as typeof entry;
  }
}

/** An object's entries split after a key: the entries up to it and the rest. */
function splitAfter(object: object, key: string): [JsonObject, JsonObject] {
  const entries = Object.entries(object);
  const at = entries.findIndex(([k]) => k === key) + 1;
  return [Object.fromEntries(entries.slice(0, at)), Object.fromEntries(entries.slice(at))];
}

/** The registry without what generation derives, for the shape check of what is written in spec/. */
function authored(registry: ErrorRegistry): string[] {
  return Object.entries(registry)
    .filter(([, entry]) => 'operations' in entry)
    .map(
      ([code]) =>
        `${ext.errorRegistry}.${code}.operations: derived from the operations' examples; remove it from registry/codes/${code}.yaml`,
    );
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
  for (const { operation } of operationsOf(doc)) {
    for (const { where, key, example } of examplesOf(doc, operation)) {
      const envelope = (example.value as { response?: JsonObject } | undefined)?.response;
      if (where === 'request' || !envelope || typeof envelope !== 'object') continue;
      const at = `${operation.operationId} ${where} example "${key}"`;
      const found = registryProblems(registry, where, example);
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

/** `UTC+09:00` for 540 minutes. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Lists the accepted time zones (the schema's offsets, the one place they are written) at the end of the
 * description of the schema that holds them, in both languages, so the docs state what the client and the
 * mock accept.
 */
function renderZones(doc: OpenApiDocument): void {
  for (const schema of Object.values(doc.components.schemas ?? {})) {
    const offsets = schema[ext.utcOffsets] as Record<string, number> | undefined;
    if (!offsets || typeof schema.description !== 'string') continue;
    const list = Object.entries(offsets)
      .map(([zone, minutes]) => `\`${zone}\` (${offsetText(minutes)})`)
      .join(', ');
    schema.description = `${schema.description.trimEnd()}\n\nAccepted zones: ${list}.`;
    const korean = schema[koreanTwin.description];
    if (typeof korean === 'string') schema[koreanTwin.description] = `${korean.trimEnd()}\n\n허용 시간대: ${list}.`;
  }
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
  const problems = authored(registry);
  if (problems.length === 0) problems.push(...checkRegistryShape(registry, registrySchema));
  if (problems.length === 0) deriveOperations(doc, registry);
  if (problems.length === 0) problems.push(...deriveExamples(doc, registry, strict));
  renderZones(doc);
  renderConflicts(doc, '', problems);
  if (problems.length > 0) throw new SpecError(problems);
  return doc;
}

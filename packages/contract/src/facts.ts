// Single facts the spec states once, read for every package that needs them: header names by what fills
// them, the time window, the accepted time zones, the correlation id's shape, which fields are sensitive.
import {
  commonHeaderValues,
  effectiveSchema,
  examplesOf,
  type HeaderValueSource,
  headerValueSources,
  type JsonObject,
  type OpenApiDocument,
  operationsOf,
  SpecError,
} from './document.ts';
import { ext } from './extensions.ts';
import type { ErrorRegistry } from './registry.ts';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const parametersOf = (doc: OpenApiDocument): JsonObject[] =>
  Object.values((doc.components as { parameters?: Record<string, JsonObject> }).parameters ?? {});

/** The error-code registry of a bundle (`{}` when it has none). */
export function registryOf(doc: OpenApiDocument): ErrorRegistry {
  return (isObject(doc[ext.errorRegistry]) ? doc[ext.errorRegistry] : {}) as ErrorRegistry;
}

/**
 * Each common request header's name by what fills it (the parameter's extension naming its value source),
 * from the header parameters of the components. A spec without a header for a source the caller needs
 * fails the caller's lookup, not this one: every source maps to its name or is absent.
 */
export function headerNames(doc: OpenApiDocument): Partial<Record<HeaderValueSource, string>> {
  const names: Partial<Record<HeaderValueSource, string>> = {};
  for (const p of parametersOf(doc)) {
    const source = p[ext.value];
    if (p.in === 'header' && headerValueSources.includes(source as HeaderValueSource))
      names[source as HeaderValueSource] = String(p.name);
  }
  return names;
}

/** The header named for a source, or a SpecError saying the spec names none. */
export function headerName(doc: OpenApiDocument, source: HeaderValueSource): string {
  const name = headerNames(doc)[source];
  if (name === undefined)
    throw new SpecError([`the spec names no header for ${source} (${ext.value} on a header parameter)`]);
  return name;
}

/** A schema's sample value: the first entry of its `examples` (a string), if any. */
export function schemaSample(schema: JsonObject | undefined): string | undefined {
  const examples = schema?.examples;
  return Array.isArray(examples) && typeof examples[0] === 'string' ? examples[0] : undefined;
}

/**
 * The spec's sample value of the common header a source fills (its schema's first example, `$ref`s and
 * `allOf`s followed): what the mock accepts and the docs and tools offer to try with. Undefined when the
 * spec gives none.
 */
export function headerExample(doc: OpenApiDocument, source: HeaderValueSource): string | undefined {
  const parameter = parametersOf(doc).find((p) => p.in === 'header' && p[ext.value] === source);
  return parameter ? schemaSample(effectiveSchema(doc, parameter.schema as JsonObject)) : undefined;
}

/**
 * How far X-KM-Tran-Time may be from the clock, in seconds: the contract's assumption, on the header
 * parameter that carries it; undefined when the spec makes none.
 */
export function timeWindowSeconds(doc: OpenApiDocument): number | undefined {
  const window = parametersOf(doc).find((p) => typeof p[ext.timeWindowSeconds] === 'number');
  return window?.[ext.timeWindowSeconds] as number | undefined;
}

/** The time zones the contract accepts, each with its offset from UTC in minutes (on the TimeZone schema). */
export function utcOffsets(doc: OpenApiDocument): Record<string, number> {
  const schemas = doc.components.schemas ?? {};
  for (const schema of Object.values(schemas)) {
    const offsets = schema[ext.utcOffsets];
    if (isObject(offsets)) return offsets as Record<string, number>;
  }
  return {};
}

/** The schema of the correlation-id header (the one filled by `correlationId`), flattened. */
export function correlationIdSchema(doc: OpenApiDocument): JsonObject {
  const parameter = commonHeaderValues(doc).find((h) => h.source === 'correlationId');
  if (!parameter) throw new SpecError([`the spec names no header for correlationId (${ext.value})`]);
  return effectiveSchema(doc, parameter.parameter.schema as JsonObject);
}

/** The contract's pattern for a correlation id (what a valid one looks like, echoed or generated). */
export function correlationIdPattern(doc: OpenApiDocument): RegExp {
  const pattern = correlationIdSchema(doc).pattern;
  if (typeof pattern !== 'string') throw new SpecError(['the correlation-id header schema needs a pattern']);
  return new RegExp(pattern, 'u');
}

/**
 * Sensitive field and header names (marked sensitive in the spec), with how they may be shown: `last4`
 * where the spec's mask allows the last four characters, else `hidden`. Sorted by name.
 */
export function sensitiveFields(doc: OpenApiDocument): Record<string, 'last4' | 'hidden'> {
  const found: Record<string, 'last4' | 'hidden'> = {};
  for (const schema of Object.values(doc.components.schemas ?? {})) {
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonObject>)) {
      const flat = { ...effectiveSchema(doc, property), ...property };
      if (flat[ext.sensitive] === true) found[name] = flat[ext.mask] === 'last4' ? 'last4' : 'hidden';
    }
  }
  for (const parameter of parametersOf(doc)) {
    if (effectiveSchema(doc, parameter.schema as JsonObject)[ext.sensitive] === true)
      found[String(parameter.name)] = 'hidden';
  }
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => a.localeCompare(b)));
}

/** Whether one (flattened) schema is marked sensitive. */
export const isSensitiveSchema = (schema: JsonObject): boolean => schema[ext.sensitive] === true;

/** The spec's signing test vector (on a security scheme): a documentation secret, body and token. */
export function testVectorOf(doc: OpenApiDocument): JsonObject | undefined {
  for (const scheme of Object.values(doc.components.securitySchemes ?? {})) {
    const vector = scheme[ext.testVector];
    if (isObject(vector)) return vector;
  }
  return undefined;
}

/** Whether a retry of an operation is safe, as the spec says. */
export const isIdempotent = (operation: JsonObject): boolean => operation[ext.idempotent] === true;

/** The result codes each operation's response examples show, by operationId, in the document's order. */
export function codesByOperation(doc: OpenApiDocument): Map<string, string[]> {
  const byOperation = new Map<string, string[]>();
  for (const { operation } of operationsOf(doc)) {
    const codes = examplesOf(doc, operation)
      .filter((e) => e.where !== 'request')
      .map((e) => (e.example.value as { response?: { code?: unknown } } | undefined)?.response?.code)
      .filter((code): code is string => typeof code === 'string');
    byOperation.set(operation.operationId, [...new Set(codes)]);
  }
  return byOperation;
}

/**
 * The operations that return each code: those with a response example of it, in the document's order. The
 * registry does not list them; an operation's examples are the one place that says what it returns.
 */
export function operationsByCode(doc: OpenApiDocument): Map<string, string[]> {
  const byCode = new Map<string, string[]>();
  for (const [operationId, codes] of codesByOperation(doc))
    for (const code of codes) byCode.set(code, [...(byCode.get(code) ?? []), operationId]);
  return byCode;
}

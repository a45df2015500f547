import { SpecError } from './derive.ts';
import type { JsonObject, OpenApiDocument } from './openapi-document.ts';
import { effectiveSchema, operationsOf, resolveLocal } from './openapi-document.ts';

/** A request field's constraints, as the client checks them before sending. */
export interface FieldRule {
  required: boolean;
  type: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
}

const checked = ['type', 'minLength', 'maxLength', 'pattern', 'enum', 'minimum', 'maximum'] as const;
// Keywords that describe without constraining, or that the client does not enforce by design (format is
// covered by pattern here).
const descriptive = new Set(['title', 'description', 'examples', 'format', '$schema']);

function ruleOf(
  doc: OpenApiDocument,
  schema: JsonObject,
  required: boolean,
  where: string,
  problems: string[],
): FieldRule {
  const flat = effectiveSchema(doc, schema);
  for (const key of Object.keys(flat)) {
    if (!key.startsWith('x-') && !descriptive.has(key) && !(checked as readonly string[]).includes(key)) {
      problems.push(
        `${where}: the client's request validator cannot check "${key}"; extend scripts/lib/client-contract.ts`,
      );
    }
  }
  const rule: FieldRule = { required, type: String(flat.type) };
  for (const key of checked) if (key !== 'type' && flat[key] !== undefined) Object.assign(rule, { [key]: flat[key] });
  return rule;
}

/** Sensitive field and header names (x-sensitive), with how they may be shown (x-mask: last4, else nothing). */
function sensitiveNames(doc: OpenApiDocument): Record<string, 'last4' | 'hidden'> {
  const found: Record<string, 'last4' | 'hidden'> = {};
  const visit = (schema: JsonObject) => {
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonObject>)) {
      const flat = { ...effectiveSchema(doc, property), ...property };
      if (flat['x-sensitive'] === true) found[name] = flat['x-mask'] === 'last4' ? 'last4' : 'hidden';
    }
  };
  for (const schema of Object.values(doc.components.schemas)) visit(schema);
  for (const parameter of Object.values(doc.components.parameters)) {
    if (effectiveSchema(doc, parameter.schema as JsonObject)['x-sensitive'] === true)
      found[String(parameter.name)] = 'hidden';
  }
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => a.localeCompare(b)));
}

/** What the client needs from the spec at run time, as one small module. */
export function clientContract(doc: OpenApiDocument) {
  const problems: string[] = [];
  const servers = doc.servers as Array<{ url: string; variables?: Record<string, { default: string }> }>;
  const operations: Record<string, { method: string; path: string }> = {};
  const requestRules: Record<string, { headers: Record<string, FieldRule>; body: Record<string, FieldRule> }> = {};
  for (const { path, method, operation } of operationsOf(doc)) {
    operations[operation.operationId] = { method, path };
    const headers: Record<string, FieldRule> = {};
    for (const node of operation.parameters ?? []) {
      const parameter = resolveLocal<JsonObject>(doc, node);
      const where = `${operation.operationId} header ${String(parameter.name)}`;
      headers[String(parameter.name)] = ruleOf(
        doc,
        parameter.schema as JsonObject,
        parameter.required === true,
        where,
        problems,
      );
    }
    const branches = (operation.requestBody?.content['application/json']?.schema?.oneOf ?? []) as JsonObject[];
    const plain = branches
      .map((b) => effectiveSchema(doc, b))
      .find((b) => !('encData' in ((b.properties ?? {}) as JsonObject)));
    if (!plain) problems.push(`${operation.operationId}: no plaintext request body schema`);
    const required = new Set((plain?.required ?? []) as string[]);
    const body: Record<string, FieldRule> = {};
    for (const [field, schema] of Object.entries((plain?.properties ?? {}) as Record<string, JsonObject>)) {
      body[field] = ruleOf(doc, schema, required.has(field), `${operation.operationId} body ${field}`, problems);
    }
    requestRules[operation.operationId] = { headers, body };
  }
  const utcOffsets = (doc.components.schemas.TimeZone?.['x-utc-offsets'] ?? {}) as Record<string, number>;
  if (Object.keys(utcOffsets).length === 0) problems.push('TimeZone has no x-utc-offsets');
  if (problems.length > 0) throw new SpecError(problems);
  return {
    servers: {
      sandbox: servers[0]?.url ?? '',
      production: servers[1]?.url ?? '',
      productionVariable: Object.keys(servers[1]?.variables ?? {})[0] ?? '',
    },
    operations,
    requestRules,
    sensitive: sensitiveNames(doc),
    utcOffsets,
  };
}

import type { JsonObject, OpenApiDocument, OperationObject } from '@konaplate-contract/contract';
import {
  commonHeaderValues,
  effectiveSchema,
  envelopeField,
  ext,
  operationsOf,
  plaintextSchema,
  resolveLocal,
  successCodesOf,
} from '@konaplate-contract/contract';
import { SpecError } from './derive.ts';

/**
 * A value's constraints, as the client checks them: a request before it is
 * sent, a success payload before it becomes `data`. Objects and arrays nest.
 */
export interface FieldRule {
  required: boolean;
  type: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, FieldRule>;
  items?: FieldRule;
}

const scalarKeywords = [
  'minLength',
  'maxLength',
  'pattern',
  'enum',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
] as const;
const structural = new Set(['type', 'properties', 'required', 'items', ...scalarKeywords]);
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
    if (!key.startsWith('x-') && !descriptive.has(key) && !structural.has(key)) {
      problems.push(
        `${where}: the client's validator cannot check "${key}"; extend packages/codegen/src/client-contract.ts`,
      );
    }
  }
  if (typeof flat.type !== 'string') problems.push(`${where}: no single "type" to check`);
  const rule: FieldRule = { required, type: String(flat.type) };
  for (const key of scalarKeywords) if (flat[key] !== undefined) Object.assign(rule, { [key]: flat[key] });
  if (flat.type === 'object') {
    const requiredNames = new Set((flat.required ?? []) as string[]);
    rule.properties = {};
    for (const [name, property] of Object.entries((flat.properties ?? {}) as Record<string, JsonObject>)) {
      rule.properties[name] = ruleOf(doc, property, requiredNames.has(name), `${where}.${name}`, problems);
    }
  }
  if (flat.type === 'array' && flat.items) {
    rule.items = ruleOf(doc, flat.items as JsonObject, true, `${where}[]`, problems);
  }
  return rule;
}

// Names the client object uses itself, beside one method per operationId.
const reserved = new Set(['call', 'orThrow', 'operations']);

/** The HTTP status of success and that status's plaintext payload schema. */
function successOf(doc: OpenApiDocument, operation: OperationObject) {
  const status = Object.keys(operation.responses).find((s) => /^2\d\d$/.test(s));
  const schema = status ? operation.responses[status]?.content?.['application/json']?.schema : undefined;
  return { status: Number(status), schema: plaintextSchema(doc, schema) };
}

/** Sensitive field and header names (x-sensitive), with how they may be shown (x-mask: last4, else nothing). */
function sensitiveNames(doc: OpenApiDocument): Record<string, 'last4' | 'hidden'> {
  const found: Record<string, 'last4' | 'hidden'> = {};
  const visit = (schema: JsonObject) => {
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonObject>)) {
      const flat = { ...effectiveSchema(doc, property), ...property };
      if (flat[ext.sensitive] === true) found[name] = flat[ext.mask] === 'last4' ? 'last4' : 'hidden';
    }
  };
  for (const schema of Object.values(doc.components.schemas)) visit(schema);
  for (const parameter of Object.values(doc.components.parameters)) {
    if (effectiveSchema(doc, parameter.schema as JsonObject)[ext.sensitive] === true)
      found[String(parameter.name)] = 'hidden';
  }
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => a.localeCompare(b)));
}

/** What the client needs from the spec at run time, as one small module. */
export function clientContract(doc: OpenApiDocument) {
  const problems: string[] = [];
  const servers = doc.servers as Array<{ url: string; variables?: Record<string, { default: string }> }>;
  const operations: Record<
    string,
    { method: string; path: string; summary: string; description: string; idempotent: boolean; successStatus: number }
  > = {};
  const requestRules: Record<string, { headers: Record<string, FieldRule>; body: FieldRule }> = {};
  const responseRules: Record<string, FieldRule> = {};
  for (const { path, method, operation } of operationsOf(doc)) {
    const id = operation.operationId;
    if (reserved.has(id))
      problems.push(`${id}: the operationId is a name of the client's own (${[...reserved].join(', ')})`);
    const success = successOf(doc, operation);
    operations[id] = {
      method,
      path,
      summary: String(operation.summary ?? ''),
      description: String(operation.description ?? '')
        .split('\n\n')[0]
        ?.replace(/\s+/g, ' ')
        .trim() as string,
      idempotent: operation[ext.idempotent] === true,
      successStatus: success.status,
    };
    const headers: Record<string, FieldRule> = {};
    for (const node of operation.parameters ?? []) {
      const parameter = resolveLocal<JsonObject>(doc, node);
      const where = `${id} header ${String(parameter.name)}`;
      headers[String(parameter.name)] = ruleOf(
        doc,
        parameter.schema as JsonObject,
        parameter.required === true,
        where,
        problems,
      );
    }
    const plain = plaintextSchema(doc, operation.requestBody?.content['application/json']?.schema);
    if (!plain) problems.push(`${id}: no plaintext request body schema`);
    else requestRules[id] = { headers, body: ruleOf(doc, plain, true, `${id} request body`, problems) };
    if (!success.schema) problems.push(`${id}: no plaintext success (2xx) response schema`);
    else responseRules[id] = ruleOf(doc, success.schema, true, `${id} response body`, problems);
  }
  const registry = doc[ext.errorRegistry];
  const successCodes = successCodesOf(registry);
  if (successCodes.length !== 1) problems.push('the error registry must have exactly one success (2xx) code');
  const codeStatus = Object.fromEntries(Object.entries(registry).map(([code, e]) => [code, e.httpStatus]));
  const utcOffsets = (doc.components.schemas.TimeZone?.[ext.utcOffsets] ?? {}) as Record<string, number>;
  if (Object.keys(utcOffsets).length === 0) problems.push(`TimeZone has no ${ext.utcOffsets}`);
  if (problems.length > 0) throw new SpecError(problems);
  return {
    servers: {
      sandbox: servers[0]?.url ?? '',
      production: servers[1]?.url ?? '',
      productionVariable: Object.keys(servers[1]?.variables ?? {})[0] ?? '',
    },
    operations,
    requestRules,
    responseRules,
    successCode: successCodes[0] ?? '',
    envelopeField: envelopeField(doc),
    headerValues: commonHeaderValues(doc).map(({ name, source }) => [name, source] as [string, string]),
    codeStatus,
    sensitive: sensitiveNames(doc),
    utcOffsets,
  };
}

// Field rules: a value's constraints as the tools check them (the client before it sends a request and
// before a success payload becomes data), from a schema with its $refs and allOfs followed.
import {
  effectiveSchema,
  type JsonObject,
  type OpenApiDocument,
  type OperationObject,
  plaintextSchema,
} from './document.ts';

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

export function ruleOf(
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

/** The HTTP status of success and that status's plaintext payload schema. */
export function successOf(doc: OpenApiDocument, operation: OperationObject) {
  const status = Object.keys(operation.responses).find((s) => /^2\d\d$/.test(s));
  const schema = status ? operation.responses[status]?.content?.['application/json']?.schema : undefined;
  return { status: Number(status), schema: plaintextSchema(doc, schema) };
}

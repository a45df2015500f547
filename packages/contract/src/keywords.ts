// Which JSON Schema keywords of a flattened field schema a value breaks, with the one length rule (code
// points). The conformance runner uses it to know what a case it derived must be refused for (and so
// which result code the registry expects); the CLI, to name the rule a credential breaks; the lint rules,
// to check the spec's own examples and enums. It never quotes the value. No document is read here.
import { codePointLength } from './protocol.ts';

type JsonObject = { [key: string]: unknown };

const patterns = new Map<string, RegExp>();
export const regex = (source: string): RegExp => {
  let found = patterns.get(source);
  if (!found) {
    found = new RegExp(source, 'u');
    patterns.set(source, found);
  }
  return found;
};

export const jsonType = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number' && Number.isInteger(value)
        ? 'integer'
        : typeof value;

/** The keywords of `schema` that `value` breaks (empty when it is valid). */
export function brokenKeywords(schema: JsonObject, value: unknown): string[] {
  const type = jsonType(value);
  const wanted = schema.type;
  if (wanted !== undefined && !(wanted === type || (wanted === 'number' && type === 'integer'))) return ['type'];
  const broken: string[] = [];
  if (typeof value === 'string') {
    const length = codePointLength(value);
    if (typeof schema.minLength === 'number' && length < schema.minLength) broken.push('minLength');
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) broken.push('maxLength');
    if (typeof schema.pattern === 'string' && !regex(schema.pattern).test(value)) broken.push('pattern');
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) broken.push('minimum');
    if (typeof schema.maximum === 'number' && value > schema.maximum) broken.push('maximum');
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) broken.push('enum');
  return broken;
}

/** One phrase for a broken keyword of a schema: what the rule asks, never the value. */
export function describeRule(schema: JsonObject, keyword: string): string {
  switch (keyword) {
    case 'type':
      return `must be ${schema.type === 'integer' ? 'a whole number' : `a ${String(schema.type)}`}`;
    case 'minLength':
    case 'maxLength':
      return schema.minLength === schema.maxLength
        ? `must be exactly ${String(schema.minLength)} characters long`
        : `must be ${String(schema.minLength ?? 0)} to ${String(schema.maxLength ?? '∞')} characters long`;
    case 'pattern':
      return `must match ${String(schema.pattern)}`;
    case 'enum':
      return `must be one of ${(schema.enum as unknown[]).join(', ')}`;
    case 'minimum':
      return `must be at least ${String(schema.minimum)}`;
    case 'maximum':
      return `must be at most ${String(schema.maximum)}`;
    default:
      return `breaks ${keyword}`;
  }
}

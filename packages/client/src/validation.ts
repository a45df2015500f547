import { type FieldRule, type OperationId, requestRules, responseRules } from './contract.ts';
import { KonaplateValidationError } from './errors.ts';

/** One broken rule: the field (a path), the keyword, and a message that never quotes the value. */
export interface Problem {
  field: string;
  rule: string;
  message: string;
}

const patterns = new Map<string, RegExp>();
const regex = (source: string) =>
  patterns.get(source) ?? (patterns.set(source, new RegExp(source, 'u')).get(source) as RegExp);
/** Lengths count code points, as JSON Schema's do; only a string with a surrogate pair needs them counted. */
const surrogate = /[\uD800-\uDBFF]/;
const codePoints = (value: string) => (surrogate.test(value) ? [...value].length : value.length);
const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** What is wrong with one scalar value against its rule, as [rule, message], or null. */
export function checkField(name: string, rule: FieldRule, value: unknown): [string, string] | null {
  if (value === undefined) return rule.required ? ['required', `${name} is required`] : null;
  const type = typeOf(value);
  const expected = rule.type === 'integer' ? 'number' : rule.type;
  if (type !== expected || (rule.type === 'integer' && !Number.isInteger(value))) {
    const wanted =
      rule.type === 'integer' ? 'a whole number' : `${/^[aeiou]/.test(rule.type) ? 'an' : 'a'} ${rule.type}`;
    return ['type', `${name} must be ${wanted}, not ${type}`];
  }
  if (typeof value === 'string') {
    const { minLength: min, maxLength: max } = rule;
    const length = min === undefined && max === undefined ? 0 : codePoints(value);
    if ((min !== undefined && length < min) || (max !== undefined && length > max)) {
      const wanted = min === max ? `exactly ${min}` : `${min ?? 0} to ${max ?? '∞'}`;
      return [
        length < (min ?? 0) ? 'minLength' : 'maxLength',
        `${name} must be ${wanted} characters long, not ${length}`,
      ];
    }
    if (rule.pattern !== undefined && !regex(rule.pattern).test(value))
      return ['pattern', `${name} must match ${rule.pattern}`];
    if (rule.enum !== undefined && !rule.enum.includes(value))
      return ['enum', `${name} must be one of ${rule.enum.join(', ')}`];
  }
  if (typeof value === 'number') {
    if (rule.minimum !== undefined && value < rule.minimum)
      return ['minimum', `${name} must be at least ${rule.minimum}`];
    if (rule.maximum !== undefined && value > rule.maximum)
      return ['maximum', `${name} must be at most ${rule.maximum}`];
  }
  if (Array.isArray(value)) {
    if (rule.minItems !== undefined && value.length < rule.minItems)
      return ['minItems', `${name} must have at least ${rule.minItems} items, not ${value.length}`];
    if (rule.maxItems !== undefined && value.length > rule.maxItems)
      return ['maxItems', `${name} must have at most ${rule.maxItems} items, not ${value.length}`];
  }
  return null;
}

/**
 * The rules a JSON value breaks, walking objects and arrays (one per field:
 * a field that breaks its own rule is not walked into), at most `max` of them.
 * `path` names the value ('' for the root body).
 */
export function problemsOf(rule: FieldRule, value: unknown, max = Number.POSITIVE_INFINITY, path = ''): Problem[] {
  const found: Problem[] = [];
  const walk = (at: string, r: FieldRule, v: unknown) => {
    const problem = checkField(at || 'body', r, v);
    if (problem) {
      found.push({ field: at || 'body', rule: problem[0], message: problem[1] });
      return;
    }
    if (v === undefined || v === null) return;
    if (r.properties) {
      const object = v as Record<string, unknown>;
      for (const name in r.properties) {
        if (found.length >= max) return;
        walk(at ? `${at}.${name}` : name, r.properties[name] as FieldRule, object[name]);
      }
    }
    if (r.items) {
      const array = v as unknown[];
      for (let i = 0; i < array.length && found.length < max; i += 1) walk(`${at}[${i}]`, r.items, array[i]);
    }
  };
  walk(path, rule, value);
  return found;
}

const known = (operationId: string): operationId is OperationId => Object.hasOwn(requestRules, operationId);

/** Checks a plaintext request body against the operation's rules from the spec; throws on the first bad field. */
export function validateRequest(operationId: OperationId, body: unknown): void {
  if (!known(operationId)) {
    const ids = Object.keys(requestRules).join(', ');
    throw new KonaplateValidationError('operationId', 'enum', `operationId must be one of ${ids}`);
  }
  const [problem] = problemsOf(requestRules[operationId].body, body, 1);
  if (problem) throw new KonaplateValidationError(problem.field, problem.rule, problem.message, operationId);
}

/** Every rule a plaintext success payload breaks (one per field); empty when it conforms to the spec. */
export function checkResponse(operationId: OperationId, body: unknown): Problem[] {
  if (!known(operationId)) return [{ field: 'operationId', rule: 'enum', message: `unknown operation ${operationId}` }];
  return problemsOf(responseRules[operationId], body);
}

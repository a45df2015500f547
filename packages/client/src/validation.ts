import { codePointLength, maskCardNumbers } from '@konaplate-contract/contract/protocol';
import { type FieldRule, type OperationId, requestRules, responseRules, sensitive } from './contract.ts';
import { KonaplateValidationError } from './errors.ts';
import { wordsOf } from './shapes.ts';

/** One broken rule: the field (a path), the keyword, and a message for people that never quotes a sensitive value. */
export interface Problem {
  field: string;
  rule: string;
  message: string;
}

const patterns = new Map<string, RegExp>();
const regex = (source: string) =>
  patterns.get(source) ?? (patterns.set(source, new RegExp(source, 'u')).get(source) as RegExp);
const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * The value an enum problem may show (`got DYNAMIC`): never a field the spec marks sensitive (the leaf
 * of the path is looked up), at most 32 characters, card-number-shaped digits masked all the same.
 */
function shown(name: string, value: string): string {
  if (
    Object.hasOwn(
      sensitive,
      name
        .replace(/\[\d+\]/g, '')
        .split('.')
        .pop() as string,
    )
  )
    return '';
  const short = value.length > 32 ? `${value.slice(0, 32)}…` : value;
  return `; got ${maskCardNumbers(short)}`;
}

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
    // An enum names its values, whatever else it breaks.
    if (rule.enum !== undefined && !rule.enum.includes(value))
      return ['enum', `${name} must be one of ${rule.enum.join(', ')}${shown(name, value)}`];
    const { minLength: min, maxLength: max } = rule;
    const length = min === undefined && max === undefined ? 0 : codePointLength(value);
    if ((min !== undefined && length < min) || (max !== undefined && length > max)) {
      const wanted = min === max ? `exactly ${min}` : `${min ?? 0} to ${max ?? '∞'}`;
      return [
        length < (min ?? 0) ? 'minLength' : 'maxLength',
        `${name} must be ${wanted} characters long, not ${length}`,
      ];
    }
    if (rule.pattern !== undefined && !regex(rule.pattern).test(value)) {
      const words = wordsOf(rule.pattern);
      return ['pattern', words ? `${name} must be ${words}` : `${name} must match ${rule.pattern}`];
    }
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
 * With `unknown`, a field the contract does not list is one too (rule
 * `additionalProperties`). The root is named `body`.
 */
export function problemsOf(
  rule: FieldRule,
  value: unknown,
  max = Number.POSITIVE_INFINITY,
  unknown = false,
): Problem[] {
  const found: Problem[] = [];
  const walk = (at: string, r: FieldRule, v: unknown) => {
    const problem = checkField(at || 'body', r, v);
    if (problem) {
      found.push({ field: at || 'body', rule: problem[0], message: problem[1] });
      return;
    }
    if (v === undefined || v === null) return;
    const { properties, items } = r;
    if (properties) {
      const object = v as Record<string, unknown>;
      for (const name in properties) {
        if (found.length >= max) return;
        walk(at ? `${at}.${name}` : name, properties[name] as FieldRule, object[name]);
      }
      if (unknown)
        for (const name in object) {
          if (found.length >= max) return;
          if (!Object.hasOwn(properties, name)) {
            const field = at ? `${at}.${name}` : name;
            found.push({ field, rule: 'additionalProperties', message: `${field} is not in the contract` });
          }
        }
    }
    if (items) {
      const array = v as unknown[];
      for (let i = 0; i < array.length && found.length < max; i += 1) walk(`${at}[${i}]`, items, array[i]);
    }
  };
  walk('', rule, value);
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

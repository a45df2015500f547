import type { Middleware } from 'openapi-fetch';
import { requestRules } from '../../../generated/client/contract.ts';
import { KonaplateValidationError } from './errors.ts';

export type OperationId = keyof typeof requestRules;

interface Rule {
  readonly required: boolean;
  readonly type: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
}

const patterns = new Map<string, RegExp>();
const regex = (source: string) =>
  patterns.get(source) ?? (patterns.set(source, new RegExp(source, 'u')).get(source) as RegExp);
const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** What is wrong with one value against its rule, as [rule, message], or null. The value itself is never quoted. */
export function checkField(name: string, rule: Rule, value: unknown): [string, string] | null {
  if (value === undefined) return rule.required ? ['required', `${name} is required`] : null;
  const type = typeOf(value);
  const expected = rule.type === 'integer' ? 'number' : rule.type;
  if (type !== expected || (rule.type === 'integer' && !Number.isInteger(value))) {
    return ['type', `${name} must be ${rule.type === 'integer' ? 'a whole number' : `a ${rule.type}`}, not ${type}`];
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    const { minLength: min, maxLength: max } = rule;
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
  return null;
}

/** Checks a plaintext request body against the operation's rules from the spec; throws on the first bad field. */
export function validateBody(operationId: OperationId, body: unknown): void {
  if (typeOf(body) !== 'object')
    throw new KonaplateValidationError('body', 'type', 'the request body must be an object', operationId);
  const rules = requestRules[operationId].body as Record<string, Rule>;
  for (const [field, rule] of Object.entries(rules)) {
    const problem = checkField(field, rule, (body as Record<string, unknown>)[field]);
    if (problem) throw new KonaplateValidationError(field, problem[0], problem[1], operationId);
  }
}

/** Refuses a call whose body breaks the spec, before anything is encrypted, signed or sent. */
export function validationMiddleware(operationId: OperationId, body: unknown): Middleware {
  return {
    onRequest() {
      validateBody(operationId, body);
    },
  };
}

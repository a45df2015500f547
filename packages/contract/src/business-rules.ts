import { ext } from './extensions.ts';

type JsonObject = { [key: string]: unknown };

/**
 * A rule between sibling fields, declared in the spec as `x-business-rule` on
 * the field it computes. `headroom`: the field equals
 * max(0, sibling[maximum] - sibling[used]) (e.g. rechargeableAmount).
 */
export interface BusinessRule {
  id: string;
  kind: 'headroom';
  maximum: string;
  used: string;
}

/** Every property carrying `x-business-rule` in a set of object schemas, as [field, rule]. */
export function businessRulesOf(schema: JsonObject): Array<[string, BusinessRule]> {
  const properties = (schema.properties ?? {}) as Record<string, JsonObject>;
  return Object.entries(properties)
    .filter(([, property]) => property[ext.businessRule])
    .map(([field, property]) => [field, property[ext.businessRule] as BusinessRule]);
}

/** Null when `object` keeps the rule for `field`; otherwise what is wrong, with the numbers. */
export function checkBusinessRule(object: JsonObject, field: string, rule: BusinessRule): string | null {
  const maximum = object[rule.maximum];
  const used = object[rule.used];
  const actual = object[field];
  if (typeof maximum !== 'number' || typeof used !== 'number' || typeof actual !== 'number') {
    return `${rule.id}: ${field}, ${rule.maximum} and ${rule.used} must all be numbers`;
  }
  const expected = Math.max(0, maximum - used);
  return actual === expected
    ? null
    : `${rule.id}: ${field} is ${actual}, but ${rule.maximum} ${maximum} - ${rule.used} ${used} = ${expected}`;
}

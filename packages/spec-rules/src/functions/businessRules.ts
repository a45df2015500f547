import {
  type BusinessRule,
  checkBusinessRule,
  ext,
  isObject,
  type Json,
  type JsonPath,
} from '@konaplate-contract/contract';
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { schemasOf } from './schemaWalk.ts';

/** The `x-business-rule`s declared on properties anywhere in the document's schemas. */
function declaredRules(doc: Json): Array<[string, BusinessRule]> {
  const rules = new Map<string, [string, BusinessRule]>();
  const visit = (node: unknown) => {
    if (!isObject(node)) return;
    if (isObject(node.properties)) {
      for (const [field, property] of Object.entries(node.properties)) {
        if (isObject(property) && isObject(property[ext.businessRule])) {
          const rule = property[ext.businessRule] as unknown as BusinessRule;
          rules.set(`${field} ${rule.id}`, [field, rule]);
        }
      }
    }
  };
  const components = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  for (const schema of Object.values(components)) visit(schema);
  for (const { schema } of schemasOf(doc)) visit(schema);
  return [...rules.values()];
}

/**
 * Every example keeps the business rules the schemas declare: any object in
 * an example value that carries a rule's fields must satisfy it (e.g.
 * `rechargeableAmount = max(0, maxNonRealNameRechargeAmount - balance)`).
 */
export default createRulesetFunction<Json, null>({ input: { type: 'object' }, options: null }, (doc) => {
  const rules = declaredRules(doc);
  const results: IFunctionResult[] = [];
  const seen = new Set<string>();
  const check = (value: unknown, path: JsonPath) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        check(item, [...path, i]);
      });
      return;
    }
    if (!isObject(value)) return;
    for (const [field, rule] of rules) {
      if (!(field in value) || !(rule.maximum in value) || !(rule.used in value)) continue;
      const problem = checkBusinessRule(value, field, rule);
      const key = JSON.stringify([...path, field]);
      if (problem && !seen.has(key)) {
        seen.add(key);
        results.push({ message: problem, path: [...path, field] });
      }
    }
    for (const [key, child] of Object.entries(value)) check(child, [...path, key]);
  };
  const visit = (node: unknown, path: JsonPath) => {
    if (!isObject(node)) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'value' && path.at(-2) === 'examples') check(child, [...path, key]);
      else if (key.startsWith('x-')) continue;
      else visit(child, [...path, key]);
    }
  };
  visit(doc, []);
  return results;
});

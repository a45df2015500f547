import type { Json, JsonPath } from '@konaplate-contract/contract';
import { codePointLength } from '@konaplate-contract/contract/protocol';
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { schemasOf } from './schemaWalk.ts';

/** Why a value breaks the schema's own length, pattern or range; null when it fits. */
export function misfit(schema: Json, value: unknown): string | null {
  if (typeof value === 'string') {
    const { minLength, maxLength, pattern } = schema as { minLength?: number; maxLength?: number; pattern?: string };
    const length = codePointLength(value);
    if (minLength !== undefined && length < minLength) return `is ${length} characters, below minLength ${minLength}`;
    if (maxLength !== undefined && length > maxLength) return `is ${length} characters, above maxLength ${maxLength}`;
    if (pattern !== undefined && !new RegExp(pattern, 'u').test(value)) return `does not match pattern ${pattern}`;
  }
  if (typeof value === 'number') {
    const { minimum, maximum } = schema as { minimum?: number; maximum?: number };
    if (minimum !== undefined && value < minimum) return `is below minimum ${minimum}`;
    if (maximum !== undefined && value > maximum) return `is above maximum ${maximum}`;
  }
  return null;
}

/**
 * Each `enum` value and each schema example must fit the schema's own length,
 * pattern and range: this is how a documented length that its own values do
 * not fit (a status of 9 characters under "Max : 7") gets caught.
 */
export default createRulesetFunction<Json, null>({ input: { type: 'object' }, options: null }, (doc) => {
  const results: IFunctionResult[] = [];
  for (const { schema, path } of schemasOf(doc)) {
    const lists: Array<[string, unknown[]]> = [
      ['enum', Array.isArray(schema.enum) ? schema.enum : []],
      ['examples', Array.isArray(schema.examples) ? schema.examples : []],
    ];
    for (const [key, values] of lists) {
      values.forEach((value, i) => {
        const why = misfit(schema, value);
        const at: JsonPath = [...path, key, i];
        if (why)
          results.push({
            message: `${key === 'enum' ? 'enum value' : 'example'} ${JSON.stringify(value)} ${why}`,
            path: at,
          });
      });
    }
    if (schema.example !== undefined) {
      const why = misfit(schema, schema.example);
      if (why)
        results.push({ message: `example ${JSON.stringify(schema.example)} ${why}`, path: [...path, 'example'] });
    }
  }
  return results;
});

import type { Json } from '@konaplate-contract/contract';
import { fixedLengthOfPattern } from '@konaplate-contract/contract';
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { schemasOf } from './schemaWalk.ts';

/**
 * A string whose pattern admits one length only is a fixed-length field: its
 * `minLength` and `maxLength` must both equal that length. Catches a bound
 * edited on one side only, and a length that disagrees with the shape.
 */
export default createRulesetFunction<Json, null>({ input: { type: 'object' }, options: null }, (doc) => {
  const results: IFunctionResult[] = [];
  for (const { schema, path } of schemasOf(doc)) {
    if (schema.type !== 'string' || typeof schema.pattern !== 'string') continue;
    const length = fixedLengthOfPattern(schema.pattern);
    if (length === null) continue;
    if (schema.minLength !== length || schema.maxLength !== length) {
      results.push({
        message: `pattern fixes the length at ${length}, but minLength is ${schema.minLength} and maxLength is ${schema.maxLength}`,
        path,
      });
    }
  }
  return results;
});

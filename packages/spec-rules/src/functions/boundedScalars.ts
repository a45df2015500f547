import type { Json } from '@konaplate-contract/contract';
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { schemasOf } from './schemaWalk.ts';

/**
 * Every string schema states `maxLength`, and every number or integer schema
 * states both bounds: an unbounded field is a field whose limit nobody wrote down.
 * A string `enum` is bounded by its values: it states no length at all (a second
 * bound that can disagree with the values, and one that breaks peer generators'
 * zod output, orval 7's among them).
 */
export default createRulesetFunction<Json, { kind: 'string' | 'number' }>(
  {
    input: { type: 'object' },
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: { kind: { enum: ['string', 'number'], description: 'Which scalars to check.' } },
    },
  },
  (doc, { kind }) => {
    const results: IFunctionResult[] = [];
    for (const { schema, path } of schemasOf(doc)) {
      if (kind === 'string' && schema.type === 'string' && Array.isArray(schema.enum)) {
        if (schema.maxLength !== undefined || schema.minLength !== undefined)
          results.push({ message: 'an enum string states no length: its values bound it', path });
      } else if (
        kind === 'string' &&
        schema.type === 'string' &&
        schema.maxLength === undefined &&
        schema.const === undefined
      ) {
        results.push({ message: 'string has no maxLength', path });
      }
      if (kind === 'number' && (schema.type === 'number' || schema.type === 'integer')) {
        const low = schema.minimum ?? schema.exclusiveMinimum;
        const high = schema.maximum ?? schema.exclusiveMaximum;
        if (low === undefined || high === undefined) {
          results.push({ message: `${schema.type} has no ${low === undefined ? 'minimum' : 'maximum'}`, path });
        }
      }
    }
    return results;
  },
);

import type { Json } from '@konaplate-contract/contract';
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { schemasOf } from './schemaWalk.ts';

/**
 * Every string schema states `maxLength`, and every number or integer schema
 * states both bounds: an unbounded field is a field whose limit nobody wrote down.
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
      if (
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

import { isObject, type Json, schemaHas } from '@konaplate-contract/contract';
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { schemasOf } from './schemaWalk.ts';

/**
 * A property whose name says it holds cardholder data (card number, CVC,
 * expiry, PAR, account number) must be marked with the sensitive marker,
 * itself or through the schema it composes, so logs, errors and docs can mask it.
 */
export default createRulesetFunction<Json, { names: string; marker: string }>(
  {
    input: { type: 'object' },
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['names', 'marker'],
      properties: {
        names: { type: 'string', description: 'Regular expression matching cardholder-data property names.' },
        marker: { type: 'string', description: 'The extension that marks a schema sensitive (set to true).' },
      },
    },
  },
  (doc, { names, marker }) => {
    const pattern = new RegExp(names);
    const results: IFunctionResult[] = [];
    const objects = [
      ...schemasOf(doc),
      ...Object.entries(isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {}).map(
        ([name, schema]) => ({ schema: schema as Json, path: ['components', 'schemas', name] }),
      ),
    ];
    const reported = new Set<string>();
    for (const { schema, path } of objects) {
      if (!isObject(schema.properties)) continue;
      for (const [name, property] of Object.entries(schema.properties)) {
        const at = [...path, 'properties', name];
        if (!pattern.test(name) || schemaHas(doc, property, marker, true) || reported.has(at.join('/'))) continue;
        reported.add(at.join('/'));
        results.push({ message: `${name} holds cardholder data but is not marked ${marker}: true`, path: at });
      }
    }
    return results;
  },
);

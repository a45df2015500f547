import { isObject, type Json } from '@konaplate-contract/contract';
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';

/** A 4xx response must describe its body with the shared error envelope schema, by reference. */
export default createRulesetFunction<Json, { schema: string }>(
  {
    input: { type: 'object' },
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['schema'],
      properties: { schema: { type: 'string', description: 'The `$ref` of the shared error envelope.' } },
    },
  },
  (response, { schema }, { path }) => {
    const content = isObject(response.content) ? response.content : {};
    const results: IFunctionResult[] = [];
    if (Object.keys(content).length === 0) results.push({ message: `has no body; use ${schema}`, path });
    for (const [mediaType, media] of Object.entries(content)) {
      const ref = isObject(media) && isObject(media.schema) ? media.schema.$ref : undefined;
      if (ref !== schema) {
        results.push({
          message: `${mediaType} body is ${ref ? `\`${String(ref)}\`` : 'an inline schema'}, not the shared error envelope ${schema}`,
          path: [...path, 'content', mediaType, 'schema'],
        });
      }
    }
    return results;
  },
);

import { isObject, type Json, type JsonPath } from '@konaplate-contract/contract';
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';

/**
 * An operation must reference every shared header parameter component (those
 * under `components.parameters` whose name has the prefix), and must not
 * declare such a header inline: the shared component is where its length and
 * pattern live.
 */
export default createRulesetFunction<Json, { prefix: string }>(
  {
    input: { type: 'object' },
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['prefix'],
      properties: { prefix: { type: 'string', description: 'Header name prefix of the common headers.' } },
    },
  },
  (operation, { prefix }, { document, path }) => {
    const doc = document.data as Json;
    const components = isObject(doc.components) && isObject(doc.components.parameters) ? doc.components.parameters : {};
    const common = Object.entries(components).filter(
      ([, p]) => isObject(p) && p.in === 'header' && String(p.name).startsWith(prefix),
    );
    const pathItem = (doc.paths as Json)[String(path[1])] as Json;
    const declared = [
      ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
      ...(Array.isArray(operation.parameters) ? operation.parameters : []),
    ];
    const results: IFunctionResult[] = [];
    for (const [key, parameter] of common) {
      const ref = `#/components/parameters/${key}`;
      if (!declared.some((p) => isObject(p) && p.$ref === ref)) {
        results.push({
          message: `does not reference the common header ${(parameter as Json).name} (${ref})`,
          path: [...path, 'parameters'],
        });
      }
    }
    (Array.isArray(operation.parameters) ? operation.parameters : []).forEach((p: unknown, i: number) => {
      if (isObject(p) && !p.$ref && p.in === 'header' && String(p.name).startsWith(prefix)) {
        const at: JsonPath = [...path, 'parameters', i];
        results.push({
          message: `declares the common header ${p.name} inline; reference its component instead`,
          path: at,
        });
      }
    });
    return results;
  },
);

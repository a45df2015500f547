import { isObject, type Json, type JsonPath } from '@konaplate-contract/contract';

/**
 * Every schema object in the document that is not inside an example or an
 * `x-` extension, with its path: component schemas, parameter and header
 * schemas, and media-type schemas, with everything nested in them.
 */
export function schemasOf(doc: Json): Array<{ schema: Json; path: JsonPath }> {
  const found: Array<{ schema: Json; path: JsonPath }> = [];
  const visit = (node: unknown, path: JsonPath, inSchema: boolean) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        visit(item, [...path, i], inSchema);
      });
      return;
    }
    if (!isObject(node)) return;
    if (inSchema && typeof node.type === 'string') found.push({ schema: node, path });
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-') || key === 'examples' || key === 'example' || key === 'enum' || key === 'const')
        continue;
      visit(value, [...path, key], inSchema || key === 'schema' || key === 'schemas');
    }
  };
  visit(doc, [], false);
  return found;
}

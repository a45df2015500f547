import type { JsonObject, OpenApiDocument } from '@konaplate-contract/contract';
import { effectiveSchema } from '@konaplate-contract/contract';

export { effectiveSchema };

import { loadBundleFile } from '@konaplate-contract/codegen';

/** A fresh copy of the committed bundle (drift-checked against the spec by `pnpm check:drift`). */
export const loadBundle = loadBundleFile;

/** The schema at a dotted property path (`cardDataInfo.cardPointInfo[].pointName`) below an object schema. */
export function propertyAt(doc: OpenApiDocument, root: JsonObject, path: string) {
  let parent = effectiveSchema(doc, root);
  let schema: JsonObject = parent;
  let required = true;
  for (const segment of path.split('.')) {
    const name = segment.replace(/\[\]$/, '');
    const properties = (parent.properties ?? {}) as Record<string, JsonObject>;
    const child = properties[name];
    if (!child) throw new Error(`no property ${name} in path ${path}`);
    required = ((parent.required as string[] | undefined) ?? []).includes(name);
    schema = effectiveSchema(doc, child);
    parent = segment.endsWith('[]') ? effectiveSchema(doc, schema.items as JsonObject) : schema;
  }
  return { schema, required };
}

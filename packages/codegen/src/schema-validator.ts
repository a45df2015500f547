import type { JsonObject, OpenApiDocument } from '@konaplate-contract/contract';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const componentsId = 'urn:konaplate-contract:components';

/** Rewrites `#/components/schemas/X` to a ref into the registered components schema. */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')
        ? [key, `${componentsId}#/$defs/${value.slice('#/components/schemas/'.length)}`]
        : [key, rewriteRefs(value)],
    ),
  );
}

function extensionKeywords(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) extensionKeywords(item, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) found.add(key);
      extensionKeywords(value, found);
    }
  }
  return found;
}

export interface SchemaValidator {
  /** Errors of `value` against a schema of the document (which may `$ref` its components); empty when valid. */
  errors(schema: JsonObject, value: unknown): ErrorObject[];
}

/**
 * JSON Schema 2020-12 validation of the document's schemas, in Ajv's strict
 * mode: an unknown keyword (a misspelt `maxLenght`) is an error, not ignored.
 * The document's own `x-` extensions are declared as annotation keywords.
 */
export function createSchemaValidator(doc: OpenApiDocument): SchemaValidator {
  const ajv = new Ajv2020({ strict: true, allErrors: true, strictRequired: false });
  addFormats.default(ajv);
  for (const keyword of extensionKeywords(doc.components.schemas)) ajv.addKeyword({ keyword });
  ajv.addSchema({ $id: componentsId, $defs: rewriteRefs(doc.components.schemas) as JsonObject });
  const cache = new WeakMap<JsonObject, ReturnType<typeof ajv.compile>>();
  return {
    errors(schema, value) {
      let validate = cache.get(schema);
      if (!validate) {
        validate = ajv.compile(rewriteRefs(schema) as JsonObject);
        cache.set(schema, validate);
      }
      return validate(value) ? [] : [...(validate.errors ?? [])];
    },
  };
}

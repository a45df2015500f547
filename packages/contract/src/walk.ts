/** Reading helpers over a bundled (single-file, local-ref) OpenAPI document, for the rule functions. */
import { ext } from './extensions.ts';
export type Json = { [key: string]: unknown };
export type JsonPath = Array<string | number>;

export const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `#/...` reference (repeatedly); returns the target and its path in the document. */
export function follow(doc: Json, node: unknown, path: JsonPath): { node: unknown; path: JsonPath } {
  let current = { node, path };
  for (let hops = 0; hops < 32 && isObject(current.node) && typeof current.node.$ref === 'string'; hops += 1) {
    const ref = current.node.$ref as string;
    if (!ref.startsWith('#/')) break;
    const parts = ref
      .slice(2)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let target: unknown = doc;
    for (const part of parts) target = isObject(target) ? target[part] : undefined;
    current = { node: target, path: parts };
  }
  return current;
}

/** True when a schema, or anything it composes through `allOf` and local refs, has `key: value`. */
export function schemaHas(doc: Json, schema: unknown, key: string, value: unknown, depth = 0): boolean {
  const { node } = follow(doc, schema, []);
  if (!isObject(node) || depth > 16) return false;
  if (node[key] === value) return true;
  return Array.isArray(node.allOf) && node.allOf.some((part) => schemaHas(doc, part, key, value, depth + 1));
}

export interface OperationRef {
  operationId: string;
  operation: Json;
  path: JsonPath;
}

export function operations(doc: Json): OperationRef[] {
  const paths = isObject(doc.paths) ? doc.paths : {};
  return Object.entries(paths).flatMap(([url, item]) =>
    isObject(item)
      ? methods
          .filter((m) => isObject(item[m]))
          .map((m) => {
            const operation = item[m] as Json;
            return { operationId: String(operation.operationId ?? `${m} ${url}`), operation, path: ['paths', url, m] };
          })
      : [],
  );
}

export interface ExampleRef {
  status: string;
  key: string;
  example: Json;
  /** Where the example object itself is (the component, when referenced). */
  path: JsonPath;
}

/** The named response examples of an operation, references followed. */
export function responseExamples(doc: Json, op: OperationRef): ExampleRef[] {
  const responses = isObject(op.operation.responses) ? op.operation.responses : {};
  return Object.entries(responses).flatMap(([status, response]) => {
    const content = isObject(response) && isObject(response.content) ? response.content : {};
    return Object.entries(content).flatMap(([mediaType, media]) => {
      const examples = isObject(media) && isObject(media.examples) ? media.examples : {};
      return Object.entries(examples).flatMap(([key, node]) => {
        const at = [...op.path, 'responses', status, 'content', mediaType, 'examples', key];
        const { node: example, path } = follow(doc, node, at);
        return isObject(example) ? [{ status, key, example, path }] : [];
      });
    });
  });
}

/** The registry, when the document has one. */
export function registryOf(doc: Json): Json {
  const registry = doc[ext.errorRegistry];
  return isObject(registry) ? registry : {};
}

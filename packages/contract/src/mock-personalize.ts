// What the mock's default success answer takes from the request, as the spec says with `ext.mockFrom` on a
// response property: the request field whose value the property gets (copied), or from which a stable
// stand-in is derived (a digest, in the property's own pattern). Pure readings of the document.
import {
  effectiveSchema,
  type JsonObject,
  type OpenApiDocument,
  type OperationObject,
  plaintextSchema,
  SpecError,
} from './document.ts';
import { ext } from './extensions.ts';

/** A value derived from a request field: `prefix`, then `length` characters of `alphabet` from a digest of it. */
export interface MockDigest {
  prefix: string;
  alphabet: string;
  length: number;
}

/** One response property the mock fills from the request, by where it sits in the plaintext answer. */
export type MockFrom =
  | { path: string[]; field: string; copy: true }
  | { path: string[]; field: string; digest: MockDigest };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The characters of a character class's inside (`0-9A-F`), or undefined for one it cannot list. */
function classCharacters(inside: string): string | undefined {
  let characters = '';
  for (let i = 0; i < inside.length; i += 1) {
    const char = inside[i] as string;
    if ('\\^[]'.includes(char)) return undefined;
    const to = inside[i + 2];
    if (inside[i + 1] === '-' && to !== undefined) {
      const [from, end] = [char.codePointAt(0) as number, to.codePointAt(0) as number];
      if (end < from || end - from > 94) return undefined;
      for (let c = from; c <= end; c += 1) characters += String.fromCodePoint(c);
      i += 2;
    } else characters += char;
  }
  return characters || undefined;
}

/**
 * How a derived value fits a pattern of the form `^<literal>[<class>]{n}$` (`^Q1[0-9A-F]{25}$`): the literal,
 * the class's characters and n. Undefined for any other pattern.
 */
export function digestShape(pattern: string): MockDigest | undefined {
  const match = /^\^([^\\.[\](){}*+?|^$]*)\[([^\]]+)\]\{(\d+)\}\$$/.exec(pattern);
  if (!match) return undefined;
  const alphabet = classCharacters(match[2] as string);
  const length = Number(match[3]);
  return alphabet && length > 0 ? { prefix: match[1] as string, alphabet, length } : undefined;
}

/** The plaintext schemas of an operation's success (2xx) answers. */
function successSchemas(doc: OpenApiDocument, operation: OperationObject): JsonObject[] {
  return Object.entries(operation.responses)
    .filter(([status]) => /^2\d\d$/.test(status))
    .flatMap(([, response]) => Object.values(response.content ?? {}))
    .map((media) => plaintextSchema(doc, media.schema))
    .filter((schema): schema is JsonObject => schema !== undefined);
}

/** The fields of an operation's plaintext request body. */
function requestFields(doc: OpenApiDocument, operation: OperationObject): string[] {
  const media = Object.values(operation.requestBody?.content ?? {})[0];
  const schema = plaintextSchema(doc, media?.schema);
  return schema ? Object.keys((effectiveSchema(doc, schema).properties ?? {}) as JsonObject) : [];
}

/**
 * Every property of an operation's success answer that the mock fills from the request (`ext.mockFrom`):
 * a string names the request field copied into it; `{digest: <field>}` derives the value from that field,
 * in the shape of the property's pattern (`^<literal>[<class>]{n}$`). A value of another form, a field the
 * request does not have, or a digest into a pattern of another shape is a SpecError naming the property.
 */
export function mockFromRules(doc: OpenApiDocument, operation: OperationObject): MockFrom[] {
  const fields = requestFields(doc, operation);
  const rules = new Map<string, MockFrom>();
  const problems: string[] = [];
  const visit = (schema: JsonObject, path: string[]) => {
    if (path.length > 8) return;
    const properties = (effectiveSchema(doc, schema).properties ?? {}) as Record<string, JsonObject>;
    for (const [name, property] of Object.entries(properties)) {
      const at = [...path, name];
      const where = `${operation.operationId} ${at.join('.')}`;
      const flat = effectiveSchema(doc, property);
      const from = flat[ext.mockFrom];
      if (from !== undefined) {
        const field = typeof from === 'string' ? from : isObject(from) ? from.digest : undefined;
        if (typeof field !== 'string' || (isObject(from) && Object.keys(from).length !== 1))
          problems.push(`${where}: ${ext.mockFrom} must be a request field's name or {digest: <field>}`);
        else if (!fields.includes(field))
          problems.push(`${where}: ${ext.mockFrom} names ${field}, which the request does not have`);
        else if (typeof from === 'string') rules.set(at.join('.'), { path: at, field, copy: true });
        else {
          const shape = typeof flat.pattern === 'string' ? digestShape(flat.pattern) : undefined;
          if (!shape)
            problems.push(
              `${where}: ${ext.mockFrom} as a digest needs a pattern of the form ^<literal>[<class>]{n}$ to derive a value in`,
            );
          else rules.set(at.join('.'), { path: at, field, digest: shape });
        }
      }
      if (flat.type === 'object' || flat.properties) visit(property, at);
    }
  };
  for (const schema of successSchemas(doc, operation)) visit(schema, []);
  if (problems.length > 0) throw new SpecError(problems);
  return [...rules.values()];
}

// Stage 2's fast path: the checks Prism's validateInput makes of a request, compiled once per operation
// and body form at start: the header parameters as one object schema built as Prism builds it, the body
// against the form's schema, each compiled by Ajv (the package and version Prism validates with) with
// Prism's options and Prism's choice of draft. They decide one thing only, that Prism would find nothing
// wrong; anything else (a problem, or a request or a contract they cannot judge the way Prism does) goes to
// Prism, which stays the authority on what is wrong and how it is said. Tests run both paths over every
// scenario, every documented negative case and thousands of generated requests, and compare the answers.
import ajvDefault, { type Options, type ValidateFunction } from 'ajv';
import ajv2020 from 'ajv/dist/2020.js';
import type { Operation } from '../prism.ts';
import type { Headers } from './types.ts';

/** The compiled checks of one body form of an operation: true only when Prism would find no problem. */
export interface CompiledForm {
  headers(headers: Headers): boolean;
  body(body: unknown): boolean;
}

/**
 * Prism's Ajv options (its validators/utils.ts `baseAjvOptions`), but for `allErrors`: a verdict needs only
 * the first problem, and Prism reports the problems. Request headers are coerced, bodies are not, as in Prism.
 */
const prismOptions: Options = {
  allErrors: false,
  allowUnionTypes: true,
  allowMatchingProperties: true,
  strict: false,
  logger: false,
};
const draft2019 = /^https?:\/\/json-schema.org\/draft\/2019-09\/schema#?$/;
const draft2020 = /^https?:\/\/json-schema.org\/draft\/2020-12\/schema#?$/;
/** An Ajv instance, as far as compiling goes (the default draft's or 2020-12's). */
type Compiler = { compile(schema: object): ValidateFunction };
const instances = new Map<string, Compiler>();

/** Prism's choice of Ajv for a schema: by its $schema (2020-12, or the default draft), coerced or not. */
function ajvFor(schema: Json, coerce: boolean): Compiler | undefined {
  const $schema = String(schema.$schema);
  if (draft2019.test($schema)) return undefined; // Prism's 2019-09 Ajv: not judged here
  const draft = draft2020.test($schema) ? '2020' : 'default';
  const key = `${draft} ${coerce}`;
  let ajv = instances.get(key);
  if (ajv === undefined) {
    const options = { ...prismOptions, coerceTypes: coerce };
    // Ajv is CommonJS: its class is the module (Node's default import), and the module's `default` too.
    ajv = draft === '2020' ? new ajv2020.default(options) : new ajvDefault.default(options);
    instances.set(key, ajv);
  }
  return ajv;
}

/** A schema compiled as Prism compiles it (with its bundle beside it); undefined when that fails (Prism then accepts). */
function compile(schema: Json, coerce: boolean, bundle: unknown): ValidateFunction | undefined {
  try {
    return ajvFor(schema, coerce)?.compile({ ...schema, __bundled__: bundle });
  } catch {
    return undefined;
  }
}

/** Media types Prism's body check reads as application/json (its MIME essence), and nothing it could read otherwise. */
const jsonMediaType = /^application\/json\s*(?:;\s*charset="?utf-8"?\s*)?$/i;

/** Whether a request's Content-Type is one the compiled checks may judge (the rest go to Prism). */
export const judgeableContentType = (value: string | undefined): boolean =>
  value !== undefined && jsonMediaType.test(value);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a schema uses a keyword whose check Prism makes other than plain Ajv would (see compileForm). */
function needsPrism(schema: unknown, depth = 0): boolean {
  if (depth > 64) return true;
  if (Array.isArray(schema)) return schema.some((item) => needsPrism(item, depth + 1));
  if (!isObject(schema)) return false;
  // format: Prism's own formats (its date-time); readOnly/writeOnly: Prism strips them from request bodies;
  // $ref: resolved against Prism's bundle; $id: registered in Prism's shared Ajv; $dynamicRef and friends:
  // not worth judging here.
  for (const key of ['format', 'readOnly', 'writeOnly', '$ref', '$id', '$dynamicRef', '$recursiveRef', 'discriminator'])
    if (key in schema) return true;
  return Object.values(schema).some((value) => needsPrism(value, depth + 1));
}

/**
 * The compiled checks of an operation narrowed to one body form, or undefined when the operation has
 * anything they do not judge as Prism does: query, path or cookie parameters, a deprecated header, a
 * header that is not a plain string (Prism splits arrays and objects), a body in another media type than
 * application/json, a schema keyword from needsPrism. Then every request of that form goes to Prism.
 */
export function compileForm(operation: Operation): CompiledForm | undefined {
  const request = operation.request;
  if (!request) return undefined;
  if ((request.query?.length ?? 0) > 0 || (request.path?.length ?? 0) > 0 || (request.cookie?.length ?? 0) > 0)
    return undefined;
  const params = request.headers ?? [];
  if (params.some((p) => p.deprecated || (p.style && p.style !== 'simple') || !isObject(p.schema))) return undefined;
  if (params.some((p) => (p.schema as Json).type !== 'string' || needsPrism(p.schema))) return undefined;
  const contents = request.body?.contents ?? [];
  const content = contents[0];
  if (contents.length !== 1 || content?.mediaType !== 'application/json' || !isObject(content.schema)) return undefined;
  if (needsPrism(content.schema)) return undefined;
  if (!request.body?.required) return undefined;

  // As Prism's createJsonSchemaFromParams builds it, by lower-case name.
  const headerSchema = {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name.toLocaleLowerCase(), p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name.toLowerCase()),
  };
  const names = params.map((p) => p.name.toLowerCase());
  const bundle = (operation as unknown as Json).__bundled__;
  const headerCheck = compile(headerSchema, true, bundle);
  const bodyCheck = compile(content.schema, false, bundle);
  if (!headerCheck || !bodyCheck) return undefined;
  const passes = (check: ValidateFunction, value: unknown) => {
    try {
      return check(value) === true;
    } catch {
      return false; // Prism's own verdict then
    }
  };

  return {
    headers(headers) {
      // The values as Prism's simple-style deserializer hands them over: strings, an empty one dropped.
      const values: Json = {};
      for (const name of names) {
        const value = headers[name];
        if (value) values[name] = value;
      }
      return passes(headerCheck, values);
    },
    body(body) {
      // Prism refuses a missing (or falsy) body of a required request body before its schema.
      return Boolean(body) && passes(bodyCheck, body);
    },
  };
}

// What the docs' encryption samples and the docs folder's TEST-ONLY key files are made of, as the spec says
// it: the JWE algorithms (ext.jweAlgorithms on JweCompact), the TEST-ONLY key files by role
// (ext.testKeys) and the JWE test vector one of them opens (ext.jweTestVector, both on EncryptedEnvelope).
import { type JsonObject, type OpenApiDocument, SpecError } from './document.ts';
import { ext } from './extensions.ts';
import { isObject } from './walk.ts';

/** The JWE algorithms by their JOSE names: key management, a request's content encryption, an answer's. */
export interface JweAlgorithms {
  alg: string;
  requestEnc: string;
  responseEnc: string[];
}

/** The four TEST-ONLY keys: Konaplate's pair (requests are encrypted to it) and the partner's (answers are). */
export const testKeyRoles = ['serverPublicKey', 'serverPrivateKey', 'clientPublicKey', 'clientPrivateKey'] as const;
export type TestKeyRole = (typeof testKeyRoles)[number];

/** Each TEST-ONLY key file by role: a path relative to spec/, the same under the docs folder. */
export type TestKeys = Record<TestKeyRole, string>;

/** A JWE in compact serialization that the TEST-ONLY private key of `key` decrypts to `plaintext`. */
export interface JweTestVector {
  key: Extract<TestKeyRole, `${string}PrivateKey`>;
  plaintext: string;
  jwe: string;
}

/** The one schema that carries an extension, or a SpecError naming it. */
function carried(doc: OpenApiDocument, name: string): unknown {
  const found = Object.values(doc.components.schemas ?? {})
    .map((schema) => (schema as JsonObject)[name])
    .filter((value) => value !== undefined);
  if (found.length !== 1)
    throw new SpecError([
      `${name} must be on exactly one schema (found on ${found.length}): the docs' samples read it`,
    ]);
  return found[0];
}

const isJoseEnc = (value: unknown): value is string => typeof value === 'string' && /^A(128|192|256)GCM$/.test(value);

/** The JWE algorithms of the contract (ext.jweAlgorithms). */
export function jweAlgorithmsOf(doc: OpenApiDocument): JweAlgorithms {
  const value = carried(doc, ext.jweAlgorithms);
  const problems: string[] = [];
  if (!isObject(value)) throw new SpecError([`${ext.jweAlgorithms} must be an object: alg, requestEnc, responseEnc`]);
  if (typeof value.alg !== 'string' || value.alg === '') problems.push(`${ext.jweAlgorithms}.alg must be a JOSE name`);
  if (!isJoseEnc(value.requestEnc)) problems.push(`${ext.jweAlgorithms}.requestEnc must be an AES-GCM JOSE name`);
  if (!Array.isArray(value.responseEnc) || value.responseEnc.length === 0 || !value.responseEnc.every(isJoseEnc))
    problems.push(`${ext.jweAlgorithms}.responseEnc must list AES-GCM JOSE names`);
  if (problems.length > 0) throw new SpecError(problems);
  return {
    alg: value.alg as string,
    requestEnc: value.requestEnc as string,
    responseEnc: value.responseEnc as string[],
  };
}

/** The TEST-ONLY key files by role (ext.testKeys): `.pem` files whose names say `test`, inside spec/. */
export function testKeysOf(doc: OpenApiDocument): TestKeys {
  const value = carried(doc, ext.testKeys);
  if (!isObject(value)) throw new SpecError([`${ext.testKeys} must map ${testKeyRoles.join(', ')} to key files`]);
  const problems: string[] = [];
  for (const role of testKeyRoles) {
    const path = value[role];
    if (typeof path !== 'string' || !/^(?:[\w-]+\/)*[\w.-]*test[\w.-]*\.pem$/.test(path))
      problems.push(`${ext.testKeys}.${role} must be a relative path to a .pem file whose name contains "test"`);
  }
  const extra = Object.keys(value).filter((key) => !(testKeyRoles as readonly string[]).includes(key));
  if (extra.length > 0) problems.push(`${ext.testKeys} has unknown roles: ${extra.join(', ')}`);
  if (new Set(Object.values(value)).size !== Object.keys(value).length)
    problems.push(`${ext.testKeys} names one file for two roles`);
  if (problems.length > 0) throw new SpecError(problems);
  return value as TestKeys;
}

/** The file name a key file is published under (its last path segment). */
export const keyFileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The JWE test vector (ext.jweTestVector): which TEST-ONLY private key opens it, and to what. */
export function jweTestVectorOf(doc: OpenApiDocument): JweTestVector {
  const value = carried(doc, ext.jweTestVector);
  if (!isObject(value)) throw new SpecError([`${ext.jweTestVector} must be an object: key, plaintext, jwe`]);
  const problems: string[] = [];
  if (value.key !== 'serverPrivateKey' && value.key !== 'clientPrivateKey')
    problems.push(`${ext.jweTestVector}.key must name a private key of ${ext.testKeys}`);
  if (typeof value.plaintext !== 'string') problems.push(`${ext.jweTestVector}.plaintext must be the decrypted text`);
  if (typeof value.jwe !== 'string' || value.jwe.split('.').length !== 5)
    problems.push(`${ext.jweTestVector}.jwe must be a JWE in compact serialization (five parts)`);
  if (problems.length > 0) throw new SpecError(problems);
  return value as unknown as JweTestVector;
}

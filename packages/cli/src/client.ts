// Everything the CLI signs, encrypts, validates or sends goes through the
// client package (@konaplate-contract/client): this module only names what
// the commands use, so there is one way to sign in this repository.
import {
  createKonaplateClient,
  KonaplateClientError,
  KonaplateConfigError,
  KonaplateError,
  KonaplateTransportError,
  KonaplateValidationError,
  time17,
  tranToken,
} from '@konaplate-contract/client';
import { doc, effectiveSchema, findOperation, type JsonObject } from './contract.ts';
import { brokenKeywords, describeRule, jsonType } from './keywords.ts';

export {
  createKonaplateClient,
  KonaplateClientError,
  KonaplateConfigError,
  KonaplateError,
  KonaplateTransportError,
  KonaplateValidationError,
};

export interface SigningCredentials {
  aspId: string;
  accessKey: string;
  secretKey: string;
  timeZone?: string;
  now?: () => number;
  cryptoKeyId?: string;
}

export interface EncryptionKeys {
  keyId: string;
  serverPublicKey: string;
  clientPrivateKey: string;
}

/** The X-KM-* request headers for a body text, token over exactly that text. */
export async function signHeaders(credentials: SigningCredentials, bodyText: string): Promise<Record<string, string>> {
  const zone = (credentials.timeZone ?? 'KST') as Parameters<typeof time17>[1];
  const time = time17((credentials.now ?? Date.now)(), zone);
  const random = crypto.getRandomValues(new Uint8Array(4));
  const hex = Array.from(random, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 7);
  return {
    'X-KM-User-AspId': credentials.aspId,
    'X-KM-Correlation-Id': `${time.slice(2, 14)}-${hex}`,
    'X-KM-Access-Key': credentials.accessKey,
    ...(credentials.cryptoKeyId ? { 'X-KM-Crypto-Key-Id': credentials.cryptoKeyId } : {}),
    'X-KM-Tran-Token': await tranToken(credentials.secretKey, time, bodyText),
    'X-KM-Tran-Time': time.slice(0, 14),
    'X-KM-Time-Zone': zone,
  };
}

/** The `{"encData": JWE}` text of a plaintext body, encrypted to the server's key. */
export async function encryptBody(_keys: EncryptionKeys, _plaintext: string): Promise<string> {
  throw new Error('encryptBody arrives with the client rework (issue 9)');
}

/** Throws KonaplateValidationError naming the first field of `body` that breaks the operation's rules. */
export function validateRequest(operationId: string, body: unknown): void {
  const operation = findOperation(operationId);
  if (!operation) throw new KonaplateValidationError('operationId', 'enum', `unknown operation ${operationId}`);
  if (jsonType(body) !== 'object')
    throw new KonaplateValidationError('body', 'type', 'the request body must be an object', operationId);
  for (const field of operation.body) {
    const value = (body as Record<string, unknown>)[field.name];
    if (value === undefined) {
      if (field.required)
        throw new KonaplateValidationError(field.name, 'required', `${field.name} is required`, operationId);
      continue;
    }
    const broken = brokenKeywords(field.schema, value)[0];
    if (broken)
      throw new KonaplateValidationError(
        field.name,
        broken,
        `${field.name} ${describeRule(field.schema, broken)}`,
        operationId,
      );
  }
}

/** What in a success payload breaks the operation's response schema: field path, rule, message (never the value). */
export function checkResponse(
  operationId: string,
  body: unknown,
): Array<{ field: string; rule: string; message: string }> {
  const operation = findOperation(operationId);
  const problems: Array<{ field: string; rule: string; message: string }> = [];
  const visit = (schema: JsonObject, value: unknown, path: string) => {
    const flat = effectiveSchema(doc, schema);
    const broken = brokenKeywords(flat, value)[0];
    if (broken) {
      problems.push({ field: path, rule: broken, message: `${path} ${describeRule(flat, broken)}` });
      return;
    }
    if (flat.type === 'object' && value && typeof value === 'object') {
      for (const name of (flat.required ?? []) as string[])
        if (!(name in value))
          problems.push({ field: `${path}.${name}`, rule: 'required', message: `${path}.${name} is required` });
      for (const [name, property] of Object.entries((flat.properties ?? {}) as Record<string, JsonObject>)) {
        const child = (value as Record<string, unknown>)[name];
        if (child !== undefined) visit(property, child, path ? `${path}.${name}` : name);
      }
    }
    if (flat.type === 'array' && Array.isArray(value)) {
      if (typeof flat.maxItems === 'number' && value.length > flat.maxItems)
        problems.push({ field: path, rule: 'maxItems', message: `${path} has more than ${flat.maxItems} items` });
      value.forEach((item, i) => {
        visit((flat.items ?? {}) as JsonObject, item, `${path}[${i}]`);
      });
    }
  };
  if (operation) visit(operation.successSchema, body, '');
  return problems.map((p) => ({ ...p, field: p.field.replace(/^\./, ''), message: p.message.replace(/^\./, '') }));
}

// What every sample is made of, read from the spec through @konaplate-contract/contract: the operation's
// method, path and documented success request, the common headers and what fills each, the zone of the
// request time, the token's prefix, the environment variables, and for encryption the envelope's field,
// the JWE algorithms and the TEST-ONLY key files. The renderers type none of these.
import type { HeaderValueSource, OpenApiDocument, OperationObject } from '@konaplate-contract/contract';
import {
  commonHeaderValues,
  envelopeField,
  ext,
  jweAlgorithmsOf,
  keyFileName,
  koreanTwin,
  operationsOf,
  plaintextRequest,
  SpecError,
  testKeysOf,
  testVectorOf,
  utcOffsets,
} from '@konaplate-contract/contract';
import { environmentVariables } from '@konaplate-contract/contract/protocol';
import type { Language } from '../docs-text.ts';

/** Everything a call sample needs, for one operation. */
export interface CallFacts {
  operationId: string;
  /** The operation's summary in the sample's language (its first comment line). */
  summary: string;
  /** Upper case (`POST`). */
  method: string;
  path: string;
  /** The first server's URL: the default when the base URL variable is not set. */
  sandboxUrl: string;
  /** The request body's media type (`application/json`). */
  contentType: string;
  /** The documented success request (the plaintext example). */
  payload: unknown;
  /** The payload as the exact bytes sent: JSON without white space. */
  body: string;
  /** The common headers a call sends, in the spec's order, with what fills each (plaintext: the required ones). */
  headers: Array<{ name: string; source: HeaderValueSource }>;
  /** The key-id header, sent with an encrypted body only. */
  keyIdHeader: string;
  /** The zone of X-KM-Tran-Time and its offset from UTC in minutes: the first of the spec's accepted zones. */
  zone: { name: string; offsetMinutes: number };
  /** The tran token's version prefix (`KMV1`), as the spec's test vector has it. */
  tokenPrefix: string;
  env: typeof environmentVariables;
}

/** Everything the encryption samples need besides a call's facts. */
export interface EncryptionFacts {
  /** The envelope's one field (`encData`). */
  envelope: string;
  alg: string;
  requestEnc: string;
  responseEnc: string[];
  /** The published file names of Konaplate's TEST-ONLY public key and the partner's TEST-ONLY private key. */
  serverPublicKeyFile: string;
  clientPrivateKeyFile: string;
}

/** The bytes of the content key of an AES-GCM `enc` (`A128GCM` is 16). */
export function contentKeyBytes(enc: string): number {
  const bits = /^A(128|192|256)GCM$/.exec(enc)?.[1];
  if (!bits) throw new SpecError([`the samples encrypt with AES-GCM only, not ${enc}`]);
  return Number(bits) / 8;
}

function operationOf(doc: OpenApiDocument, operationId: string) {
  const found = operationsOf(doc).find((o) => o.operation.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

/** The facts of one operation's call, in a language (only the summary changes with it). */
export function callFacts(doc: OpenApiDocument, operationId: string, language: Language): CallFacts {
  const { method, path, operation } = operationOf(doc, operationId);
  const payload = plaintextRequest(doc, operation as OperationObject);
  const all = commonHeaderValues(doc);
  const keyIdHeader = all.find((h) => h.source === 'cryptoKeyId')?.name;
  if (!keyIdHeader) throw new SpecError([`the samples need the key-id header (${ext.value}: cryptoKeyId)`]);
  const [zone, offsetMinutes] = Object.entries(utcOffsets(doc))[0] ?? [];
  if (zone === undefined || offsetMinutes === undefined)
    throw new SpecError([`the samples need an accepted time zone (${ext.utcOffsets} on TimeZone)`]);
  const tokenPrefix = String(testVectorOf(doc)?.token ?? '').split(':')[0];
  if (!tokenPrefix) throw new SpecError(["the samples take the token's prefix from the signing test vector"]);
  const sandboxUrl = (doc.servers as Array<{ url: string }> | undefined)?.[0]?.url;
  if (!sandboxUrl) throw new SpecError(['the samples need a server to default to']);
  const contentType = Object.keys(operation.requestBody?.content ?? {})[0];
  if (!contentType) throw new SpecError([`${operationId} has no request body to send`]);
  const summary = String(
    (language === 'ko' ? operation[koreanTwin.summary] : undefined) ?? operation.summary ?? operationId,
  );
  return {
    operationId,
    summary,
    method: method.toUpperCase(),
    path,
    sandboxUrl,
    contentType,
    payload,
    body: JSON.stringify(payload),
    headers: all.filter((h) => h.required).map(({ name, source }) => ({ name, source })),
    keyIdHeader,
    zone: { name: zone, offsetMinutes },
    tokenPrefix,
    env: environmentVariables,
  };
}

/** The facts the encryption samples add to a call's. */
export function encryptionFacts(doc: OpenApiDocument): EncryptionFacts {
  const algorithms = jweAlgorithmsOf(doc);
  const keys = testKeysOf(doc);
  return {
    envelope: envelopeField(doc),
    ...algorithms,
    serverPublicKeyFile: keyFileName(keys.serverPublicKey),
    clientPrivateKeyFile: keyFileName(keys.clientPrivateKey),
  };
}

/** The operation the encryption guide's samples call: the spec's first. */
export function firstOperationId(doc: OpenApiDocument): string {
  const first = operationsOf(doc)[0]?.operation.operationId;
  if (!first) throw new SpecError(['the encryption samples need an operation to call']);
  return first;
}

/** Each header's value in a sample, by what fills it; a required header the sample cannot fill is a SpecError. */
export function headerValues(
  facts: CallFacts,
  values: Partial<Record<HeaderValueSource, string>>,
  sample: string,
  encrypted = false,
): Array<{ name: string; value: string }> {
  const withKeyId = encrypted && !facts.headers.some((h) => h.source === 'cryptoKeyId');
  const headers = withKeyId
    ? [...facts.headers, { name: facts.keyIdHeader, source: 'cryptoKeyId' as const }]
    : facts.headers;
  return headers.map(({ name, source }) => {
    const value = values[source];
    if (value === undefined) throw new SpecError([`the ${sample} sample cannot fill the header ${name} (${source})`]);
    return { name, value };
  });
}

/** The settings every call sample reads from the environment, as its comment lists them. */
export const callSettingNames = (env: CallFacts['env']): string =>
  [env.baseUrl, env.aspId, env.accessKey, env.secretKey].join(', ');

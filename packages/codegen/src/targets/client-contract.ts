// Target: the client's run-time view of the spec (generated/client/contract.ts): the client reads no
// document, only this module.
import { headerValueSources, type OpenApiDocument } from '@konaplate-contract/contract';
import { clientContract } from '../client-contract.ts';
import { banner, type GeneratedFile, type Target } from '../target.ts';

/** A JSDoc block of plain text (no comment terminator can leak out). */
const jsdoc = (text: string, indent = '  ') =>
  `${indent}/**\n${text
    .replace(/\*\//g, '*\\/')
    .split('\n')
    .map((line) => `${indent} *${line ? ` ${line}` : ''}`)
    .join('\n')}\n${indent} */`;

/** The client's run-time view of the spec: servers, operations, request and response rules, codes, zones. */
export function clientFiles(doc: OpenApiDocument): GeneratedFile[] {
  const contract = clientContract(doc);
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  // The common header rules are written once and shared by the operations that use them.
  const shared = new Map<string, string>();
  for (const { headers } of Object.values(contract.requestRules)) {
    const key = JSON.stringify(headers);
    if (!shared.has(key)) shared.set(key, `headerRules${shared.size === 0 ? '' : shared.size + 1}`);
  }
  const headerConstants = [...shared].map(
    ([text, name]) =>
      `/** Request header rules (the common headers), shared by the operations that use them. */\nconst ${name}: Readonly<Record<string, FieldRule>> = ${json(JSON.parse(text))};`,
  );
  const requestEntries = Object.entries(contract.requestRules).map(
    ([id, { headers, body }]) =>
      `  ${JSON.stringify(id)}: {\n    "headers": ${shared.get(JSON.stringify(headers))},\n    "body": ${json(body).replace(/\n/g, '\n    ')}\n  }`,
  );
  const docs = Object.entries(contract.operations).map(
    ([id, op]) =>
      `${jsdoc(`${op.summary}.${op.description ? `\n\n${op.description}` : ''}\n\n\`${op.method.toUpperCase()} ${op.path}\``)}\n  ${id}: true;`,
  );
  const content = `${banner('spec/')}
/** A value's constraints: a request is checked before it is sent, a success payload before it becomes data. */
export interface FieldRule {
  readonly required: boolean;
  readonly type: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly properties?: Readonly<Record<string, FieldRule>>;
  readonly items?: FieldRule;
}

/** Servers of the spec: the public sandbox, and production with its host to fill in. */
export const servers = ${json(contract.servers)} as const;

/** Each operation: method, path, summary, whether a retry is safe (x-idempotent), HTTP status of success. */
export const operations = ${json(contract.operations)} as const;

/** The operation IDs of the spec. */
export type OperationId = keyof typeof operations;

/** One entry per operation, carrying its documentation (the client's methods are mapped from it). */
export interface OperationDocs {
${docs.join('\n')}
}

${headerConstants.join('\n\n')}

/** Each operation's request constraints (headers and plaintext body), checked before sending. */
export const requestRules: Readonly<Record<OperationId, { headers: Readonly<Record<string, FieldRule>>; body: FieldRule }>> = {\n${requestEntries.join(',\n')}\n};

/** Each operation's success payload (plaintext), checked before it becomes data. */
export const responseRules: Readonly<Record<OperationId, FieldRule>> = ${json(contract.responseRules)};

/** The one result code that means success. */
export const successCode = ${JSON.stringify(contract.successCode)} as const;

/** What fills a common request header (x-value on its parameter). */
export type HeaderValue = ${headerValueSources.map((v) => JSON.stringify(v)).join(' | ')};

/** The common request headers in the spec's order, each with what fills it. */
export const headerValues: ReadonlyArray<readonly [string, HeaderValue]> = ${JSON.stringify(contract.headerValues)};

/** The field of the encrypted envelope, \`{"<field>": "<JWE>"}\` (the one required field of EncryptedEnvelope). */
export const envelopeField = ${JSON.stringify(contract.envelopeField)} as const;

/** The HTTP status the registry gives each result code. */
export const codeStatus: Readonly<Record<string, number>> = ${json(contract.codeStatus)};

/** Fields and headers marked x-sensitive: 'last4' may show the last four characters, 'hidden' nothing. */
export const sensitive: Readonly<Record<string, 'last4' | 'hidden'>> = ${json(contract.sensitive)};

/** Time zones the client can compute X-KM-Tran-Time in, with their offsets from UTC in minutes. */
export const utcOffsets = ${json(contract.utcOffsets)} as const;
`;
  return [{ path: 'client/contract.ts', content }];
}
export const clientContractTarget: Target = { name: 'client contract', kind: 'generated', files: clientFiles };

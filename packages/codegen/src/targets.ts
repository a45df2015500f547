import { readFile } from 'node:fs/promises';
import {
  type ErrorRegistry,
  ext,
  headerValueSources,
  type JsonObject,
  type OpenApiDocument,
} from '@konaplate-contract/contract';
import openapiTS, { astToString } from 'openapi-typescript';
import { stringify } from 'yaml';
import { clientContract } from './client-contract.ts';
import { type DeriveOptions, deriveBundle } from './derive.ts';
import { mockScenarios } from './mock-scenarios.ts';
import { registrySchemaPath, repoRoot, specEntry } from './paths.ts';
import { mockReadme, quickStartReadme } from './qa-quick-start.ts';
import { bundleSpec } from './redocly.ts';
import { withRegion } from './regions.ts';

/** A generated file: its path under generated/ and its exact content. */
export interface GeneratedFile {
  path: string;
  content: string;
}

const banner = (source: string) =>
  `// Generated from ${source} by \`pnpm generate\`. Do not edit: change the spec and regenerate.\n`;

/** The bundled spec with everything derived from the registry filled in. */
export async function buildBundle(entry = specEntry, options: DeriveOptions = {}): Promise<OpenApiDocument> {
  const registrySchema = JSON.parse(await readFile(registrySchemaPath, 'utf8')) as JsonObject;
  return deriveBundle(await bundleSpec(entry), registrySchema, options);
}

export function bundleFiles(doc: OpenApiDocument): GeneratedFile[] {
  return [
    {
      path: 'openapi.yaml',
      content: stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false, version: '1.1', singleQuote: true }),
    },
    { path: 'openapi.json', content: `${JSON.stringify(doc, null, 2)}\n` },
  ];
}

export async function typeFiles(doc: OpenApiDocument): Promise<GeneratedFile[]> {
  const ast = await openapiTS(structuredClone(doc) as never, { alphabetize: false });
  return [{ path: 'types/openapi.ts', content: banner('spec/') + astToString(ast) }];
}

/** The registry as a typed constant, so code can name codes without restating them. */
export function errorCodeFiles(doc: OpenApiDocument): GeneratedFile[] {
  const registry: ErrorRegistry = doc[ext.errorRegistry];
  const entries = Object.fromEntries(
    Object.entries(registry).map(([code, e]) => [
      code,
      {
        httpStatus: e.httpStatus,
        message: e.message,
        ...(e.messageWithField ? { messageWithField: e.messageWithField } : {}),
        description: e.description,
        meaning: e.meaning,
        operations: e.operations,
        status: e.status,
        ...(e.validationKeywords ? { validationKeywords: e.validationKeywords } : {}),
      },
    ]),
  );
  const content = `${banner('spec/registry/error-codes.yaml')}
/** Every result code this contract knows, with its HTTP status, texts and the operations that return it. */
export const errorRegistry = ${JSON.stringify(entries, null, 2)} as const;

/** Any registered result code, success included. */
export type ResultCode = keyof typeof errorRegistry;

/** Registered codes that are errors (HTTP 400 and above). */
export type ErrorCode = {
  [C in ResultCode]: (typeof errorRegistry)[C]['httpStatus'] extends 200 ? never : C;
}[ResultCode];

/** Codes whose value is this contract's placeholder, not confirmed by the platform. */
export type ProvisionalCode = {
  [C in ResultCode]: (typeof errorRegistry)[C]['status'] extends 'provisional' ? C : never;
}[ResultCode];

/** Operation IDs of the spec. */
export type OperationId = (typeof errorRegistry)[ResultCode]['operations'][number];
`;
  return [{ path: 'types/error-codes.ts', content }];
}

/** The mock's scenario table (which request reaches which example) and validation-keyword codes. */
export function mockFiles(doc: OpenApiDocument): GeneratedFile[] {
  return [{ path: 'mock/scenarios.json', content: `${JSON.stringify(mockScenarios(doc), null, 2)}\n` }];
}

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

/** The operations of the spec as a Markdown list: method, path, operationId and summary. */
export function operationsMarkdown(doc: OpenApiDocument): string {
  const { operations } = clientContract(doc);
  const lines = Object.entries(operations).map(
    ([id, op]) =>
      `- \`${op.method.toUpperCase()} ${op.path}\`: \`${id}\`, ${op.summary.charAt(0).toLowerCase()}${op.summary.slice(1)}.`,
  );
  return `<!-- Generated from spec/ by \`pnpm generate\`: do not edit between the markers. -->
The spec's ${lines.length} operations (each is a client method, a mock route, a CLI operation and a docs page):

${lines.join('\n')}`;
}

/**
 * Generated regions of files outside generated/ (paths from the repository root): the QA quick start of
 * packages/mock/README.md and the operation list of README.md.
 */
export async function outsideFiles(doc: OpenApiDocument): Promise<GeneratedFile[]> {
  const readme = await readFile(`${repoRoot}README.md`, 'utf8');
  return [
    { path: mockReadme.path, content: await quickStartReadme(doc) },
    { path: 'README.md', content: withRegion('README.md', readme, 'operations', operationsMarkdown(doc)) },
  ];
}

export function readmeFile(files: GeneratedFile[]): GeneratedFile {
  const list = [...files.map((f) => f.path), 'README.md']
    .sort()
    .map((p) => `- \`${p}\``)
    .join('\n');
  return {
    path: 'README.md',
    content: `# generated/

Everything here is derived from \`spec/\` by \`pnpm generate\`, committed so that
consumers can read it without a build, and never edited by hand:
\`pnpm check:drift\` (part of \`pnpm test\`) fails when it differs from a fresh
generation. Change the spec, then run \`pnpm generate\`.

${list}
`,
  };
}

import { readFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';
import { stringify } from 'yaml';
import { clientContract } from './client-contract.ts';
import { type DeriveOptions, deriveBundle } from './derive.ts';
import { mockScenarios } from './mock-scenarios.ts';
import type { ErrorRegistry, JsonObject, OpenApiDocument } from './openapi-document.ts';
import { registrySchemaPath, specEntry } from './paths.ts';
import { bundleSpec } from './redocly.ts';

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
  const registry: ErrorRegistry = doc['x-error-registry'];
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

/**
 * The request rules as TypeScript: header rule sets that several operations
 * share (the common headers) are written once and referenced.
 */
function requestRulesSource(rules: ReturnType<typeof clientContract>['requestRules']): string {
  const shared = new Map<string, string>();
  for (const { headers } of Object.values(rules)) {
    const key = JSON.stringify(headers);
    if (!shared.has(key)) shared.set(key, `headerRules${shared.size === 0 ? '' : shared.size + 1}`);
  }
  const constants = [...shared].map(
    ([json, name]) =>
      `/** Request header rules (the common headers), shared by the operations that use them. */\nconst ${name} = ${JSON.stringify(JSON.parse(json), null, 2)} as const;`,
  );
  const operations = Object.entries(rules).map(
    ([id, { headers, body }]) =>
      `  ${JSON.stringify(id)}: {\n    "headers": ${shared.get(JSON.stringify(headers))},\n    "body": ${JSON.stringify(body, null, 2).replace(/\n/g, '\n    ')}\n  }`,
  );
  return `${constants.join('\n\n')}

/** Each operation's request constraints (headers and plaintext body), checked before sending. */
export const requestRules = {\n${operations.join(',\n')}\n} as const;`;
}

/** The client's run-time view of the spec: servers, routes, request rules, sensitive names, zones. */
export function clientFiles(doc: OpenApiDocument): GeneratedFile[] {
  const contract = clientContract(doc);
  const content = `${banner('spec/')}
/** Servers of the spec: the public sandbox, and production with its host to fill in. */
export const servers = ${JSON.stringify(contract.servers, null, 2)} as const;

/** Method and path of each operation. */
export const operations = ${JSON.stringify(contract.operations, null, 2)} as const;

${requestRulesSource(contract.requestRules)}

/** Fields and headers marked x-sensitive: 'last4' may show the last four characters, 'hidden' nothing. */
export const sensitive: Readonly<Record<string, 'last4' | 'hidden'>> = ${JSON.stringify(contract.sensitive, null, 2)};

/** Time zones the client can compute X-KM-Tran-Time in, with their offsets from UTC in minutes. */
export const utcOffsets = ${JSON.stringify(contract.utcOffsets, null, 2)} as const;
`;
  return [{ path: 'client/contract.ts', content }];
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

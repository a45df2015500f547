// The partner docs: a docs view of the bundle (guides rendered from the spec's
// own data into info.description, code samples per operation), built into one
// self-contained HTML page by Redocly CLI. No fact is written here twice:
// every header, code, scenario and conflict comes from the spec.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWhen, type MockScenarios } from '@konaplate-contract/mock/scenarios';
import type { JsonObject, OpenApiDocument, SourceConflict } from './openapi-document.ts';
import { effectiveSchema, examplesOf, operationsOf, resolveLocal } from './openapi-document.ts';
import { redocly } from './redocly.ts';

const cell = (text: unknown) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n+/g, ' ');
const table = (head: string[], rows: unknown[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');

const firstSentence = (text: unknown) =>
  String(text ?? '')
    .split('\n\n')[0]
    ?.replace(/\s+/g, ' ') ?? '';

function headersGuide(doc: OpenApiDocument): string {
  const first = operationsOf(doc)[0]?.operation;
  const rows = (first?.parameters ?? []).map((node) => {
    const p = resolveLocal<JsonObject>(doc, node);
    const s = effectiveSchema(doc, p.schema as JsonObject);
    const length = s.minLength === s.maxLength ? String(s.maxLength) : `${s.minLength ?? 0}–${s.maxLength}`;
    return [`\`${p.name}\``, p.required ? 'yes' : 'no', length, `\`${s.pattern ?? ''}\``, firstSentence(p.description)];
  });
  const scheme = doc.components.securitySchemes.TranToken as JsonObject & { 'x-test-vector': Record<string, string> };
  const v = scheme['x-test-vector'];
  return `# Authentication and signing

Every call carries these headers, the same on both operations:

${table(['header', 'required', 'length', 'pattern', 'meaning'], rows)}

## The tran token

${scheme.description}

## Test vector

Compute this yourself before your first call; this contract's tests recompute it on every run.

| input | value |
| --- | --- |
| secret key | \`${v.secretKey}\` |
| request time (17 digits, KST) | \`${v.requestTime}\` |
| body, exactly as sent | \`${v.body}\` |
| **X-KM-Tran-Token** | \`${v.token}\` |

With the TypeScript client, none of this is built by hand: \`createKonaplateClient\` fills every header, signs the exact bytes it sends, and signs a retry anew.`;
}

function encryptionGuide(doc: OpenApiDocument): string {
  const s = doc.components.schemas;
  return `# Encryption

Request and response bodies of both operations may travel encrypted. When you encrypt, send
\`X-KM-Crypto-Key-Id\` and sign the envelope, not the plaintext.

${s.EncryptedEnvelope?.description}

${s.JweCompact?.description}

| key | held by | used to |
| --- | --- | --- |
| server public key (RSA-2048) | you, from Konaplate | encrypt request bodies |
| server private key | Konaplate | decrypt request bodies |
| client public key | Konaplate, from you | encrypt response bodies |
| client private key | you | decrypt response bodies |

${s.ErrorResponse?.description}`;
}

function errorGuide(doc: OpenApiDocument): string {
  const rows = Object.entries(doc['x-error-registry']).map(([code, e]) => [
    `\`${code}\``,
    e.status === 'provisional' ? '**provisional**' : 'published',
    e.httpStatus,
    e.message,
    e.description,
    e.operations.join(', '),
  ]);
  return `# Error codes

Every outcome is in the body's \`response.code\`; every error is HTTP 400. This table is the
contract's error registry: examples, the client's error types and the mock derive from it.

${table(['code', 'status', 'HTTP', 'message', 'description (Korean)', 'operations'], rows)}

A **provisional** code is a placeholder code, not published by Konaplate: the source pages name
the outcome by its message only. A message may name the field at fault (\`Invalid input parameter. cardNo\`). Match on the code; for a
**provisional** code, match on the HTTP status and message until Konaplate confirms the code.`;
}

function scenarioGuide(doc: OpenApiDocument, scenarios: MockScenarios): string {
  const sections = scenarios.operations.map((op) => {
    const rows = op.scenarios.map((s) => [
      `\`${s.example}\``,
      `${s.status} \`${s.code}\`${s.provisional ? ' (provisional)' : ''}`,
      s.summary,
      describeWhen(s.when),
      `\`Prefer: example=${s.example}\``,
    ]);
    return `## ${op.method.toUpperCase()} ${op.path}\n\n${table(['scenario', 'answer', 'summary', 'by request content', 'or by header'], rows)}`;
  });
  const seeds = operationsOf(doc).flatMap(({ operation }) =>
    examplesOf(doc, operation)
      .filter((e) => e.example['x-seed-test-data'])
      .map((e) => [`\`${operation.operationId}\``, e.example['x-seed-test-data'], `\`${e.key}\``]),
  );
  return `# Test scenarios

Every named example is a scenario of the QA mock (\`pnpm mock\`), reached by a designated test card
(or an encrypted body, or a missing value) or by the \`Prefer\` header. Any other valid card gets the
success answer for that card.

${sections.join('\n\n')}

## The source pages' Test Data

${table(['operation', 'Test Data on the page', 'scenario'], seeds)}`;
}

function conflictGuide(doc: OpenApiDocument): string {
  const found: Array<[string, SourceConflict]> = [];
  const visit = (node: unknown, where: string) => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) visit(item, `${where}[${i}]`);
    } else if (node && typeof node === 'object') {
      for (const conflict of ((node as JsonObject)['x-source-conflicts'] as SourceConflict[] | undefined) ?? [])
        found.push([where, conflict]);
      for (const [key, value] of Object.entries(node))
        if (key !== 'x-source-conflicts') visit(value, where ? `${where}.${key}` : key);
    }
  };
  visit(doc, '');
  const rows = found.map(([where, c]) => [
    `\`${where.replace(/^components\.|^paths\./, '')}\``,
    c.pages,
    c.evidence,
    c.decision,
  ]);
  return `# Where the sources disagree

This contract is written from Konaplate's API pages and from what real integrations send. Where they
disagree, it follows the integrations, and says so beside the field. All ${found.length} decisions:

${table(['where', 'the source pages', 'evidence', 'this contract'], rows)}`;
}

function changelog(doc: OpenApiDocument): string {
  const entries = (doc['x-changelog'] ?? []) as Array<{ version: string; date: string; changes: string[] }>;
  return `# Changelog\n\n${entries.map((e) => `## ${e.version} (${e.date})\n\n${e.changes.map((c) => `- ${c}`).join('\n')}`).join('\n\n')}`;
}

function overview(doc: OpenApiDocument): string {
  const servers = (doc.servers as Array<{ url: string; description: string }>).map(
    (s) => `- \`${s.url}\`: ${firstSentence(s.description)}`,
  );
  const ops = operationsOf(doc).map(
    ({ method, path, operation }) =>
      `- \`${method.toUpperCase()} ${path}\` (\`${operation.operationId}\`): ${operation.summary}.`,
  );
  return `# Overview

${(doc.info as { description: string }).description}

${ops.join('\n')}

## Servers

${servers.join('\n')}

## The life of a request

1. Build the JSON body; check it against the field rules below (the client does this for you).
2. Optionally encrypt it into \`{"encData": "<JWE>"}\` (see Encryption).
3. Sign the exact bytes you will send and fill the seven headers (see Authentication and signing).
4. \`POST\` it. Read \`response.code\`: \`000_000\` is success; anything else is in Error codes.
5. Decrypt an \`encData\` answer with your private key.`;
}

/** Code samples of an operation: curl (bash and openssl for the token) and the TypeScript client. */
export function codeSamples(
  doc: OpenApiDocument,
  operationId: string,
): Array<{ lang: string; label: string; source: string }> {
  const found = operationsOf(doc).find((o) => o.operation.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  const request = examplesOf(doc, found.operation).find((e) => e.where === 'request' && e.key === 'plaintext');
  const body = JSON.stringify(request?.example.value);
  const sandbox = (doc.servers as Array<{ url: string }>)[0]?.url;
  const recipes: Record<string, string> = {
    'X-KM-User-AspId': '$KONAPLATE_ASP_ID',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash parameter expansion in the curl sample
    'X-KM-Correlation-Id': '${TIME:2}-$(openssl rand -hex 4 | cut -c1-7)',
    'X-KM-Access-Key': '$KONAPLATE_ACCESS_KEY',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash parameter expansion in the curl sample
    'X-KM-Tran-Token': 'KMV1:${TIME}000:$MAC',
    'X-KM-Tran-Time': '$TIME',
    'X-KM-Time-Zone': 'KST',
  };
  const headers = (found.operation.parameters ?? [])
    .map((node) => resolveLocal<JsonObject>(doc, node))
    .filter((p) => p.required === true)
    .map((p) => {
      const recipe = recipes[String(p.name)];
      if (!recipe) throw new Error(`no curl recipe for the required header ${String(p.name)}`);
      return `  -H "${p.name}: ${recipe}" \\`;
    });
  const curl = [
    `BODY='${body}'`,
    'TIME=$(TZ=Asia/Seoul date +%Y%m%d%H%M%S)',
    `MAC=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$KONAPLATE_SECRET_KEY" -binary | base64)`,
    `curl -sS -X ${found.method.toUpperCase()} "\${KONAPLATE_BASE_URL:-${sandbox}}${found.path}" \\`,
    `  -H 'Content-Type: application/json' \\`,
    ...headers,
    '  --data "$BODY"',
  ].join('\n');
  const ts = `import { createKonaplateClient } from '@konaplate-contract/client';

const konaplate = createKonaplateClient({
  baseUrl: process.env.KONAPLATE_BASE_URL ?? '${sandbox}',
  aspId: process.env.KONAPLATE_ASP_ID ?? '',
  accessKey: process.env.KONAPLATE_ACCESS_KEY ?? '',
  secretKey: process.env.KONAPLATE_SECRET_KEY ?? '',
});
const { data, error } = await konaplate.${operationId}(${body});
if (error) console.error(error.toString());
else console.log(JSON.stringify(data));
`;
  return [
    { lang: 'Shell', label: 'curl', source: curl },
    { lang: 'TypeScript', label: 'TypeScript client', source: ts },
  ];
}

/** The bundle as the docs show it: guides in info.description, code samples on each operation. */
export function docsSpec(bundle: OpenApiDocument, scenarios: MockScenarios): OpenApiDocument {
  const doc = structuredClone(bundle);
  const guides = [
    overview(bundle),
    headersGuide(bundle),
    encryptionGuide(bundle),
    errorGuide(bundle),
    scenarioGuide(bundle, scenarios),
    conflictGuide(bundle),
    changelog(bundle),
  ];
  (doc.info as { description: string }).description = guides.join('\n\n');
  for (const { operation } of operationsOf(doc))
    operation['x-codeSamples'] = codeSamples(bundle, operation.operationId);
  return doc;
}

/**
 * Redoc's "API docs by Redocly" badge loads its logo from Redocly's CDN, the one
 * request the page would make; the badge keeps its link, with the logo drawn inline.
 */
export function inlineAttributionLogo(html: string): string {
  const logo = (width: number, text: string) =>
    `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#555">${text}</text></svg>`)}`;
  const out = html
    .replaceAll('https://cdn.redoc.ly/redoc/logo-mini-full.svg', logo(52, 'Redocly'))
    .replaceAll('https://cdn.redoc.ly/redoc/logo-mini.svg', logo(12, 'R'));
  if (out.includes('cdn.redoc.ly')) throw new Error('the docs page still refers to cdn.redoc.ly');
  return out;
}

/** One self-contained HTML page (Redoc inlined, no request leaves it), built by Redocly CLI. */
export async function docsHtml(doc: OpenApiDocument): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kona-docs-'));
  try {
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(doc));
    const out = join(dir, 'index.html');
    await redocly([
      'build-docs',
      join(dir, 'openapi.json'),
      '--inlineBundle',
      '--output',
      out,
      '--title',
      String((doc.info as { title: string }).title),
    ]);
    return inlineAttributionLogo(await readFile(out, 'utf8'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

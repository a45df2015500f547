// For coding agents: llms.txt (llmstxt.org) at the docs' root, and one Markdown
// page per operation and per guide under md/, all from the spec (English).

import type { JsonObject, MockScenarios, OpenApiDocument, OperationObject } from '@konaplate-contract/contract';
import {
  effectiveSchema,
  envelopeField,
  examplesOf,
  ext,
  operationsOf,
  plaintextSchema,
} from '@konaplate-contract/contract';
import { codeSamples } from './docs.ts';
import {
  commonHeaders,
  firstParagraph,
  firstSentence,
  lengthOf,
  renderGuides,
  table,
  whenText,
} from './docs-guides.ts';
import { plainText } from './docs-text.ts';
import { sampleMarkdown } from './samples/index.ts';

/** One row per field of a schema, nested objects and arrays of objects flattened (`a.b`, `a[].b`). */
export function fieldRows(doc: OpenApiDocument, schema: JsonObject, prefix = ''): string[][] {
  const object = effectiveSchema(doc, schema);
  const required = new Set((object.required as string[] | undefined) ?? []);
  return Object.entries((object.properties ?? {}) as Record<string, JsonObject>).flatMap(([name, node]) => {
    const field = effectiveSchema(doc, node);
    const path = `${prefix}${name}`;
    const items = field.type === 'array' ? effectiveSchema(doc, field.items as JsonObject) : undefined;
    const type = items ? `array of ${items.type}` : `${field.type}${field.format ? ` (${field.format})` : ''}`;
    const rule = [
      field.pattern ? `pattern \`${field.pattern}\`` : '',
      field.enum ? `one of ${(field.enum as string[]).map((v) => `\`${v}\``).join(', ')}` : '',
      field.minimum !== undefined ? `${field.minimum} to ${field.maximum}` : '',
      field.maxItems !== undefined ? `at most ${field.maxItems} items` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const conflicts = (node[ext.sourceConflicts] ?? field[ext.sourceConflicts]) as unknown[] | undefined;
    const meaning = `${firstParagraph(field.description)}${conflicts?.length ? ' (source conflict: see [source-conflicts.md](source-conflicts.md))' : ''}`;
    const row = [
      `\`${path}\``,
      type,
      required.has(name) ? 'yes' : 'no',
      field.type === 'string' ? lengthOf(field) : '',
      rule,
      meaning,
    ];
    const nested =
      field.type === 'object'
        ? fieldRows(doc, field, `${path}.`)
        : items?.type === 'object'
          ? fieldRows(doc, items, `${path}[].`)
          : [];
    return [row, ...nested];
  });
}

const fieldHead = ['field', 'type', 'required', 'length', 'rule', 'meaning'];
const json = (value: unknown) => `\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\``;

function operationPage(
  doc: OpenApiDocument,
  scenarios: MockScenarios,
  method: string,
  path: string,
  operation: OperationObject,
): string {
  const registry = doc[ext.errorRegistry];
  const headerRows = commonHeaders(doc).map((p) => {
    const schema = effectiveSchema(doc, p.schema as JsonObject);
    return [
      `\`${p.name}\``,
      p.required ? 'yes' : 'no',
      lengthOf(schema),
      `\`${schema.pattern}\``,
      firstParagraph(p.description),
    ];
  });
  const requestMedia = Object.values(operation.requestBody?.content ?? {})[0];
  const examples = examplesOf(doc, operation);
  const plain =
    examples.find((e) => e.where === 'request' && e.key === 'plaintext') ?? examples.find((e) => e.where === 'request');
  const responses = Object.entries(operation.responses).map(([status, response]) => {
    const media = Object.values(response.content ?? {})[0];
    const schema = plaintextSchema(doc, media?.schema) ?? {};
    const example = examples.find((e) => e.where === status);
    const headers = Object.entries((response.headers ?? {}) as Record<string, JsonObject>).map(([name, h]) => {
      const header = effectiveSchema(doc, h);
      const s = effectiveSchema(doc, header.schema as JsonObject);
      return [`\`${name}\``, header.required ? 'yes' : 'no', lengthOf(s), firstParagraph(header.description)];
    });
    return [
      `### HTTP ${status}`,
      firstParagraph((response as JsonObject).description),
      headers.length ? `Response headers:\n\n${table(['header', 'always', 'length', 'meaning'], headers)}` : '',
      `Body fields:\n\n${table(fieldHead, fieldRows(doc, schema))}`,
      example ? `Example (${example.key}):\n\n${json(example.example.value)}` : '',
    ]
      .filter(Boolean)
      .join('\n\n');
  });
  const codes = Object.entries(registry)
    .filter(([, e]) => e.operations.includes(operation.operationId))
    .map(([code, e]) => [
      `\`${code}\``,
      e.httpStatus,
      e.message,
      e.description,
      `${e.status === 'provisional' ? '**Provisional.** ' : ''}${e.meaning}`,
    ]);
  const ops = scenarios.operations.find((o) => o.operationId === operation.operationId);
  const scenarioRows = (ops?.scenarios ?? []).map((s) => [
    `\`${s.example}\``,
    `${s.status} \`${s.code}\``,
    plainText(String(examples.find((e) => e.key === s.example && e.where === String(s.status))?.example.summary ?? '')),
    whenText(s.when, 'en'),
  ]);
  const samples = codeSamples(doc, operation.operationId);
  return [
    `# ${plainText(String(operation.summary))}`,
    `\`${method.toUpperCase()} ${path}\` · operationId \`${operation.operationId}\` · \`Content-Type: application/json\``,
    String(operation.description ?? ''),
    '## Request headers',
    `The common headers of every operation; see [signing.md](signing.md) for the tran token.\n\n${table(['header', 'required', 'length', 'pattern', 'meaning'], headerRows)}`,
    '## Request body',
    `Plaintext, or the encrypted form \`{"${envelopeField(doc)}": "<JWE>"}\` (see [encryption.md](encryption.md)). Plaintext fields:\n\n${table(fieldHead, fieldRows(doc, plaintextSchema(doc, requestMedia?.schema) ?? {}))}`,
    plain ? `Example:\n\n${json(plain.example.value)}` : '',
    '## Responses',
    ...responses,
    '## Result codes',
    `Branch on \`response.code\` (see [error-codes.md](error-codes.md)).\n\n${table(['code', 'HTTP', 'message', 'description', 'meaning'], codes)}`,
    '## Test scenarios',
    `The test cards of the contract's mock server (not the platform's; see [scenarios.md](scenarios.md)). The mock also answers a scenario named in \`Prefer: example=<scenario>\`.\n\n${table(['scenario', 'answer', 'summary', 'test request'], scenarioRows)}`,
    '## Samples',
    ...samples.map(sampleMarkdown),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** llms.txt and the Markdown pages, paths relative to generated/docs/. */
export function llmsFiles(doc: OpenApiDocument, scenarios: MockScenarios): Array<{ path: string; content: string }> {
  const info = doc.info as JsonObject;
  const operations = operationsOf(doc);
  const guides = renderGuides({ doc, english: doc, scenarios, language: 'en', links: { root: '../', edition: '' } });
  const server = (doc.servers as Array<{ url: string; description: string }>)[0];
  const methods = [...new Set(operations.map((o) => `\`${o.method.toUpperCase()}\``))];
  const calls =
    methods.length === 1
      ? `Every operation is a ${methods[0]} of JSON`
      : `Operations are ${methods.join(' or ')} calls of JSON`;
  const llms = [
    `# ${plainText(String(info.title))}`,
    `> ${String(info.summary ?? '')}`,
    `Version ${String(info.version)}. Sandbox base URL: \`${server?.url}\` (${plainText(firstParagraph(server?.description))}). ${calls}, signed with the HMAC tran token described in the signing guide.`,
    '## Operations',
    operations
      .map(
        ({ method, path, operation }) =>
          `- [${plainText(String(operation.summary))}](md/${operation.operationId}.md): \`${method.toUpperCase()} ${path}\`. ${firstSentence(operation.description)}`,
      )
      .join('\n'),
    '## Guides',
    guides.map((g) => `- [${g.title}](md/${g.id}.md)`).join('\n'),
    '## Files',
    [
      '- [openapi.yaml](openapi.yaml): the whole contract as one OpenAPI 3.1 document (the Korean texts beside the English)',
      '- [openapi.json](openapi.json): the same, as JSON',
      '- [konaplate.postman_collection.json](konaplate.postman_collection.json): Postman collection v2.1, signed by its pre-request script',
      '- [index.html](index.html): the docs in English; [ko/index.html](ko/index.html): in Korean',
    ].join('\n'),
  ].join('\n\n');
  return [
    { path: 'llms.txt', content: `${llms}\n` },
    ...guides.map((g) => ({ path: `md/${g.id}.md`, content: `${g.markdown}\n` })),
    ...operations.map(({ method, path, operation }) => ({
      path: `md/${operation.operationId}.md`,
      content: `${operationPage(doc, scenarios, method, path, operation)}\n`,
    })),
  ];
}

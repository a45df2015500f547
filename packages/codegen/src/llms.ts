// For coding agents: llms.txt (llmstxt.org) at the docs' root, and one Markdown
// page per operation and per guide under md/, all from the spec; the same in
// Korean under ko/ (ko/llms.txt, ko/md/), every text from the x-ko twins and
// the pages' furniture from docs-text.ts.

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
  type LinkBase,
  lengthOf,
  mockSettings,
  packageDownloads,
  renderGuides,
  table,
  whenText,
} from './docs-guides.ts';
import { inLanguage, type Language, labels, plainText } from './docs-text.ts';
import { sampleMarkdown } from './samples/index.ts';

/** One row per field of a schema, nested objects and arrays of objects flattened (`a.b`, `a[].b`). */
export function fieldRows(
  doc: OpenApiDocument,
  schema: JsonObject,
  prefix = '',
  language: Language = 'en',
): string[][] {
  const l = labels[language];
  const object = effectiveSchema(doc, schema);
  const required = new Set((object.required as string[] | undefined) ?? []);
  return Object.entries((object.properties ?? {}) as Record<string, JsonObject>).flatMap(([name, node]) => {
    const field = effectiveSchema(doc, node);
    const path = `${prefix}${name}`;
    const items = field.type === 'array' ? effectiveSchema(doc, field.items as JsonObject) : undefined;
    const type = items
      ? l.pages.arrayOf(String(items.type))
      : `${field.type}${field.format ? ` (${field.format})` : ''}`;
    const rule = [
      field.pattern ? l.pages.pattern(`\`${field.pattern}\``) : '',
      field.enum ? l.pages.oneOf((field.enum as string[]).map((v) => `\`${v}\``).join(', ')) : '',
      field.minimum !== undefined ? l.pages.range(field.minimum, field.maximum) : '',
      field.maxItems !== undefined ? l.pages.atMostItems(field.maxItems) : '',
    ]
      .filter(Boolean)
      .join('; ');
    const conflicts = (node[ext.sourceConflicts] ?? field[ext.sourceConflicts]) as unknown[] | undefined;
    const meaning = `${firstParagraph(field.description)}${conflicts?.length ? l.pages.seeConflicts : ''}`;
    const row = [
      `\`${path}\``,
      type,
      required.has(name) ? l.yes : l.no,
      field.type === 'string' && field.maxLength !== undefined ? lengthOf(field) : '',
      rule,
      meaning,
    ];
    const nested =
      field.type === 'object'
        ? fieldRows(doc, field, `${path}.`, language)
        : items?.type === 'object'
          ? fieldRows(doc, items, `${path}[].`, language)
          : [];
    return [row, ...nested];
  });
}

const json = (value: unknown) => `\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\``;

/** The page of one operation, in the language of `doc` (the bundle, or inLanguage's view of it); `bundle` is English. */
function operationPage(
  bundle: OpenApiDocument,
  doc: OpenApiDocument,
  scenarios: MockScenarios,
  method: string,
  path: string,
  operation: OperationObject,
  language: Language,
): string {
  const l = labels[language];
  const p = l.pages;
  const registry = doc[ext.errorRegistry];
  const headerRows = commonHeaders(doc).map((h) => {
    const schema = effectiveSchema(doc, h.schema as JsonObject);
    return [
      `\`${h.name}\``,
      h.required ? l.yes : l.no,
      lengthOf(schema),
      `\`${schema.pattern}\``,
      firstParagraph(h.description),
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
      return [`\`${name}\``, header.required ? l.yes : l.no, lengthOf(s), firstParagraph(header.description)];
    });
    return [
      `### HTTP ${status}`,
      firstParagraph((response as JsonObject).description),
      headers.length ? `${p.responseHeaders}\n\n${table(p.responseHeaderHead, headers)}` : '',
      `${p.bodyFields}\n\n${table(p.fieldHead, fieldRows(doc, schema, '', language))}`,
      example ? `${p.exampleOf(example.key)}\n\n${json(example.example.value)}` : '',
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
      `${e.status === 'provisional' ? `**${l.provisionalFlag}** ` : ''}${e.meaning}`,
    ]);
  const ops = scenarios.operations.find((o) => o.operationId === operation.operationId);
  const scenarioRows = (ops?.scenarios ?? []).map((s) => [
    `\`${s.example}\``,
    `${s.status} \`${s.code}\``,
    plainText(String(examples.find((e) => e.key === s.example && e.where === String(s.status))?.example.summary ?? '')),
    whenText(s.when, language),
  ]);
  const samples = codeSamples(bundle, operation.operationId, language);
  return [
    `# ${plainText(String(operation.summary))}`,
    `\`${method.toUpperCase()} ${path}\` · operationId \`${operation.operationId}\` · \`Content-Type: application/json\``,
    String(operation.description ?? ''),
    `## ${p.requestHeaders}`,
    `${p.requestHeadersIntro}\n\n${table(p.headerHead, headerRows)}`,
    `## ${p.requestBody}`,
    `${p.requestBodyIntro(envelopeField(doc))}\n\n${table(p.fieldHead, fieldRows(doc, plaintextSchema(doc, requestMedia?.schema) ?? {}, '', language))}`,
    plain ? `${p.example}\n\n${json(plain.example.value)}` : '',
    `## ${p.responses}`,
    ...responses,
    `## ${p.resultCodes}`,
    `${p.resultCodesIntro}\n\n${table(p.codeHead, codes)}`,
    `## ${p.testScenarios}`,
    `${p.testScenariosIntro}\n\n${table(p.scenarioHead, scenarioRows)}`,
    `## ${p.samples}`,
    ...samples.map(sampleMarkdown),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** One edition's pages, in order: each guide, then each operation (`id` is the guide's id or the operationId). */
export function editionPages(
  bundle: OpenApiDocument,
  scenarios: MockScenarios,
  language: Language,
  links: LinkBase,
): { guides: EditionPage[]; operations: EditionPage[] } {
  const doc = inLanguage(bundle, language);
  return {
    guides: renderGuides({ doc, english: bundle, scenarios, language, links }),
    operations: operationsOf(doc).map(({ method, path, operation }) => ({
      id: operation.operationId,
      title: plainText(String(operation.summary)),
      markdown: operationPage(bundle, doc, scenarios, method, path, operation, language),
    })),
  };
}

export interface EditionPage {
  id: string;
  title: string;
  markdown: string;
}

/** One edition's llms.txt and Markdown pages, paths relative to the edition's folder. */
export function llmsEdition(
  bundle: OpenApiDocument,
  scenarios: MockScenarios,
  language: Language,
): Array<{ path: string; content: string }> {
  const p = labels[language].pages;
  const doc = inLanguage(bundle, language);
  const info = doc.info as JsonObject;
  const operations = operationsOf(doc);
  const links = language === 'en' ? { root: '../', edition: '' } : { root: '../../', edition: 'ko/' };
  const pages = editionPages(bundle, scenarios, language, links);
  // llms.txt sits one folder above the Markdown pages the links are made for.
  const packages = packageDownloads(language, links.root.replace(/^\.\.\//, ''));
  const server = (doc.servers as Array<{ url: string; description: string }>)[0];
  const methods = [...new Set(operations.map((o) => `\`${o.method.toUpperCase()}\``))];
  const calls = methods.length === 1 ? p.everyOperation(methods[0] ?? '') : p.operationsAre(methods.join(' / '));
  const llms = [
    `# ${plainText(String(info.title))}`,
    `> ${String(info.summary ?? '')}`,
    `${p.version(String(info.version), String(server?.url), plainText(firstParagraph(server?.description)))} ${calls}${p.signedWith}`,
    `## ${p.operations}`,
    operations
      .map(
        ({ method, path, operation }) =>
          `- [${plainText(String(operation.summary))}](md/${operation.operationId}.md): \`${method.toUpperCase()} ${path}\`. ${firstSentence(operation.description)}`,
      )
      .join('\n'),
    `## ${p.guides}`,
    pages.guides.map((g) => `- [${g.title}](md/${g.id}.md)`).join('\n'),
    `## ${p.files}`,
    [...p.fileList, ...packages.items].join('\n'),
    packages.commands,
    mockSettings(bundle, language),
  ].join('\n\n');
  return [
    { path: 'llms.txt', content: `${llms}\n` },
    ...[...pages.guides, ...pages.operations].map((page) => ({
      path: `md/${page.id}.md`,
      content: `${page.markdown}\n`,
    })),
  ];
}

/** llms.txt and the Markdown pages of both editions, paths relative to generated/docs/ (Korean under ko/). */
export function llmsFiles(doc: OpenApiDocument, scenarios: MockScenarios): Array<{ path: string; content: string }> {
  return [
    ...llmsEdition(doc, scenarios, 'en'),
    ...llmsEdition(doc, scenarios, 'ko').map((f) => ({ path: `ko/${f.path}`, content: f.content })),
  ];
}

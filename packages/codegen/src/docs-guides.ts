// The guides (spec/guides/*.yaml) rendered in one language: their Markdown with
// each {{placeholder}} filled from the spec. Tables are shaped to fit the docs'
// guide column (about 480 px at 1440 px wide): few columns, codes that never
// wrap, long values moved out of tables.

import type { JsonObject, MockScenarios, MockWhen, OpenApiDocument } from '@konaplate-contract/contract';
import {
  effectiveSchema,
  examplesOf,
  expectedMessage,
  ext,
  follow,
  type HeaderValueSource,
  headerExample,
  operationsOf,
  registryOf,
  resolveLocal,
  type SourceConflict,
  testVectorOf,
  timeWindowSeconds,
  utcOffsets,
} from '@konaplate-contract/contract';
import { environmentVariables, shellQuote } from '@konaplate-contract/contract/protocol';
import { SpecError } from './derive.ts';
import { type Language, labels, plainText } from './docs-text.ts';
import { downloadsFolder, installCommand, shippedPackages, sumsName } from './downloads.ts';
import { guidesOf } from './guides.ts';
import { mockUrl } from './qa-quick-start.ts';
import { encryptionSampleJava, encryptionSamplePython, jweTestVector, testKeyFiles } from './samples/guide.ts';

export { plaintextRequest } from '@konaplate-contract/contract';

/** Where the rendered text will live, so relative links point at the right files. */
export interface LinkBase {
  /** Prefix of the docs folder's root, seen from the page ('' or '../'). */
  root: string;
  /** Prefix of this edition's folder ('' for English, 'ko/' for Korean), seen from the root. */
  edition: string;
}

export interface GuideContext {
  /** The bundle in the edition's language (see inLanguage). */
  doc: OpenApiDocument;
  /** The bundle in English, for values (codes, names) that do not change with the language. */
  english: OpenApiDocument;
  scenarios: MockScenarios;
  language: Language;
  links: LinkBase;
}

const cell = (text: unknown) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n+/g, ' ');

/** A Markdown table; cells may hold `<br>` for a line break. */
export const table = (head: string[], rows: unknown[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');

export const firstParagraph = (text: unknown) =>
  (String(text ?? '').split('\n\n')[0] ?? '').replace(/\s+/g, ' ').trim();

/** The first sentence of a text (English or Korean): up to a full stop followed by a capital or Hangul. */
export const firstSentence = (text: unknown) => firstParagraph(text).split(/(?<=\.)\s+(?=[A-Z\uAC00-\uD7A3])/)[0] ?? '';

export const lengthOf = (schema: JsonObject) =>
  schema.minLength === schema.maxLength ? String(schema.maxLength) : `${schema.minLength ?? 0}–${schema.maxLength}`;

/** The common request headers: those of the first operation (kona-common-headers keeps them the same on all). */
export function commonHeaders(doc: OpenApiDocument): JsonObject[] {
  const first = operationsOf(doc)[0]?.operation;
  return (first?.parameters ?? []).map((node) => resolveLocal<JsonObject>(doc, node)).filter((p) => p.in === 'header');
}

/** The common headers: name (marked when optional), length, and the first sentence of the meaning. */
function headerTable({ doc, language }: GuideContext): string {
  const l = labels[language];
  const rows = commonHeaders(doc).map((p) => {
    const schema = effectiveSchema(doc, p.schema as JsonObject);
    return [`\`${p.name}\`${p.required ? '' : `<br>${l.optional}`}`, lengthOf(schema), firstSentence(p.description)];
  });
  return table([l.header, l.length, l.about], rows);
}

function testVector({ english, language }: GuideContext): string {
  const l = labels[language];
  const scheme = english.components.securitySchemes.TranToken as { [ext.testVector]: Record<string, string> };
  const v = scheme[ext.testVector];
  const token = String(v.token);
  const mac = token.split(':').at(-1);
  return `${table(
    [l.input, l.value],
    [
      [l.secretKey, `\`${v.secretKey}\``],
      [l.requestTime17, `\`${v.requestTime}\``],
      [l.bodyAsSent, `\`${v.body}\``],
      [l.macBase64, `\`${mac}\``],
    ],
  )}\n\n${l.tokenOf(token.length)}\n\n\`\`\`text\n${token}\n\`\`\``;
}

const codeOf = (doc: OpenApiDocument, httpStatus: (s: number) => boolean) =>
  Object.entries(doc[ext.errorRegistry])
    .filter(([, e]) => httpStatus(e.httpStatus))
    .map(([code]) => code);

function errorTable({ doc, language }: GuideContext): string {
  const l = labels[language];
  const rows = Object.entries(doc[ext.errorRegistry]).map(([code, e]) => [
    `\`${code}\``,
    e.httpStatus,
    `${e.message}<br>${e.description}`,
    `${e.status === 'provisional' ? `**${l.provisionalFlag}** ` : ''}${e.meaning}`,
  ]);
  return table([l.code, 'HTTP', l.messageAndDescription, l.meaning], rows);
}

function codesByOperation({ doc }: GuideContext): string {
  return operationsOf(doc)
    .map(({ operation }) => {
      const codes = codeOf(doc, () => true).filter((c) =>
        doc[ext.errorRegistry][c]?.operations.includes(operation.operationId),
      );
      return `- **${plainText(String(operation.summary))}** (\`${operation.operationId}\`): ${codes.map((c) => `\`${c}\``).join(', ')}`;
    })
    .join('\n');
}

/** How a scenario is reached on the mock server, in words. */
export function whenText(when: MockWhen, language: Language): string {
  const l = labels[language];
  if ('otherwise' in when) return l.anyOtherCard;
  if ('invalid' in when) return when.invalid === 'required' ? l.requiredLeftOut : `\`${when.invalid}\``;
  return Object.entries(when.body)
    .map(([field, value]) => (value === '*' ? `${l.encryptedBody} (\`${field}\`)` : `\`${field}\` = \`${value}\``))
    .join(', ');
}

function scenarioTables({ doc, scenarios, language }: GuideContext): string {
  const l = labels[language];
  return scenarios.operations
    .map((op) => {
      const operation = operationsOf(doc).find((o) => o.operation.operationId === op.operationId)?.operation;
      const summaries = new Map(
        examplesOf(doc, operation as never)
          .filter((e) => e.where !== 'request')
          .map((e) => [e.key, plainText(String(e.example.summary ?? e.key))]),
      );
      const rows = op.scenarios.map((s) => [
        `${s.status}<br>\`${s.code}\``,
        `${String(summaries.get(s.example)).replace(/^\d{3} - /, '')}<br>\`${s.example}\``,
        whenText(s.when, language),
      ]);
      return `## ${plainText(String(operation?.summary))}\n\n\`${op.method.toUpperCase()} ${op.path}\`\n\n${table([l.answer, l.scenario, l.testRequest], rows)}`;
    })
    .join('\n\n');
}

function pageTestData({ doc, language }: GuideContext): string {
  const l = labels[language];
  return operationsOf(doc)
    .map(({ operation }) => {
      const rows = examplesOf(doc, operation)
        .filter((e) => e.example[ext.seedTestData])
        .map((e) => [
          e.example[ext.seedTestData],
          `${plainText(String(e.example.summary)).replace(/^\d{3} - /, '')}<br>\`${e.key}\``,
        ]);
      if (rows.length === 0) return '';
      return `${l.publishedPageFor(plainText(String(operation.summary)))}:\n\n${table([l.testDataOnPage, l.answeredBy], rows)}`;
    })
    .filter(Boolean)
    .join('\n\n');
}

/** Every source conflict of the document, with a readable name of where it sits. */
export function conflictsOf(
  doc: OpenApiDocument,
  language: Language,
): Array<{ where: string; conflict: SourceConflict }> {
  const l = labels[language].where;
  const found: Array<{ where: string; conflict: SourceConflict }> = [];
  const name = (path: string[]): string => {
    const [a, b, c, d, e] = path;
    if (a === 'components' && b === 'parameters') {
      const parameter = doc.components.parameters[c ?? ''] as JsonObject;
      return `${l.header} \`${parameter?.name}\``;
    }
    if (a === 'components' && b === 'schemas' && d === 'properties' && e) return l.field(e, c ?? '');
    if (a === 'components' && b === 'schemas') return `${l.schema} \`${c}\``;
    if (a === 'paths') {
      const operation = doc.paths[b ?? '']?.[c ?? ''] as JsonObject | undefined;
      return `${l.operation}: ${plainText(String(operation?.summary))}`;
    }
    if (a === ext.errorRegistry) return `${l.code} \`${b}\``;
    return `\`${path.join('.')}\``;
  };
  const visit = (node: unknown, path: string[]) => {
    if (Array.isArray(node)) for (const [i, item] of node.entries()) visit(item, [...path, String(i)]);
    else if (node && typeof node === 'object') {
      for (const conflict of ((node as JsonObject)[ext.sourceConflicts] as SourceConflict[] | undefined) ?? [])
        found.push({ where: name(path), conflict });
      for (const [key, value] of Object.entries(node))
        if (key !== ext.sourceConflicts && key !== ext.guides) visit(value, [...path, key]);
    }
  };
  visit(doc, []);
  return found;
}

function conflictList({ doc, language }: GuideContext): string {
  const l = labels[language].conflict;
  return conflictsOf(doc, language)
    .map(
      ({ where, conflict }) =>
        `**${where}**\n\n- *${l.pages}:* ${conflict.pages}\n- *${l.evidence}:* ${conflict.evidence}\n- *${l.decision}:* ${conflict.decision}`,
    )
    .join('\n\n');
}

function changelog({ doc }: GuideContext): string {
  const entries = (doc[ext.changelog] ?? []) as Array<{ version: string; date: string; changes: string[] }>;
  return entries.map((e) => `## ${e.version} (${e.date})\n\n${e.changes.map((c) => `- ${c}`).join('\n')}`).join('\n\n');
}

function operationList({ doc }: GuideContext): string {
  return operationsOf(doc)
    .map(
      ({ method, path, operation }) =>
        `- **${plainText(String(operation.summary))}**: \`${method.toUpperCase()} ${path}\` (\`${operation.operationId}\`)`,
    )
    .join('\n');
}

function serverList({ doc }: GuideContext): string {
  return (doc.servers as Array<{ url: string; description: string }>)
    .map((s) => `- \`${s.url}\`: ${plainText(firstParagraph(s.description))}`)
    .join('\n');
}

/** The files beside the page, and the other edition. */
export function downloads({ doc, language, links }: Pick<GuideContext, 'doc' | 'language' | 'links'>): string {
  const l = labels[language].downloads;
  const other: Language = language === 'en' ? 'ko' : 'en';
  const otherEdition = other === 'en' ? `${links.root}index.html` : `${links.root}ko/index.html`;
  const packages = packageDownloads(language, links.root);
  return `${[
    `- [openapi.yaml](${links.root}openapi.yaml), [openapi.json](${links.root}openapi.json): ${l.spec}`,
    `- [konaplate.postman_collection.json](${links.root}${links.edition}konaplate.postman_collection.json): ${l.postman}`,
    `- [llms.txt](${links.root}llms.txt): ${l.llms}`,
    ...packages.items,
    `- [${labels[other].languageName}](${otherEdition}): ${labels[other].otherEditionHint}`,
  ].join('\n')}\n\n${packages.commands}\n\n${mockSettings(doc, language)}`;
}

/**
 * The packages in downloads/ and their checksums, as Markdown list items linked from `root` (the docs
 * folder), and the commands that install or run each without a registry, as a block to copy (a command
 * is too long for inline code in a column).
 */
export function packageDownloads(language: Language, root: string): { items: string[]; commands: string } {
  const l = labels[language].downloads;
  const packages = shippedPackages();
  const items = packages.map((pkg) => {
    const what = l.packageWhat ? l.packageWhat[pkg.name] : pkg.description;
    if (!what) throw new Error(`docs-text.ts: no ${language} text for the package ${pkg.name} (downloads.packageWhat)`);
    return `- [${pkg.file}](${root}${downloadsFolder}/${pkg.file}): ${what}`;
  });
  items.push(`- [${sumsName}](${root}${downloadsFolder}/${sumsName}): ${l.sums}`);
  const commands = `${l.packageCommands}\n\n\`\`\`sh\n${packages.map(installCommand).join('\n')}\n\`\`\``;
  return { items, commands };
}

/**
 * The settings that make the samples work against the mock started by its command (without a secret of
 * its own, it checks the headers' form but accepts any signature): its address, the spec's sample ASP id
 * and access key (the header schemas' examples), and the signing guide's documentation secret.
 */
export function mockSettings(doc: OpenApiDocument, language: Language): string {
  const example = (source: HeaderValueSource) => {
    const value = headerExample(doc, source);
    if (value === undefined) throw new SpecError([`the ${source} header's schema has no example to try the mock with`]);
    return value;
  };

  const secret = testVectorOf(doc)?.secretKey;
  if (typeof secret !== 'string')
    throw new SpecError(['the signing test vector has no secretKey to try the mock with']);
  const lines = [
    [environmentVariables.baseUrl, mockUrl],
    [environmentVariables.aspId, example('aspId')],
    [environmentVariables.accessKey, example('accessKey')],
    [environmentVariables.secretKey, secret],
  ].map(([name, value]) => `export ${name}=${shellQuote(String(value))}`);
  return `${labels[language].downloads.mockSettings}\n\n\`\`\`sh\n${lines.join('\n')}\n\`\`\``;
}

/** A message naming its field, from an example of a published code when there is one. */
function fieldMessageExample({ doc }: GuideContext): string {
  const found = operationsOf(doc).flatMap(({ operation }) =>
    examplesOf(doc, operation).flatMap(({ example }) => {
      const field = example[ext.errorField];
      const code = (example.value as { response?: { code?: string } } | undefined)?.response?.code;
      const entry = code ? doc[ext.errorRegistry][code] : undefined;
      const message = entry && field && expectedMessage(entry, field);
      return message ? [{ message, published: entry.status === 'published' }] : [];
    }),
  );
  const chosen = found.find((f) => f.published) ?? found[0];
  if (!chosen)
    throw new SpecError([`the error-code guide shows a message naming a field, but no example has ${ext.errorField}`]);
  return `\`${chosen.message}\``;
}

/** The accepted time zones, each with its offset, from the TimeZone schema. */
function timeZones({ english }: GuideContext): string {
  return Object.entries(utcOffsets(english))
    .map(
      ([zone, minutes]) =>
        `\`${zone}\` (UTC${minutes < 0 ? '-' : '+'}${String(Math.abs(minutes) / 60).padStart(2, '0')})`,
    )
    .join(', ');
}

/** The contract's X-KM-Tran-Time window in seconds (its documented guess). */
function timeWindow({ english }: GuideContext): string {
  const seconds = timeWindowSeconds(english);
  if (seconds === undefined)
    throw new SpecError(['the signing guide shows the time window, but the spec assumes none']);
  return String(seconds);
}

/** The code of an invalid value and its message naming `field` (`000_002` `Invalid input parameter. cardNo`). */
function invalidMessage({ english, scenarios }: GuideContext, field: string, where: string): string {
  const code = scenarios.validationCodes.type ?? scenarios.validationCodes.pattern;
  const entry = code ? registryOf(english)[code] : undefined;
  const message = entry && expectedMessage(entry, field);
  if (!code || !message) throw new SpecError([`${where}: no registry code names a field for an invalid value`]);
  return `\`${code}\` \`${message}\``;
}

/** Messages naming their field, from the examples that say which field: published codes first. */
function fieldMessages(doc: OpenApiDocument): Array<{ code: string; message: string; published: boolean }> {
  return operationsOf(doc).flatMap(({ operation }) =>
    examplesOf(doc, operation).flatMap(({ example }) => {
      const field = example[ext.errorField];
      const code = (example.value as { response?: { code?: string } } | undefined)?.response?.code;
      const entry = code ? registryOf(doc)[code] : undefined;
      const message = entry && field && expectedMessage(entry, field);
      return code && message ? [{ code, message, published: entry.status === 'published' }] : [];
    }),
  );
}

/** A provisional code's message naming its field (`000_P01` `The length of value does not match, cardNo.`). */
function provisionalFieldMessage({ english }: GuideContext): string {
  const chosen = fieldMessages(english).find((f) => !f.published);
  if (!chosen)
    throw new SpecError([`the error-code guide shows a provisional message naming a field, but no example has one`]);
  return `\`${chosen.code}\` \`${chosen.message}\``;
}

type Renderer = (context: GuideContext) => string;

const renderers: Record<string, Renderer> = {
  apiDescription: ({ doc }) => String((doc.info as JsonObject).description ?? ''),
  operationList,
  serverList,
  downloads,
  successCode: ({ doc }) =>
    codeOf(doc, (s) => s < 300)
      .map((c) => `\`${c}\``)
      .join(', '),
  errorStatus: ({ doc }) =>
    [...new Set(Object.values(doc[ext.errorRegistry]).map((e) => e.httpStatus))]
      .filter((s) => s >= 400)
      .sort()
      .join(', '),
  headerTable,
  testVector,
  errorTable,
  codesByOperation,
  fieldMessageExample,
  provisionalFieldMessage,
  timeZones,
  timeWindow,
  scenarioTables,
  pageTestData,
  conflictCount: ({ doc, language }) => String(conflictsOf(doc, language).length),
  conflictList,
  changelog,
  testKeyFiles,
  jweTestVector,
  encryptionSamplePython,
  encryptionSampleJava,
};

/** A placeholder's text; `describe:<pointer>` is the description of the spec node at that JSON pointer. */
function fill(name: string, context: GuideContext, where: string): string {
  if (name.startsWith('describe:')) {
    const pointer = name.slice('describe:'.length);
    const node = follow(context.doc, { $ref: `#/${pointer}` }, []).node as JsonObject | undefined;
    if (typeof node?.description !== 'string')
      throw new SpecError([`${where}: {{${name}}} points at nothing with a description`]);
    return node.description;
  }
  if (name.startsWith('invalidMessage:')) return invalidMessage(context, name.slice('invalidMessage:'.length), where);
  const render = renderers[name];
  if (!render)
    throw new SpecError([
      `${where}: unknown placeholder {{${name}}} (known: ${Object.keys(renderers).join(', ')}, describe:<pointer>, invalidMessage:<field>)`,
    ]);
  return render(context);
}

/** Every guide of the spec as Markdown in the context's language, each under its own `#` heading. */
export function renderGuides(context: GuideContext): Array<{ id: string; title: string; markdown: string }> {
  return guidesOf(context.doc).map((guide) => {
    const body = guide.description.replace(/\{\{\s*([\w:/.-]+)\s*\}\}/g, (_, name: string) =>
      fill(name, context, `guide ${guide.id}`),
    );
    return { id: guide.id, title: guide.title, markdown: `# ${guide.title}\n\n${body}` };
  });
}

// The partner docs: one Redoc page per language (English at generated/docs/,
// Korean at generated/docs/ko/), each built by Redocly CLI from a docs view of
// the bundle: the guides of spec/guides rendered into info.description, code
// samples on each operation, every text in the edition's language. No fact is
// written here: headers, codes, scenarios and conflicts all come from the spec.
//
// Redoc's own interface labels: Redoc 3 (inlined by Redocly CLI 2's build-docs)
// has no option for them. Its components ask a translate hook for every label
// ("Search", "Copy", "Request Body", "Responses", "required", "Expand all",
// "Servers", "Overview", "License", "Download description", "Loading...", the
// sidebar's layout buttons, ...), and the standalone build answers that hook with
// the English default; Redoc 2's `labels` option is gone (config-migration lists
// it among the removed options). So those labels stay English in the Korean
// edition; everything that comes from the spec is Korean.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonObject, MockScenarios, OpenApiDocument } from '@konaplate-contract/contract';
import { examplesOf, operationsOf, toolExt } from '@konaplate-contract/contract';
import { type LinkBase, renderGuides } from './docs-guides.ts';
import { inLanguage, type Language, labels, plainText } from './docs-text.ts';
import { redocly } from './redocly.ts';
import { type CodeSample, operationSamples } from './samples/index.ts';

/** Where each edition lives in generated/docs/, and how its links reach the shared files. */
export const editionDir: Record<Language, string> = { en: '', ko: 'ko/' };
export const linkBase = (language: Language): LinkBase => ({
  root: editionDir[language] ? '../' : '',
  edition: editionDir[language],
});

/** Code samples of an operation: curl, Node (the TypeScript client), Python and Java (see samples/). */
export function codeSamples(doc: OpenApiDocument, operationId: string, language: Language = 'en'): CodeSample[] {
  return operationSamples(doc, operationId, language);
}

/** Extensions Redoc needs; every other `x-` key is left out of the page (the downloads keep them). */
const shown = new Set<string>([toolExt.codeSamples, toolExt.displayName]);

function withoutExtensions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutExtensions);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !key.startsWith('x-') || shown.has(key))
      .map(([key, value]) => [key, key === 'value' ? value : withoutExtensions(value)]),
  );
}

/**
 * The bundle as one edition of the docs shows it: every text in the edition's
 * language, the guides in info.description, code samples on each operation,
 * plain text where Redoc shows text literally (servers, summaries, tag names).
 */
export function docsSpec(
  bundle: OpenApiDocument,
  scenarios: MockScenarios,
  language: Language = 'en',
): OpenApiDocument {
  const doc = inLanguage(bundle, language);
  const guides = renderGuides({ doc, english: bundle, scenarios, language, links: linkBase(language) });
  (doc.info as JsonObject).description = guides.map((g) => g.markdown).join('\n\n');
  for (const server of (doc.servers ?? []) as JsonObject[]) {
    server.description = plainText(String(server.description ?? ''));
    for (const variable of Object.values((server.variables ?? {}) as Record<string, JsonObject>))
      if (typeof variable.description === 'string') variable.description = plainText(variable.description);
  }
  for (const tag of (doc.tags ?? []) as JsonObject[])
    tag[toolExt.displayName] = plainText(String(tag[toolExt.displayName] ?? tag.name));
  for (const { operation } of operationsOf(doc)) {
    operation.summary = plainText(String(operation.summary ?? ''));
    for (const { example } of examplesOf(doc, operation))
      if (typeof example.summary === 'string') example.summary = plainText(example.summary);
    operation[toolExt.codeSamples] = codeSamples(bundle, operation.operationId, language);
  }
  return withoutExtensions(doc) as OpenApiDocument;
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

const style = `
  body { margin: 0; padding: 0; }
  /* Code never needs sideways scrolling: a long line (a curl flag, a JWE) wraps; Copy still copies it whole. */
  #redoc { --code-wrap: pre-wrap; }
  #redoc pre { overflow-wrap: anywhere; }
  .kona-bar { display: flex; flex-wrap: wrap; align-items: center; justify-content: flex-end; gap: 4px 20px;
    padding: 8px 24px; border-bottom: 1px solid rgba(128, 128, 128, 0.3);
    font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", sans-serif; }
  .kona-bar nav { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; }
  .kona-bar a { color: inherit; }
  .kona-bar a[aria-current] { font-weight: 600; text-decoration: none; }
  /* The guides: a code or a name never breaks inside itself; a table cell wraps between words. */
  [data-component-name="Markdown/Markdown"] td code, [data-component-name="Markdown/Markdown"] th code { white-space: nowrap; }
  [data-component-name="Markdown/Markdown"] td, [data-component-name="Markdown/Markdown"] th { overflow-wrap: normal; word-break: keep-all; }
  [data-section-id^="/section/"] [data-component-name="Markdown/Markdown"] :not(pre) > code { white-space: nowrap; }
  /* Korean breaks between words (eojeol), not inside one: headings, sidebar and text alike. */
  html[lang="ko"] #redoc * { word-break: keep-all; }
`;

/** The page around Redoc's output: the language, the switch to the other edition, the downloads. */
function pageTemplate(language: Language, title: string): string {
  const l = labels[language];
  const { root, edition } = linkBase(language);
  const switcher = (['en', 'ko'] as const)
    .map((lang) => {
      const href = lang === language ? 'index.html' : `${root}${editionDir[lang]}index.html`;
      const current = lang === language ? ' aria-current="page"' : '';
      return `<a href="${href}" hreflang="${lang}" lang="${lang}"${current}>${labels[lang].languageName}</a>`;
    })
    .join('');
  const files = [
    ['openapi.yaml', `${root}openapi.yaml`],
    ['openapi.json', `${root}openapi.json`],
    ['Postman', `${root}${edition}konaplate.postman_collection.json`],
    ['llms.txt', `${root}llms.txt`],
  ]
    .map(([text, href]) => `<a href="${href}">${text}</a>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
  <meta charset="utf-8" />
  <title>{{title}}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="alternate" hreflang="en" href="${root}index.html">
  <link rel="alternate" hreflang="ko" href="${root}ko/index.html">
  <style>${style}</style>
  {{{redocHead}}}
</head>
<body>
  <header class="kona-bar">
    <nav aria-label="${l.languageSwitch}">${switcher}</nav>
    <nav aria-label="${l.downloadsTitle}">${l.downloadsTitle}: ${files}</nav>
  </header>
  {{{redocHTML}}}
  <script>
    // The switch keeps the operation you are reading (its address is the same in both editions).
    for (const a of document.querySelectorAll('.kona-bar a[hreflang]'))
      a.addEventListener('click', () => {
        if (location.hash.startsWith('#/') && !location.hash.startsWith('#/section/')) a.hash = location.hash;
      });
  </script>
</body>
</html>
`.replace(
    '{{title}}',
    title.replace(/[<&"]/g, (c) => `&#${c.charCodeAt(0)};`),
  );
}

/** One self-contained HTML page of an edition (Redoc inlined, no request leaves it), built by Redocly CLI. */
export async function docsHtml(doc: OpenApiDocument, language: Language = 'en'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kona-docs-'));
  try {
    const title = String((doc.info as { title: string }).title);
    const { root } = linkBase(language);
    await Promise.all([
      writeFile(join(dir, 'openapi.json'), JSON.stringify(doc)),
      writeFile(join(dir, 'page.hbs'), pageTemplate(language, title)),
      writeFile(
        join(dir, 'redoc.json'),
        JSON.stringify({
          // Schema names (AspId, CardNumber, ...) beside each type are the spec's own identifiers, not the partner's.
          hideSchemaTitles: true,
          downloadUrls: [
            { title: 'openapi.yaml', url: `${root}openapi.yaml` },
            { title: 'openapi.json', url: `${root}openapi.json` },
          ],
        }),
      ),
    ]);
    const out = join(dir, 'index.html');
    await redocly([
      'build-docs',
      join(dir, 'openapi.json'),
      '--inlineBundle',
      '--output',
      out,
      '--title',
      title,
      '--template',
      join(dir, 'page.hbs'),
      '--openapi',
      join(dir, 'redoc.json'),
    ]);
    return inlineAttributionLogo(await readFile(out, 'utf8'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// The partner docs: one Redoc page per language (English at generated/docs/,
// Korean at generated/docs/ko/), each a docs view of the bundle in Redoc 3 (the
// bundle Redocly CLI 2's build-docs inlines): the guides of spec/guides rendered
// into info.description, code samples on each operation, every text in the
// edition's language. No fact is written here: headers, codes, scenarios and
// conflicts all come from the spec.
//
// Redoc's own interface labels: Redoc 3 has no option for them (Redoc 2's
// `labels` is gone). The Korean edition's copy of the bundle is translated at
// build time instead (redoc-labels.ts).

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { JsonObject, MockScenarios, OpenApiDocument } from '@konaplate-contract/contract';
import { examplesOf, operationsOf, toolExt } from '@konaplate-contract/contract';
import { anchoredGuide } from './docs-anchors.ts';
import { type LinkBase, renderGuides } from './docs-guides.ts';
import { inLanguage, type Language, labels, plainText } from './docs-text.ts';
import { downloadsFolder, shippedPackages } from './downloads.ts';
import { escapeHtml, markdownHtml } from './markdown-html.ts';
import { koreanRedocBundle } from './redoc-labels.ts';
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
  // Each heading's anchor from the English heading in the same place: both editions share them.
  const english =
    language === 'en'
      ? guides
      : renderGuides({ doc: bundle, english: bundle, scenarios, language: 'en', links: linkBase('en') });
  (doc.info as JsonObject).description = guides
    .map((g, i) => anchoredGuide(g.id, g.markdown, english[i]?.markdown ?? ''))
    .join('\n\n');
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

/** The printable edition's file name, in each edition's folder (the pdf target writes it). */
export const pdfFile = 'konaplate-api.pdf';

const style = `
  body { margin: 0; padding: 0; }
  /* Code never needs sideways scrolling: a long line (a curl flag, a JWE) wraps; Copy still copies it whole. */
  #redoc { --code-wrap: pre-wrap; }
  #redoc pre { overflow-wrap: anywhere; }
  /* A code block's controls (Copy) get a strip of their own above the code, never over it. */
  #redoc .code-block-header ~ pre { padding-top: 40px; }
  .kona-bar { display: flex; flex-wrap: wrap; align-items: center; justify-content: flex-end; gap: 4px 20px;
    padding: 8px 24px; border-bottom: 1px solid rgba(128, 128, 128, 0.3);
    font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", sans-serif; }
  .kona-bar nav { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; }
  .kona-bar a { color: inherit; }
  .kona-bar a[aria-current] { font-weight: 600; text-decoration: none; }
  .kona-noscript { padding: 24px; font: 16px/1.5 system-ui, sans-serif; }
  /* The first screen until Redoc has rendered (firstScreen), laid out like Redoc's middle column. */
  .kona-first-screen { box-sizing: border-box; max-width: 760px; margin-left: 260px; padding: 8px 40px 40px;
    font: 16px/1.6 system-ui, -apple-system, "Segoe UI", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", sans-serif;
    overflow-wrap: break-word; }
  .kona-first-screen h1 { font-size: 2.2em; line-height: 1.2; margin: 32px 0 16px; }
  .kona-first-screen code { font-size: 0.85em; overflow-wrap: anywhere; }
  html[lang="ko"] .kona-first-screen { word-break: keep-all; }
  /* The guides: a code or a name never breaks inside itself; a table cell wraps between words. */
  [data-component-name="Markdown/Markdown"] td code, [data-component-name="Markdown/Markdown"] th code { white-space: nowrap; }
  [data-component-name="Markdown/Markdown"] td, [data-component-name="Markdown/Markdown"] th { overflow-wrap: normal; word-break: keep-all; }
  [data-section-id^="/section/"] [data-component-name="Markdown/Markdown"] :not(pre) > code { white-space: nowrap; }
  /* Titles break between words, never inside one ("Konaplate", "코나플레이트"); the title's row wraps instead. */
  #redoc h1, #redoc h2, #redoc h3, #redoc h4, #redoc h5 { overflow-wrap: break-word; word-break: normal; }
  #redoc div:has(> div > h1):has([data-testid="page-actions"]) { flex-wrap: wrap; row-gap: 8px; }
  /* Korean breaks between words (eojeol), not inside one: headings, sidebar and text alike. */
  html[lang="ko"] #redoc * { word-break: keep-all; }
  /* A phone: what Redoc cuts off with an ellipsis (paths, schema names, server URLs) wraps in its own box, and
     long inline code (a formula, a command) wraps inside the column; a table scrolls in its own box. */
  @media (max-width: 720px) {
    .kona-bar { padding: 8px 16px; justify-content: flex-start; }
    .kona-first-screen { margin-left: 0; padding: 8px 24px 24px; }
    #redoc [data-section-id^="/section/"] [data-component-name="Markdown/Markdown"] :not(pre) > code,
    #redoc :not(pre) > code {
      display: inline-block; max-width: 100%; box-sizing: border-box; white-space: normal; overflow-wrap: anywhere; }
    #redoc [data-component-name="Markdown/Markdown"] td code, #redoc [data-component-name="Markdown/Markdown"] th code {
      display: inline; white-space: nowrap; }
    #redoc :is([data-testid="right-panel"], [data-testid="middle-panel"]) button:not([data-component-name="Tag/Tag"] *),
    #redoc :is([data-testid="right-panel"], [data-testid="middle-panel"]) button :not([data-component-name="Tag/Tag"], [data-component-name="Tag/Tag"] *),
    #redoc [data-component-name="Panel/PanelBody"] :not(pre, pre *, [data-component-name="Tag/Tag"], [data-component-name="Tag/Tag"] *) {
      white-space: normal; text-overflow: clip; overflow-wrap: anywhere; }
    #redoc :is([data-testid="right-panel"], [data-testid="middle-panel"]) button { height: auto; min-height: 32px; }
  }
  /* Print: the page without its controls (the PDF beside the page is the whole printable edition). */
  @media print {
    .kona-bar, .kona-first-screen, #redoc button, #redoc [data-testid="search-trigger"], #redoc [data-component-name^="Sidebar/"] { display: none !important; }
    #redoc pre { white-space: pre-wrap; }
  }
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
    [l.pdf, `${root}${edition}${pdfFile}`],
    ['openapi.yaml', `${root}openapi.yaml`],
    ['openapi.json', `${root}openapi.json`],
    ['Postman', `${root}${edition}konaplate.postman_collection.json`],
    ['llms.txt', `${root}${edition}llms.txt`],
    ...shippedPackages().map((p) => [p.name.replace(/^@[^/]+\//, ''), `${root}${downloadsFolder}/${p.file}`]),
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
</head>
<body>
  <header class="kona-bar">
    <nav aria-label="${l.languageSwitch}">${switcher}</nav>
    <nav aria-label="${l.downloadsTitle}">${l.downloadsTitle}: ${files}</nav>
  </header>
  <noscript><p class="kona-noscript">${l.noScript}</p></noscript>
  {{{redocHTML}}}
  <script>
    // The switch keeps your place: both editions have the same anchors (operations and guide sections).
    const other = document.querySelectorAll('.kona-bar a[hreflang]:not([aria-current])');
    const keepPlace = () => { for (const a of other) a.hash = location.hash; };
    keepPlace();
    for (const event of ['hashchange', 'popstate', 'redocly:urlreplace']) addEventListener(event, keepPlace);
    for (const a of other) a.addEventListener('click', keepPlace);
  </script>
</body>
</html>
`.replace(
    '{{title}}',
    title.replace(/[<&"]/g, (c) => `&#${c.charCodeAt(0)};`),
  );
}

/** Redoc 3's browser bundle as Redocly CLI's build-docs inlines it (the CLI's own copy, so the two never differ). */
let redocBundle: Promise<string> | undefined;
const standaloneRedoc = () => {
  redocBundle ??= readFile(
    join(
      dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')),
      'lib/chunks/redoc.standalone.js',
    ),
    'utf8',
  );
  return redocBundle;
};

/** JSON in a script element, as build-docs writes it: no `</script>`, no line separators. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/\u2028|\u2029/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'))
    .replace(/</g, '\\u003c');

/**
 * The landing page's first screen as plain HTML (the title, the summary and the first guide, from the
 * same Markdown), shown from the first paint until Redoc has rendered; then the page's own script removes
 * it, so the rendered page holds only Redoc's. Redoc's bundle takes most of a second to start; a reader
 * reads meanwhile, and one without JavaScript reads the first guide.
 */
function firstScreen(doc: OpenApiDocument): string {
  const info = doc.info as JsonObject;
  const description = String(info.description ?? '').replace(/ \{%[^%]*%\}/g, '');
  const second = description.search(/\n# /);
  const guide = second === -1 ? description : description.slice(0, second);
  return `<div class="kona-first-screen" aria-hidden="true">
  <h1>${escapeHtml(`${plainText(String(info.title))} (${info.version})`)}</h1>
  <p>${escapeHtml(plainText(String(info.summary ?? '')))}</p>
  ${markdownHtml(guide, { href: (target) => target })}
  </div>
  <script>
    // On the landing page only (a link to a route shows nothing until Redoc renders that route), and gone
    // once Redoc renders: it inserts its page all at once.
    (() => {
      const first = document.querySelector('.kona-first-screen');
      const redoc = document.getElementById('redoc');
      if (location.hash.length > 2) return first.remove();
      new MutationObserver((_, watch) => {
        if (!redoc.firstElementChild) return;
        first.remove();
        watch.disconnect();
      }).observe(redoc, { childList: true });
    })();
  </script>`;
}

/**
 * One self-contained HTML page of an edition (Redoc inlined, no request leaves it): what Redocly CLI's
 * `build-docs --inlineBundle` writes (its Redoc bundle, the definition, `hydrate`), without its
 * prerendered first screen. That prerender is rendered outside the hash router, so its links
 * (`/section/overview/servers`) led nowhere once copied, and hydration keeps a prerendered attribute
 * as it is; Redoc renders the page in the browser instead, links included (`#/section/overview/servers`).
 * In the Korean edition, Redoc's own interface is Korean (see redoc-labels.ts).
 */
export async function docsHtml(doc: OpenApiDocument, language: Language = 'en'): Promise<string> {
  const title = String((doc.info as { title: string }).title);
  const { root } = linkBase(language);
  const bundle = await standaloneRedoc();
  const options = {
    // Schema names (AspId, CardNumber, ...) beside each type are the spec's own identifiers, not the partner's.
    hideSchemaTitles: true,
    downloadUrls: [
      { title: 'openapi.yaml', url: `${root}openapi.yaml` },
      { title: 'openapi.json', url: `${root}openapi.json` },
    ],
    skipBundle: true,
    disableTelemetry: true,
  };
  const redoc = `<div id="redoc"></div>
  ${firstScreen(doc)}
  <script type="module">
${(language === 'ko' ? koreanRedocBundle(bundle) : bundle).replace(/<\/(script)/gi, '<\\/$1')}
const __redoc_definition = ${scriptJson(doc)};
const __redoc_options = ${scriptJson(options)};
hydrate(__redoc_definition, __redoc_options, document.getElementById('redoc'));
  </script>`;
  return inlineAttributionLogo(pageTemplate(language, title).replace('{{{redocHTML}}}', () => redoc));
}

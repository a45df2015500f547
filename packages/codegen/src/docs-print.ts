// The printable edition: one HTML document per language with every guide and every operation (its
// headers, its fields expanded, its responses, result codes and test scenarios), made from the
// same Markdown as the pages for coding agents (llms.ts), for Chromium to print (targets/pdf.ts). No
// buttons, nothing interactive; links between pages become links inside the document.
import type { JsonObject, MockScenarios, OpenApiDocument } from '@konaplate-contract/contract';
import { linkBase } from './docs.ts';
import { slug } from './docs-anchors.ts';
import { inLanguage, type Language, labels, plainText } from './docs-text.ts';
import { editionPages } from './llms.ts';
import { escapeHtml, markdownHtml } from './markdown-html.ts';

const style = `
  @page { size: A4; margin: 16mm 14mm 18mm; }
  html { font: 9.5pt/1.5 "DejaVu Sans", "NanumGothic", sans-serif; color: #111; }
  html[lang="ko"] { font-family: "NanumGothic", "DejaVu Sans", sans-serif; word-break: keep-all; }
  body { margin: 0; }
  h1 { font-size: 18pt; margin: 0 0 10pt; break-before: page; break-after: avoid; }
  h2 { font-size: 13pt; margin: 16pt 0 6pt; break-after: avoid; }
  h3 { font-size: 11pt; margin: 12pt 0 4pt; break-after: avoid; }
  h4, h5, h6 { font-size: 10pt; margin: 10pt 0 4pt; break-after: avoid; }
  p, li { orphans: 3; widows: 3; }
  a { color: #0645ad; text-decoration: none; }
  code { font: 8.5pt/1.4 "DejaVu Sans Mono", "NanumGothicCoding", monospace; overflow-wrap: anywhere; word-break: normal; }
  pre { background: #f4f4f4; border: 1px solid #ddd; border-radius: 3px; padding: 6pt 8pt; white-space: pre-wrap;
    overflow-wrap: anywhere; word-break: normal; }
  pre code { font-size: 7.5pt; }
  table { border-collapse: collapse; width: 100%; margin: 6pt 0; font-size: 8pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th, td { border: 1px solid #ccc; padding: 3pt 4pt; text-align: left; vertical-align: top; overflow-wrap: break-word; }
  th { background: #f0f0f0; white-space: nowrap; }
  td:first-child { min-width: 28mm; }
  /* A field's path breaks only after a dot (see breakCodeAtDots): each name stays whole. */
  td:first-child code { overflow-wrap: normal; word-break: keep-all; }
  .cover { break-after: page; }
  .cover h1 { break-before: auto; font-size: 24pt; margin-top: 40mm; }
  .cover .summary { font-size: 12pt; margin: 0 0 18pt; }
  .cover .meta { color: #555; }
  .contents { break-after: page; }
  .contents h2 { margin-top: 0; }
  .contents ol { padding-left: 18pt; }
`;

/** The HTML of the printable edition in one language (a whole document, for Chromium's print to PDF). */
export function printHtml(bundle: OpenApiDocument, scenarios: MockScenarios, language: Language): string {
  const l = labels[language];
  const doc = inLanguage(bundle, language);
  const info = doc.info as JsonObject;
  const pages = editionPages(bundle, scenarios, language, linkBase(language));
  const guides = pages.guides;
  // An operation's code samples (four languages, a page each) stay on the site and the Markdown pages: the
  // printed operation ends with its test scenarios.
  const samples = `\n\n## ${l.pages.samples}\n\n`;
  const operations = pages.operations.map((page) => ({ ...page, markdown: page.markdown.split(samples)[0] ?? '' }));
  const all = [...guides, ...operations];
  const ids = new Set(all.map((p) => p.id));
  const sections = all.map((page) => {
    // Within a page, heading ids are the page's id and the heading's words. A link to another page's
    // Markdown file is a link to that page here; a web address stays; a file beside the pages (a
    // download, a key) is named, not linked, since a PDF goes where the folder does not.
    const href = (target: string) => {
      const md = /^([\w-]+)\.md$/.exec(target)?.[1];
      if (md && ids.has(md)) return `#${md}`;
      return /^(https?:|#)/.test(target) ? target : undefined;
    };
    let first = true;
    const headingId = (level: number, text: string) => {
      if (level === 1 && first) {
        first = false;
        return page.id;
      }
      return `${page.id}--${slug(text) || level}`;
    };
    return `<section>${markdownHtml(page.markdown, { href, headingId, breakCodeAtDots: true })}</section>`;
  });
  const contents = (title: string, list: typeof all) =>
    `<h2>${escapeHtml(title)}</h2><ol>${list.map((p) => `<li><a href="#${p.id}">${escapeHtml(plainText(p.title))}</a></li>`).join('')}</ol>`;
  const title = plainText(String(info.title));
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<div class="cover">
<h1>${escapeHtml(title)}</h1>
<p class="summary">${escapeHtml(plainText(String(info.summary ?? '')))}</p>
<p class="meta">${escapeHtml(`${info.version} · ${l.languageName}`)}</p>
</div>
<nav class="contents">
<h1 style="break-before: auto">${escapeHtml(l.pages.contents)}</h1>
${contents(l.pages.guides, guides)}
${contents(l.pages.operations, operations)}
</nav>
${sections.join('\n')}
</body>
</html>
`;
}

// Target: the printable edition of each language (generated/docs/konaplate-api.pdf, ko/konaplate-api.pdf),
// printed by Chromium from docs-print.ts's HTML: both editions at once, in one browser. Chromium stamps
// the file with the time it was made (CreationDate, ModDate); those become the date of the contract's
// newest changelog entry, so the same spec gives the same bytes (the drift check compares them) on the
// same Chromium and fonts.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenApiDocument } from '@konaplate-contract/contract';
import { ext } from '@konaplate-contract/contract';
import { chromiumPath, launchChromium } from '../chromium.ts';
import { editionDir, pdfFile } from '../docs.ts';
import { printHtml } from '../docs-print.ts';
import { type Language, languages } from '../docs-text.ts';
import { generatedDir } from '../paths.ts';
import type { GeneratedFile, Target, TargetContext } from '../target.ts';

/** The page number under each page; nothing above. */
const footer =
  '<div style="width:100%;font:7pt sans-serif;color:#666;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/** The date a PDF of this contract carries: its newest changelog entry's (PDF date form, UTC midnight). */
export function contractDate(doc: OpenApiDocument): string {
  const dates = ((doc[ext.changelog] ?? []) as Array<{ date?: unknown }>)
    .map((e) => String(e.date ?? ''))
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort();
  const newest = dates.at(-1) ?? '2000-01-01';
  return `D:${newest.replaceAll('-', '')}000000+00'00'`;
}

/**
 * The PDF with its creation and modification dates set to `date` (same length, so every offset of the
 * file holds). Throws if Chromium wrote them in another form, rather than leave a time in the file.
 */
export function withFixedDates(pdf: Uint8Array, date: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  let count = 0;
  const fixed = text.replace(/\/(CreationDate|ModDate) \((D:[^)]*)\)/g, (_whole, key: string, value: string) => {
    if (value.length !== date.length)
      throw new Error(`the PDF's ${key} (${value}) is not in the form ${date}: cannot fix it in place`);
    count += 1;
    return `/${key} (${date})`;
  });
  if (count === 0) throw new Error('the PDF has no CreationDate or ModDate to fix');
  return Buffer.from(fixed, 'latin1');
}

/** Both printable editions, rendered concurrently in one Chromium. */
export async function pdfFiles(doc: OpenApiDocument, { scenarios }: TargetContext): Promise<GeneratedFile[]> {
  const date = contractDate(doc);
  const browser = await launchChromium();
  try {
    const render = async (language: Language): Promise<GeneratedFile> => {
      const page = await browser.newPage();
      try {
        await page.setContent(printHtml(doc, scenarios, language), { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const pdf = await page.pdf({
          printBackground: true,
          preferCSSPageSize: true,
          outline: true,
          tagged: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footer,
        });
        return { path: `docs/${editionDir[language]}${pdfFile}`, content: withFixedDates(pdf, date) };
      } finally {
        await page.close();
      }
    };
    return await Promise.all(languages.map(render));
  } finally {
    await browser.close();
  }
}

/** The record of what each PDF was printed from, under generated/. */
export const pdfRecord = 'docs-pdf.json';
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * The PDFs, printed again only when what they are printed from changed: each edition's print HTML, the
 * contract's date, this recipe and the Chromium that prints (its `--version`). Printing takes seconds
 * (about 2.5 s of a 4 s generation), so generated/docs-pdf.json records the digest of those inputs and of
 * the bytes; when both still match, the committed PDFs are the answer. test/docs-pdf.test.ts prints them
 * afresh (pdfFiles) and compares the bytes, so the record is checked against a real print.
 */
export async function recordedPdfFiles(
  doc: OpenApiDocument,
  context: TargetContext,
  /** Where the committed PDFs and their record are read from (generated/; a test hands a copy). */
  from = generatedDir,
): Promise<GeneratedFile[]> {
  const chromium = execFileSync(chromiumPath(), ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  const recipe = readFileSync(new URL(import.meta.url), 'utf8');
  const inputs = new Map(
    languages.map((language) => [
      `docs/${editionDir[language]}${pdfFile}`,
      sha256([chromium, contractDate(doc), recipe, printHtml(doc, context.scenarios, language)].join('\0')),
    ]),
  );
  const record = (() => {
    try {
      return JSON.parse(readFileSync(join(from, pdfRecord), 'utf8')) as Record<
        string,
        { inputs: string; sha256: string }
      >;
    } catch {
      return {};
    }
  })();
  const committed = [...inputs].map(([path, digest]) => {
    try {
      const bytes = readFileSync(join(from, path));
      return record[path]?.inputs === digest && record[path]?.sha256 === sha256(bytes)
        ? { path, content: bytes }
        : undefined;
    } catch {
      return undefined;
    }
  });
  const files = committed.every(Boolean) ? (committed as GeneratedFile[]) : await pdfFiles(doc, context);
  const written = Object.fromEntries(
    files.map((f) => [f.path, { inputs: inputs.get(f.path) ?? '', sha256: sha256(f.content) }]),
  );
  return [...files, { path: pdfRecord, content: `${JSON.stringify(written, null, 2)}\n` }];
}

export const pdfTarget: Target = {
  name: 'pdf',
  kind: 'generated',
  files: (doc, context) => recordedPdfFiles(doc, context),
};

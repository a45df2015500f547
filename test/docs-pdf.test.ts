// The printable editions (generated/docs/konaplate-api.pdf, ko/konaplate-api.pdf), read back with
// poppler's pdftotext and pdfinfo: every guide (in the edition's language), every operation with its
// fields, every result code and every test scenario is in the text; nothing of a page's controls is; the
// Korean one is Korean. Rendering twice gives the same bytes as the committed files (the drift check
// compares them), with the contract's date, not the time of rendering, in the metadata.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generatedDir,
  mockScenarios,
  pdfFiles,
  pdfRecord,
  printHtml,
  recordedPdfFiles,
} from '@konaplate-contract/codegen';
import type { JsonObject } from '@konaplate-contract/contract';
import { describe, expect, it } from 'vitest';
import { loadBundle } from './support/bundle.ts';

const doc = loadBundle();
const scenarios = mockScenarios(doc);
const popplerInstall = 'apt-get install -y poppler-utils';

/** A poppler tool's output; when the tool is missing, one line that says how to install it. */
function poppler(tool: 'pdftotext' | 'pdfinfo', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw Object.assign(new Error(`${tool} is needed to read the PDFs back: install it with \`${popplerInstall}\``), {
        stack: undefined,
      });
    throw error;
  }
}

const text = (file: string) => poppler('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ');
const info = (file: string) =>
  Object.fromEntries(
    poppler('pdfinfo', [file])
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2]]),
  );

const inEdition = (language: 'en' | 'ko', node: JsonObject, key: 'title' | 'summary') =>
  String(language === 'en' ? node[key] : node[`x-ko-${key}`]);
const operations = Object.values(doc.paths).map((item) => item.post as unknown as JsonObject);
const editions = (['en', 'ko'] as const).map((language) => ({
  language,
  file: join(generatedDir, language === 'en' ? 'docs/konaplate-api.pdf' : 'docs/ko/konaplate-api.pdf'),
  guides: (doc['x-guides'] as JsonObject[]).map((g) => inEdition(language, g, 'title')),
  summaries: operations.map((o) => inEdition(language, o, 'summary')),
}));

describe.each(editions)('the $language printable edition', (edition) => {
  const pdf = text(edition.file);

  it('has guides, operations, codes and scenarios to look for', () => {
    expect(edition.guides.length).toBeGreaterThan(0);
    expect(operations.length).toBeGreaterThan(0);
    expect(Object.keys(doc['x-error-registry']).length).toBeGreaterThan(0);
    expect(scenarios.operations.flatMap((o) => o.scenarios).length).toBeGreaterThan(0);
  });

  it('has every guide, by its title in the edition’s language', () => {
    for (const title of edition.guides) expect(pdf.includes(title), title).toBe(true);
  });

  it('has every operation: its title, operationId, path and every field of its request and answers', () => {
    for (const [i, operation] of operations.entries()) {
      expect(pdf.includes(String(edition.summaries[i])), edition.summaries[i]).toBe(true);
      expect(pdf.includes(String(operation.operationId)), String(operation.operationId)).toBe(true);
    }
    for (const path of Object.keys(doc.paths)) expect(pdf.replace(/\s/g, '').includes(path), path).toBe(true);
    const fields = new Set<string>();
    const collect = (schema: unknown) => {
      if (!schema || typeof schema !== 'object') return;
      const node = schema as JsonObject;
      for (const [name, value] of Object.entries((node.properties ?? {}) as Record<string, unknown>)) {
        fields.add(name);
        collect(value);
      }
      for (const key of ['items', 'allOf', 'oneOf'] as const) {
        const child = node[key];
        for (const part of Array.isArray(child) ? child : [child]) collect(part);
      }
      if (typeof node.$ref === 'string')
        collect(doc.components.schemas[node.$ref.replace('#/components/schemas/', '')]);
    };
    for (const schema of Object.values(doc.components.schemas)) collect(schema);
    expect(fields.size).toBeGreaterThan(10);
    const compact = pdf.replace(/\s/g, '');
    for (const field of fields) expect(compact.includes(field), field).toBe(true);
  });

  it('has every result code of the registry and every test scenario of the mock', () => {
    for (const code of Object.keys(doc['x-error-registry'])) expect(pdf.includes(code), code).toBe(true);
    for (const scenario of scenarios.operations.flatMap((o) => o.scenarios))
      expect(pdf.replace(/\s/g, '').includes(scenario.example), scenario.example).toBe(true);
  });

  it('has no control of a page: no button, nothing to expand or copy', () => {
    expect(printHtml(doc, scenarios, edition.language)).not.toMatch(/<button|<input|<script/i);
    for (const label of ['Expand all', 'Collapse all', 'Copy to clipboard', '모두 펼치기', '클립보드에 복사'])
      expect(pdf.includes(label), label).toBe(false);
  });

  it('is in its language', () => {
    const hangul = pdf.match(/[\uAC00-\uD7A3]+/g)?.length ?? 0;
    const latin = pdf.match(/\b[A-Za-z]{3,}\b/g)?.length ?? 0;
    if (edition.language === 'ko') expect(hangul).toBeGreaterThan(latin / 2);
    else expect(hangul).toBeLessThan(latin / 20);
  });

  it('is A4, a few dozen pages, titled, with the contract’s date rather than the time it was printed', () => {
    const meta = info(edition.file);
    expect(meta['Page size']).toMatch(/^59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    expect(Number(meta.Pages)).toBeGreaterThan(10);
    expect(meta.Title).toBe(inEdition(edition.language, doc.info as JsonObject, 'title'));
    const dates = ((doc['x-changelog'] ?? []) as Array<{ date: string }>).map((e) => e.date).sort();
    expect(new Date(String(meta.CreationDate)).toISOString().slice(0, 10)).toBe(dates.at(-1));
    expect(meta.ModDate).toBe(meta.CreationDate);
  });
});

describe('printing', () => {
  it('is reproducible: rendered twice, both editions give the committed bytes', async () => {
    const [first, second] = [await pdfFiles(doc, { scenarios }), await pdfFiles(doc, { scenarios })];
    expect(first.map((f) => f.path).sort()).toEqual(['docs/ko/konaplate-api.pdf', 'docs/konaplate-api.pdf']);
    for (const [i, file] of first.entries()) {
      const again = second[i]?.content as Uint8Array;
      expect(Buffer.from(file.content).equals(Buffer.from(again)), `${file.path}: second rendering`).toBe(true);
      expect(
        Buffer.from(file.content).equals(readFileSync(join(generatedDir, file.path))),
        `${file.path}: committed`,
      ).toBe(true);
    }
  }, 120_000);

  it('generation reuses the committed PDFs while the record matches, and prints again when it does not', async () => {
    const committed = await recordedPdfFiles(doc, { scenarios });
    for (const file of committed)
      expect(Buffer.from(file.content).equals(readFileSync(join(generatedDir, file.path))), file.path).toBe(true);
    const record = JSON.parse(readFileSync(join(generatedDir, pdfRecord), 'utf8')) as Record<
      string,
      { inputs: string; sha256: string }
    >;
    const copy = mkdtempSync(join(tmpdir(), 'konaplate-pdf-record-'));
    try {
      // In a copy of generated/, each PDF replaced by other bytes, recorded with the same inputs: reused as
      // they are (so nothing was printed).
      cpSync(join(generatedDir, 'docs'), join(copy, 'docs'), { recursive: true });
      const stand = Buffer.from('%PDF-1.7 a stand-in, not printed\n');
      const sha = createHash('sha256').update(stand).digest('hex');
      for (const path of Object.keys(record)) writeFileSync(join(copy, path), stand);
      const recorded = Object.fromEntries(Object.entries(record).map(([path, r]) => [path, { ...r, sha256: sha }]));
      writeFileSync(join(copy, pdfRecord), JSON.stringify(recorded));
      const reused = await recordedPdfFiles(doc, { scenarios }, copy);
      for (const file of reused.filter((f) => f.path !== pdfRecord))
        expect(Buffer.from(file.content).toString(), file.path).toBe(stand.toString());
      // The same copy, its record's inputs no longer matching (an input changed): printed again, to the
      // committed bytes, and recorded anew.
      const stale = Object.fromEntries(
        Object.entries(recorded).map(([path, r]) => [path, { ...r, inputs: '0'.repeat(64) }]),
      );
      writeFileSync(join(copy, pdfRecord), JSON.stringify(stale));
      const printed = await recordedPdfFiles(doc, { scenarios }, copy);
      expect(printed.map((f) => f.path)).toEqual(committed.map((f) => f.path));
      for (const [i, file] of printed.entries())
        expect(Buffer.from(file.content).equals(Buffer.from(committed[i]?.content ?? '')), file.path).toBe(true);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);
});

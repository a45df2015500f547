// The built docs in real Chromium, opened from disk: both operations render,
// every registry code and the signing guide are there, no console error, and
// no request leaves the page. Saves a screenshot under test-output/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedDir, repoRoot } from '../../scripts/lib/paths.ts';
import { launchChromium } from '../support/browser.ts';
import { loadBundle } from '../support/bundle.ts';

const doc = loadBundle();
let browser: Browser;
let page: Page;
const leaving: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    leaving.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(join(generatedDir, 'docs/index.html')).href, { waitUntil: 'load' });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const operations = Object.values(doc.paths).map((item) => ({
  summary: String(item.post?.summary ?? ''),
  tag: String((item.post?.tags as string[] | undefined)?.[0] ?? ''),
  path: Object.keys(doc.paths).find((p) => doc.paths[p] === item) ?? '',
}));

describe('generated/docs/index.html in Chromium', () => {
  it.each(operations)('renders the operation "$summary", reached from the sidebar', async ({ summary, tag, path }) => {
    await page.getByText(tag, { exact: true }).first().click();
    await page.getByText(summary, { exact: true }).first().click();
    const heading = page.getByRole('heading', { name: summary });
    await heading.waitFor({ state: 'visible', timeout: 15_000 });
    const text = await page.locator('body').textContent();
    expect(text).toContain(path);
    expect(text).toContain('X-KM-Tran-Token');
    expect(text).toContain('Source conflict.');
  });

  it('lists every code of the error registry, provisional ones flagged', async () => {
    const text = await page.locator('body').textContent();
    for (const [code, entry] of Object.entries(doc['x-error-registry'])) {
      expect(text, code).toContain(code);
      expect(text).toContain(entry.message);
    }
    expect(text).toContain('placeholder code, not published by Konaplate');
  });

  it('has the signing guide with its test vector, and the other guides', async () => {
    const text = await page.locator('body').textContent();
    const vector = (doc.components.securitySchemes.TranToken as { 'x-test-vector': { token: string } })[
      'x-test-vector'
    ];
    expect(text).toContain(vector.token);
    for (const heading of [
      'Authentication and signing',
      'Encryption',
      'Error codes',
      'Test scenarios',
      'Where the sources disagree',
      'Changelog',
    ]) {
      expect(text).toContain(heading);
    }
  });

  it('logs no console error and sends no request off the page; saves a screenshot', async () => {
    await page.waitForTimeout(500);
    const dir = join(repoRoot, 'test-output');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, 'docs-operation.png') });
    await page.getByText('Error codes', { exact: true }).first().click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(dir, 'docs-error-codes.png') });
    expect(consoleErrors).toEqual([]);
    expect(leaving).toEqual([]);
  });
});

// Both editions of the partner docs in real Chromium, opened from disk as a
// partner opens a downloaded folder: every operation and guide is there in the
// edition's language, nothing is logged as an error, no request leaves the
// page, the Korean edition reads Korean first (measured), the guides' tables and
// code fit their column at 1440 and 1024 px (measured), and the language switch
// and downloads lead to files that exist. Screenshots go to test-output/.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generatedDir, guidesOf, repoRoot } from '@konaplate-contract/codegen';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { loadBundle } from '../support/bundle.ts';

const doc = loadBundle();
const registry = doc['x-error-registry'];
const screenshots = join(repoRoot, 'test-output');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

type Text = Record<string, unknown>;
const inEdition = (language: 'en' | 'ko', node: Text, key: 'summary' | 'title' | 'name') =>
  String(language === 'en' ? node[key] : node[key === 'name' ? 'x-ko-name' : `x-ko-${key}`]);

const editions = (['en', 'ko'] as const).map((language) => ({
  language,
  file: join(generatedDir, language === 'en' ? 'docs/index.html' : 'docs/ko/index.html'),
  conflictLabel: language === 'en' ? 'Source conflict.' : '출처 불일치.',
  provisionalLabel: language === 'en' ? 'Provisional.' : '임시 코드.',
  guideTitles: guidesOf(doc).map((g) => inEdition(language, g as unknown as Text, 'title')),
  errorGuide: inEdition(language, guidesOf(doc).find((g) => g.id === 'error-codes') as unknown as Text, 'title'),
  operations: Object.entries(doc.paths).map(([path, item]) => {
    const operation = item.post as unknown as Text;
    const tagName = (operation.tags as string[])[0];
    const tag = (doc.tags as Text[]).find((t) => t.name === tagName) as Text;
    return {
      path,
      operationId: String(operation.operationId),
      summary: inEdition(language, operation, 'summary'),
      tag: inEdition(language, tag, 'name'),
    };
  }),
}));

type Operation = (typeof editions)[number]['operations'][number];

/**
 * Opens an operation from the sidebar and waits for its own page: Redoc 3 shows one route at a
 * time, and the guides have headings with the same words (the scenario tables), so the wait is
 * for the route and for the heading outside the guides.
 */
async function openOperation(page: Page, op: Operation | undefined): Promise<Locator> {
  await page
    .getByText(op?.tag ?? '', { exact: true })
    .first()
    .click();
  await page
    .getByText(op?.summary ?? '', { exact: true })
    .first()
    .click();
  await page.waitForURL((u) => u.hash.toLowerCase().endsWith(`/${op?.operationId.toLowerCase()}`));
  const heading = page.locator(`h2:not([data-section-id^="/section/"] h2):text-is("${op?.summary}")`).first();
  await heading.waitFor({ state: 'visible', timeout: 15_000 });
  return heading;
}

/** Opens the edition afresh and waits until Redoc has rendered it: the first guide's heading on screen. */
async function openEdition(page: Page, url: string, firstGuide: string | undefined) {
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('#redoc').getByRole('heading', { name: firstGuide }).first().waitFor({ state: 'visible' });
}

/**
 * Waits until the heading a screen is about sits in the top half of the viewport, checked in the page on
 * every animation frame: the scroll that brought it there is done, so what is on screen is that screen.
 */
async function scrolledTo(page: Page, heading: Locator) {
  const element = await heading.elementHandle();
  await page.waitForFunction((e) => {
    const top = (e as Element).getBoundingClientRect().top;
    return top >= 0 && top < innerHeight / 2;
  }, element);
}

/** The page's text as rendered (what a reader sees, hidden parts left out), which is what these checks are about. */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point, not the DOM's
const visibleText = (page: Page) => page.locator('body').innerText();

/** Words on screen (in the viewport, not hidden): how many are Korean, how many Latin; all, and outside code. */
function visibleWords() {
  const counts = { all: { hangul: 0, latin: 0 }, prose: { hangul: 0, latin: 0 } };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || element.closest('script, style')) continue;
    const rect = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (rect.width === 0 || rect.bottom < 0 || rect.top > innerHeight || rect.left > innerWidth) continue;
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const words = (node.textContent ?? '').split(/[\s,.;:()[\]{}"'=+\-/]+/).filter(Boolean);
    const hangul = words.filter((w) => /[\uAC00-\uD7A3]/.test(w)).length;
    const latin = words.filter((w) => /^[A-Za-z]/.test(w) && !/[\uAC00-\uD7A3]/.test(w)).length;
    counts.all.hangul += hangul;
    counts.all.latin += latin;
    if (!element.closest('code, pre, kbd, samp')) {
      counts.prose.hangul += hangul;
      counts.prose.latin += latin;
    }
  }
  return counts;
}

/** The guides' tables and code blocks that need sideways scrolling or stick out, codes that wrap, and samples that scroll. */
function layoutProblems() {
  const guides = [
    ...document.querySelectorAll('[data-section-id^="/section/"] [data-component-name="Markdown/Markdown"]'),
  ];
  const column = (e: Element) => (e.closest('[data-testid="middle-panel"]') ?? document.body).getBoundingClientRect();
  const problems: string[] = [];
  const label = (e: Element) => `${e.tagName.toLowerCase()} "${(e.textContent ?? '').slice(0, 40)}"`;
  const boxes = guides.flatMap((g) => [...g.querySelectorAll('table, pre')]);
  for (const box of boxes) {
    const holder = box.tagName === 'TABLE' ? (box.parentElement as HTMLElement) : (box as HTMLElement);
    if (holder.scrollWidth > holder.clientWidth + 1)
      problems.push(`${label(box)} scrolls sideways (${holder.scrollWidth} > ${holder.clientWidth} px)`);
    if (box.getBoundingClientRect().right > column(box).right + 1)
      problems.push(`${label(box)} sticks out of its column`);
  }
  const codes = guides.flatMap((g) => [...g.querySelectorAll('code')]).filter((c) => !c.closest('pre'));
  for (const code of codes) {
    if (code.getClientRects().length > 1) problems.push(`${label(code)} wraps inside itself`);
    if (code.getBoundingClientRect().right > column(code).right + 1)
      problems.push(`${label(code)} sticks out of its column`);
  }
  const samples = [...document.querySelectorAll('pre')].filter((p) => !p.closest('[data-section-id^="/section/"]'));
  for (const pre of samples)
    if (pre.scrollWidth > pre.clientWidth + 1) problems.push(`sample ${label(pre)} scrolls sideways`);
  return { boxes: boxes.length, codes: codes.length, samples: samples.length, problems };
}

describe.each(editions)('the $language edition (generated/docs/…/index.html) in Chromium', (edition) => {
  let page: Page;
  const leaving: string[] = [];
  const consoleErrors: string[] = [];
  const url = pathToFileURL(edition.file).href;

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.route('**/*', (route) => {
      const target = route.request().url();
      if (target.startsWith('file:') || target.startsWith('data:') || target.startsWith('blob:'))
        return route.continue();
      leaving.push(target);
      return route.abort();
    });
    await openEdition(page, url, edition.guideTitles[0]);
  }, 60_000);
  afterAll(() => page?.close());

  it('is in its language, with the page title and lang attribute', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe(edition.language);
    expect(await page.title()).toBe(inEdition(edition.language, doc.info as Text, 'title'));
    await page.screenshot({ path: join(screenshots, `docs-${edition.language}-landing.png`) });
  });

  it('shows the title and the first guide before Redoc has started (and without JavaScript), then only Redoc’s page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1440, height: 1000 } });
    try {
      const still = await context.newPage();
      await still.goto(url, { waitUntil: 'load' });
      const first = still.locator('.kona-first-screen');
      await first.waitFor({ state: 'visible' });
      expect(await first.locator('h1').first().textContent()).toContain(
        inEdition(edition.language, doc.info as Text, 'title'),
      );
      // The first guide only (the screen is hidden from assistive technology, so its headings are read as text).
      const headings = await first.locator('h1, h2, h3').allTextContents();
      expect(headings).toContain(edition.guideTitles[0]);
      expect(headings).not.toContain(edition.guideTitles[1]);
    } finally {
      await context.close();
    }
    // This page has rendered (beforeAll): the first screen is gone from the document, not only hidden.
    expect(await page.locator('.kona-first-screen').count()).toBe(0);
    expect(await page.locator('#redoc [data-section-id]').count()).toBeGreaterThan(0);
    // Whether the first screen is in the document when Redoc inserts its page (seen by an observer that
    // runs before the page's own): on the landing page it is, until then; a link to a route (an operation,
    // Redoc's 404) never has it.
    const tab = await browser.newPage();
    try {
      await tab.addInitScript(() => {
        const seen = window as unknown as { firstScreenAtRender?: boolean };
        new MutationObserver((_, watch) => {
          if (!document.getElementById('redoc')?.firstElementChild) return;
          seen.firstScreenAtRender = document.querySelector('.kona-first-screen') !== null;
          watch.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      for (const [hash, expected] of [
        ['', true],
        [`#/${edition.operations[0]?.operationId}`, false],
        ['#/no-such-route', false],
      ] as const) {
        await tab.goto('about:blank');
        await tab.goto(`${url}${hash}`);
        const atRender = await (
          await tab.waitForFunction(() => {
            const seen = (window as unknown as { firstScreenAtRender?: boolean }).firstScreenAtRender;
            return seen === undefined ? undefined : { seen };
          })
        ).jsonValue();
        expect({ hash, ...atRender }).toEqual({ hash, seen: expected });
      }
    } finally {
      await tab.close();
    }
  });

  it('has operations and guides to look for (read from the bundled spec)', () => {
    expect(edition.operations.length).toBeGreaterThan(0);
    expect(edition.guideTitles.length).toBeGreaterThan(0);
    expect(Object.keys(registry).length).toBeGreaterThan(0);
  });

  it.each(edition.operations)('renders the operation "$summary", reached from the sidebar', async (op) => {
    const { path } = op;
    await openOperation(page, op);
    const text = await visibleText(page);
    expect(text).toContain(path);
    expect(text).toContain('X-KM-Tran-Token');
    expect(text).toContain(edition.conflictLabel);
    await page.screenshot({
      path: join(screenshots, `docs-${edition.language}-operation-${path.split('/').at(-2)}.png`),
    });
  });

  it('has every guide, in order, and the signing guide with its test vector', async () => {
    const text = await visibleText(page);
    let at = -1;
    for (const title of edition.guideTitles) {
      const found = text.indexOf(title, at + 1);
      expect(found, title).toBeGreaterThan(at);
      at = found;
    }
    const scheme = doc.components.securitySchemes.TranToken as { 'x-test-vector': { token: string } };
    expect(text).toContain(scheme['x-test-vector'].token);
  });

  it('lists every code of the error registry with its texts, provisional ones flagged', async () => {
    await page.getByText(edition.errorGuide, { exact: true }).first().click();
    await page
      .locator('#redoc')
      .getByRole('heading', { name: edition.errorGuide })
      .first()
      .waitFor({ state: 'visible' });
    const text = await visibleText(page);
    for (const [code, entry] of Object.entries(registry)) {
      expect(text, code).toContain(code);
      expect(text).toContain(entry.message);
      expect(text).toContain(entry.description);
    }
    const flagged = Object.values(registry).filter((e) => e.status === 'provisional').length;
    expect(text.split(edition.provisionalLabel).length - 1).toBeGreaterThanOrEqual(flagged);
    await page.screenshot({ path: join(screenshots, `docs-${edition.language}-error-codes.png`) });
  });

  it('shows no literal Markdown and none of the repo’s own words', async () => {
    const text = await visibleText(page);
    expect(text).not.toContain('`');
    expect(text).not.toContain('**');
    expect(text).not.toMatch(/\bseeds?\b/i);
    expect(text).not.toMatch(/\bpnpm\b/);
  });

  it.each([1440, 1024])(
    'at %i px, no guide table or code needs sideways scrolling, and no code wraps',
    async (width) => {
      await page.setViewportSize({ width, height: 1000 });
      await openEdition(page, url, edition.guideTitles[0]);
      const layout = await page.evaluate(layoutProblems);
      expect(layout.boxes).toBeGreaterThan(5);
      expect(layout.codes).toBeGreaterThan(50);
      expect(layout.problems).toEqual([]);
      await page.setViewportSize({ width: 1440, height: 1000 });
    },
  );

  it('the language switch and every download link (bar and guides) lead to files beside the page', async () => {
    const bar = '.kona-bar a';
    const inGuides = '[data-section-id^="/section/"] a[href]:not([href^="/"])';
    const links = await page
      .locator(`${bar}, ${inGuides}`)
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThanOrEqual(11);
    for (const link of links) expect(existsSync(fileURLToPath(link.split('#')[0] ?? link)), link).toBe(true);
    const other = edition.language === 'en' ? 'ko' : 'en';
    await openOperation(page, edition.operations[0]);
    const hash = new URL(page.url()).hash;
    await page.locator(`.kona-bar a[hreflang="${other}"]`).click();
    await page.waitForURL((u) => u.pathname.endsWith(other === 'ko' ? '/ko/index.html' : '/docs/index.html'));
    expect(await page.getAttribute('html', 'lang')).toBe(other);
    expect(new URL(page.url()).hash).toBe(hash);
    await page.goto(url, { waitUntil: 'load' });
  });

  it('logged no console error and sent no request off the page, through all of the above', async () => {
    // The last load of the suite (back from the other edition) rendered to the end before the check.
    await page
      .locator('#redoc')
      .getByRole('heading', { name: edition.guideTitles[0] })
      .first()
      .waitFor({ state: 'visible' });
    expect(consoleErrors).toEqual([]);
    expect(leaving).toEqual([]);
    // The listener hears the page: an error the page logs now is in the list.
    const heard = page.waitForEvent('console', (m) => m.type() === 'error');
    await page.evaluate(() => console.error('probe: an error logged by the page'));
    await heard;
    expect(consoleErrors).toEqual(['probe: an error logged by the page']);
  });
});

describe('the Korean edition reads Korean first', () => {
  const ko = editions[1] as (typeof editions)[number];
  // Each screen: how to get there from the landing page, and the heading the screen is about.
  it.each([
    [
      'the landing screen',
      async (page: Page) => page.locator('#redoc').getByRole('heading', { name: ko.guideTitles[0] }).first(),
    ],
    ['an operation', (page: Page) => openOperation(page, ko.operations.at(-1))],
    [
      'the error codes',
      async (page: Page) => {
        await page.getByText(ko.errorGuide, { exact: true }).first().click();
        const heading = page.locator('#redoc').getByRole('heading', { name: ko.errorGuide }).first();
        await heading.waitFor({ state: 'visible' });
        return heading;
      },
    ],
  ])('on %s, most words on screen are Korean (counted in the browser)', async (screen, go) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await openEdition(page, pathToFileURL(ko.file).href, ko.guideTitles[0]);
    await scrolledTo(page, await go(page));
    const { all, prose } = await page.evaluate(visibleWords);
    const share = (c: { hangul: number; latin: number }) => c.hangul / (c.hangul + c.latin);
    console.log(
      `Korean edition, ${screen}: ${(share(all) * 100).toFixed(0)}% of words on screen are Korean (${all.hangul} of ${all.hangul + all.latin}); outside code ${(share(prose) * 100).toFixed(0)}%`,
    );
    expect(share(all)).toBeGreaterThan(0.5);
    expect(share(prose)).toBeGreaterThan(0.65);
    await page.close();
  });
});

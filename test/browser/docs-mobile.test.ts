// Both editions on a phone (390 × 844 CSS px) in real Chromium, served as a static host serves them: the
// page is no wider than the screen, no element runs past its right edge except inside a box that
// scrolls, the title's "Konaplate" / "코나플레이트" is never broken inside the word, an operation's path and
// inline code are not cut off, and no code block's Copy button sits on its code. Screenshots go to
// test-output/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@konaplate-contract/codegen';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { loadBundle } from '../support/bundle.ts';
import { brokenWords, landingAnchor, openFresh, overflowProblems, type StaticSite, serveDocs } from './site.ts';

const doc = loadBundle();
const phone = { width: 390, height: 844 };
const screenshots = join(repoRoot, 'test-output');
const operations = Object.entries(doc.paths).map(([path, item]) => {
  const operation = item.post as unknown as { operationId: string; tags: string[] };
  const tag = String(operation.tags[0]).toLowerCase().replace(/\s+/g, '-');
  return { path, tag, route: `#/${tag}/${operation.operationId.toLowerCase()}` };
});
const routes = [
  { name: 'landing', hash: '', target: landingAnchor },
  ...[...new Set(operations.map((o) => o.tag))].map((tag) => ({ name: `tag ${tag}`, hash: `#/${tag}`, target: tag })),
  ...operations.map((o) => ({ name: `operation ${o.route}`, hash: o.route, target: o.route.slice(2) })),
];
const editions = [
  { language: 'en', page: 'index.html', word: 'Konaplate' },
  { language: 'ko', page: 'ko/index.html', word: '코나플레이트' },
];
const cases = editions.flatMap((edition) => routes.map((route) => ({ ...edition, ...route })));

/** Code blocks whose controls (Copy) cover a character of their code: each control against each line's box. */
function coveredCode(): { blocks: number; covered: string[] } {
  const covered: string[] = [];
  const blocks = [...document.querySelectorAll('pre')].filter((pre) => pre.checkVisibility());
  for (const pre of blocks) {
    const controls = [...(pre.parentElement?.querySelectorAll('.code-block-header, button') ?? [])]
      .filter((c) => !pre.contains(c) && c.checkVisibility())
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 0);
    const range = document.createRange();
    range.selectNodeContents(pre);
    const text = [...range.getClientRects()].filter((r) => r.width > 0);
    for (const control of controls)
      for (const line of text)
        if (
          line.left < control.right &&
          line.right > control.left &&
          line.top < control.bottom &&
          line.bottom > control.top
        ) {
          covered.push(`"${(pre.textContent ?? '').slice(0, 30)}" under a control at ${Math.round(control.left)} px`);
          break;
        }
  }
  return { blocks: blocks.length, covered };
}

/** Operation paths and inline code whose text a box cuts off (hidden overflow, an ellipsis) instead of wrapping. */
function cutOff(paths: string[]): string[] {
  const cut: string[] = [];
  for (const element of document.querySelectorAll('#redoc *')) {
    if (!element.checkVisibility() || element.scrollWidth <= element.clientWidth + 1) continue;
    const style = getComputedStyle(element);
    if (style.overflowX === 'visible' || style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
    const text = (element.textContent ?? '').trim();
    if (paths.some((path) => text.includes(path)) || element.tagName === 'CODE')
      cut.push(`${element.tagName} "${text.slice(0, 40)}"`);
  }
  return cut;
}

let browser: Browser;
let site: StaticSite;
beforeAll(async () => {
  [browser, site] = await Promise.all([launchChromium(), serveDocs()]);
  mkdirSync(screenshots, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('both editions at 390 × 844', () => {
  it('have routes and operations to look at', () => {
    expect(operations.length).toBeGreaterThan(0);
    expect(cases.length).toBe(editions.length * routes.length);
  });

  it.each(cases)(
    '$language, $name: nothing runs past the screen, no word of the title breaks, no code is cut or covered',
    async ({ language, page: file, word, name, hash, target }) => {
      const page: Page = await browser.newPage({
        viewport: phone,
        deviceScaleFactor: 1,
        isMobile: true,
        hasTouch: true,
      });
      try {
        await openFresh(page, `${site.url}${file}${hash}`, target);
        const layout = await page.evaluate(overflowProblems);
        expect(layout.width).toBe(phone.width);
        expect(layout.checked).toBeGreaterThan(50);
        expect(layout.scrollWidth).toBeLessThanOrEqual(phone.width);
        expect(layout.problems).toEqual([]);
        const words = await page.evaluate(brokenWords, word);
        if (name === 'landing') expect(words.measured).toBeGreaterThan(0);
        expect(words.broken).toEqual([]);
        expect(
          await page.evaluate(
            cutOff,
            operations.map((o) => o.path),
          ),
        ).toEqual([]);
        const code = await page.evaluate(coveredCode);
        if (name.startsWith('operation')) expect(code.blocks).toBeGreaterThan(0);
        expect(code.covered).toEqual([]);
        await page.screenshot({ path: join(screenshots, `docs-${language}-390-${name.replace(/[^\w]+/g, '-')}.png`) });
      } finally {
        await page.close();
      }
    },
  );
});

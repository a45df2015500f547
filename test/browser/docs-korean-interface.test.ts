// Redoc's own interface in each edition, in real Chromium: the labels Redoc's bundle can show in
// English (read from the bundle itself, not from our translation table) are visible in the English
// edition and none of them in the Korean one, where each shows as its Korean. Screens: the landing page,
// each tag and operation, an address that is not there (404), a pattern shown, the security details,
// the search dialog (no result, results) and the copy button's tooltip.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redocKorean } from '@konaplate-contract/codegen';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { loadBundle } from '../support/bundle.ts';
import {
  docsDir,
  type InterfaceText,
  openFresh,
  redocEnglishLabels,
  type StaticSite,
  serveDocs,
  visibleInterfaceTexts,
} from './site.ts';

const doc = loadBundle();
const english = redocEnglishLabels(readFileSync(join(docsDir, 'index.html'), 'utf8'));
/** Names that are the same in every language: tools and programming languages (Redoc's sample tabs). */
const names = new Set(['curl', 'Node.js', 'Python', 'Java', 'JavaScript', 'Go', 'PHP', 'Ruby', 'C#', 'JSON', 'URL']);
const labels = new Set(english.filter((label) => !names.has(label)));
/** Text Redoc composes rather than names: the type line's units and the search results' places. */
const composed = [
  /\b(characters|items|properties)\b/,
  /\b(request|response)( \d{3})? (fields|body|headers|examples)\b/,
  /^(Show|Hide) \d+ variables?$/,
  /^link to /,
];
const operations = Object.values(doc.paths).map((item) => {
  const operation = item.post as unknown as { operationId: string; tags: string[] };
  const tag = String(operation.tags[0]).toLowerCase().replace(/\s+/g, '-');
  return { tag, route: `#/${tag}/${operation.operationId.toLowerCase()}` };
});

/** A header a security scheme puts its key in: the security details name it. */
const securityHeader = String(
  Object.values(doc.components.securitySchemes as Record<string, { in?: string; name?: string }>).find(
    (scheme) => scheme.in === 'header',
  )?.name,
);

let browser: Browser;
let site: StaticSite;
beforeAll(async () => {
  [browser, site] = await Promise.all([launchChromium(), serveDocs()]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The class a control has in the English edition: the same control has it in the Korean one (same bundle, same styles). */
async function controlClass(page: Page, label: string): Promise<string> {
  const found = page.getByRole('button', { name: label, exact: true }).first();
  await found.waitFor();
  const styled = String(await found.getAttribute('class'))
    .split(' ')
    .filter((c) => /^sc-/.test(c));
  if (styled.length === 0) throw new Error(`the "${label}" button has no styled class`);
  return styled.join('.');
}

/** The screens walked in each edition, in order. */
const screens = [
  'landing',
  ...operations.flatMap(({ tag, route }) => [`tag ${tag}`, `operation ${route}`]),
  '404',
  'a pattern shown',
  'security details',
  'search, no result',
  'search, results',
];

/** Walks every screen of an edition and returns what was seen or read out of the interface, screen by screen. */
async function interfaceOf(
  base: string,
  controls: { showPattern: string; securityDetails: string },
): Promise<Map<string, InterfaceText[]>> {
  const seen = new Map<string, InterfaceText[]>();
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const look = async (screen: string) => seen.set(screen, await page.evaluate(visibleInterfaceTexts));
  const open = (route: string, target?: string) => openFresh(page, `${base}${route}`, target);
  // What Redoc opens over the page (the security details) is its own element after #redoc, naming the schemes' headers.
  const overlay = page.locator('body > div:not(#redoc)').filter({ hasText: securityHeader });
  // The search dialog's one text field (the trigger opens it and focuses it).
  const searchInput = page.locator('input:visible').first();
  try {
    await open('', 'section/overview');
    await look('landing');
    for (const { tag, route } of operations) {
      await open(`#/${tag}`, tag);
      await look(`tag ${tag}`);
      await open(route, route.slice(2));
      await page.locator('[data-testid="source-code"]').first().waitFor();
      await look(`operation ${route}`);
    }
    await open('#/no/such/page');
    await page.locator('.not-found-page').waitFor();
    await look('404');
    await open(operations[0]?.route ?? '', operations[0]?.route.slice(2));
    const toggle = page.locator(`button.${controls.showPattern}`).first();
    const before = await toggle.textContent();
    await toggle.click();
    await page.waitForFunction(
      ([selector, text]) => document.querySelector(selector as string)?.textContent !== text,
      [`button.${controls.showPattern}`, before],
    );
    await look('a pattern shown');
    await page.locator(`button.${controls.securityDetails}`).first().click();
    await overlay.waitFor({ state: 'visible' });
    await look('security details');
    await page.keyboard.press('Escape');
    await overlay.waitFor({ state: 'hidden' });
    await page.locator('[data-testid="search-trigger"]').click();
    await searchInput.fill('zzzzqq');
    await page.locator('[data-testid="search-message"]').waitFor();
    await look('search, no result');
    await searchInput.fill('card');
    await page.locator('[data-component-name="Search/SearchItem"]').first().waitFor();
    await look('search, results');
  } finally {
    await page.close();
  }
  return seen;
}

const editions = { en: new Map<string, InterfaceText[]>(), ko: new Map<string, InterfaceText[]>() };

describe("Redoc's own interface, edition by edition", () => {
  beforeAll(async () => {
    const probe = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await openFresh(probe, `${site.url}index.html${operations[0]?.route ?? ''}`, operations[0]?.route.slice(2));
    const controls = {
      showPattern: await controlClass(probe, 'Show pattern'),
      securityDetails: await controlClass(probe, 'View security details'),
    };
    await probe.close();
    editions.en = await interfaceOf(`${site.url}index.html`, controls);
    editions.ko = await interfaceOf(`${site.url}ko/index.html`, controls);
  }, 180_000);

  it("has Redoc's labels to look for, read from the bundle the pages inline, and operations to open", () => {
    expect(operations.length).toBeGreaterThan(0);
    expect(securityHeader).toMatch(/^X-KM-/);
    expect(labels.size).toBeGreaterThan(100);
    for (const label of ['Copy', 'Expand all', 'Collapse all', 'required', 'Responses', 'Download OpenAPI description'])
      expect(labels, label).toContain(label);
  });

  const englishSeen = () => [...editions.en.values()].flat().filter((t) => labels.has(t.text));

  it('the English edition shows them in English: the check can see a label left English', () => {
    const seen = new Set(englishSeen().map((t) => t.text));
    for (const label of [
      'Copy',
      'Request',
      'Responses',
      'Headers',
      'required',
      'Show pattern',
      'No page at this address',
    ])
      expect(seen, label).toContain(label);
    expect(seen.size).toBeGreaterThan(20);
    const texts = [...editions.en.values()].flat().map((t) => t.text);
    for (const pattern of composed.slice(0, 2))
      expect(
        texts.some((t) => pattern.test(t)),
        String(pattern),
      ).toBe(true);
  });

  it('walked every screen in both editions, each with something on it', () => {
    expect(screens.length).toBeGreaterThan(5);
    for (const edition of [editions.en, editions.ko]) {
      expect([...edition.keys()]).toEqual(screens);
      for (const [screen, texts] of edition) expect(texts.length, screen).toBeGreaterThan(5);
    }
  });

  it.each(screens)('the Korean edition shows no English interface label: %s', (screen) => {
    const shown = editions.ko.get(screen) ?? [];
    expect(shown.length).toBeGreaterThan(0);
    const left = shown.filter((t) => labels.has(t.text) || composed.some((p) => p.test(t.text)));
    expect(left.map((t) => `${t.text} (${t.where})`)).toEqual([]);
  });

  it('every label the English edition shows, the Korean edition shows in Korean', () => {
    const seen = new Set([...editions.ko.values()].flat().map((t) => t.text));
    // A loading label shows only while a piece of a screen renders: whether a walk catches it is timing.
    // (Shown in English on the Korean edition, the check above would still catch it.)
    const transient = (label: string) => /^Loading\b/.test(label);
    const missing = [...new Set(englishSeen().map((t) => t.text))]
      .filter((label) => !transient(label))
      .filter((label) => Object.hasOwn(redocKorean, label) || Object.hasOwn(redocKorean, `${label} `))
      .map((label) => (redocKorean[label] ?? redocKorean[`${label} `] ?? '').trim())
      .filter((korean) => !seen.has(korean));
    expect(missing).toEqual([]);
  });
});

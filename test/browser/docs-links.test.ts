// Every link of the docs site works from a plain static file server (node:http serving files, nothing
// else): each href on both pages, on every route, and each link of llms.txt and the Markdown pages, is
// followed. A file link must be a file; a section or operation link (`#/…`) must open, loaded afresh as a
// copied link would be, on its target (the element with that id) and not on Redoc's 404. Both editions
// have the same anchors, and the language switch keeps the reader's place.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { loadBundle } from '../support/bundle.ts';
import { docsDir, landingAnchor, openFresh, type StaticSite, serveDocs } from './site.ts';

const doc = loadBundle();
const operations = Object.values(doc.paths).map((item) => {
  const operation = item.post as unknown as { operationId: string; tags: string[] };
  const tag = String(operation.tags[0]).toLowerCase().replace(/\s+/g, '-');
  return { tag, route: `#/${tag}/${operation.operationId.toLowerCase()}` };
});
const tags = [...new Set(operations.map((o) => `#/${o.tag}`))];
/** The routes of a page a reader can be on: the landing page, each tag, each operation. */
const routes = ['', ...tags, ...operations.map((o) => o.route)];
const pages = ['index.html', 'ko/index.html'];
/** Links that leave the site: the "API docs by Redocly" badge only. */
const leaving = ['https://redocly.com/redoc/'];
/** Every llms.txt and Markdown page of both editions, relative to generated/docs/. */
const textPages = readdirSync(docsDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.md') || f.endsWith('llms.txt'))
  .map((f) => relative(docsDir, join(docsDir, f)).replaceAll('\\', '/'))
  .sort();

let browser: Browser;
let site: StaticSite;
/** Every href seen, absolute, with where it was seen. */
const hrefs = new Map<string, string>();
/** The ids (anchors) of each page's routes, by edition: `${route}` → ids. */
const anchors = { 'index.html': new Map<string, string[]>(), 'ko/index.html': new Map<string, string[]>() };

/** The element a `#/…` link leads to: the anchor after a second `#`, or the route itself ('' for the landing page). */
const targetOf = (hash: string) => {
  const inner = hash.indexOf('#', 1);
  return decodeURIComponent(inner > 0 ? hash.slice(inner + 1) : hash.slice(2));
};

/** Runs `task` over `items`, `width` at a time, each with its own page. */
async function inPages<T>(items: T[], width: number, task: (page: Page, item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
      try {
        for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(page, item);
      } finally {
        await page.close();
      }
    }),
  );
}

beforeAll(async () => {
  [browser, site] = await Promise.all([launchChromium(), serveDocs()]);
  const visits = pages.flatMap((page) => routes.map((route) => ({ page, route })));
  await inPages(visits, 3, async (tab, { page, route }) => {
    await openFresh(tab, `${site.url}${page}${route}`, route ? targetOf(route) : landingAnchor);
    const found = await tab.evaluate(() => ({
      links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      ids: [...document.querySelectorAll('#redoc [id]')]
        .map((e) => e.id)
        .filter((id) => !/^_r_|^redoc|^api-content/.test(id)),
    }));
    for (const link of found.links) if (!hrefs.has(link)) hrefs.set(link, `${page}${route}`);
    anchors[page as keyof typeof anchors].set(route, found.ids);
  });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const onSite = (link: string) => link.startsWith(site.url);
const isRoute = (link: string) => new URL(link).hash.startsWith('#/');

describe('every href of both pages, on every route', () => {
  it('has pages, routes and links to follow', () => {
    expect(routes.length).toBeGreaterThan(2);
    expect(hrefs.size).toBeGreaterThan(50);
    expect([...hrefs.keys()].filter(isRoute).length).toBeGreaterThan(20);
  });

  it('leaves the site only for the Redocly badge', () => {
    expect([...hrefs.keys()].filter((link) => !onSite(link))).toEqual(leaving);
  });

  it('every link to a file is a file the static server has', async () => {
    const files = [...new Set([...hrefs.keys()].filter(onSite).map((link) => link.split('#')[0] as string))];
    expect(files.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const file of files) {
      const answer = await fetch(file);
      await answer.arrayBuffer();
      if (answer.status !== 200)
        missing.push(`${file.slice(site.url.length)} (${answer.status}, linked from ${hrefs.get(file)})`);
    }
    expect(missing).toEqual([]);
  });

  it('no link is a path the page script alone understands (/section/…, /cards/…)', () => {
    const paths = [...hrefs.keys()].filter(onSite).map((link) => new URL(link).pathname);
    expect(paths.filter((path) => !/\.(html|ya?ml|json|txt|pdf|pem|md|tgz)$/.test(path))).toEqual([]);
  });

  it('every section and operation link, loaded afresh as a copied link is, opens on its target', async () => {
    const links = [...hrefs.keys()].filter((link) => onSite(link) && isRoute(link));
    expect(links.length).toBeGreaterThan(20);
    // Each route is loaded afresh: the landing page, each guide (`#/section/signing`), each tag and operation.
    // A link to a part of one (`#/section/signing/test-vector`, `#/cards/x#cards/x/request`) must name an
    // anchor of the route it opens.
    const routeOf = (link: string) =>
      link
        .split('#')
        .slice(0, 2)
        .join('#')
        .replace(/(#\/section\/[^/]+)\/.*$/, '$1');
    const inner = links.filter((link) => routeOf(link) !== link);
    const own = [...new Set(links.map(routeOf))];
    const broken: string[] = [];
    await inPages(own, 3, async (page, link) => {
      const target = targetOf(new URL(link).hash);
      try {
        await openFresh(page, link, target || undefined);
        const ids = await page.evaluate(() => [...document.querySelectorAll('#redoc [id]')].map((e) => e.id));
        for (const deep of inner.filter((l) => routeOf(l) === link))
          if (!ids.includes(targetOf(new URL(deep).hash))) broken.push(`${deep.slice(site.url.length)}: no anchor`);
        if ((await page.locator('.not-found-page').count()) > 0) broken.push(`${link}: Redoc's 404`);
      } catch {
        broken.push(`${link.slice(site.url.length)}: no element #${target} (linked from ${hrefs.get(link)})`);
      }
    });
    expect(inner.length).toBeGreaterThan(10);
    expect(broken).toEqual([]);
  }, 300_000);
});

describe('both editions', () => {
  // Redoc renders a window of the page around the route, in pieces (the route's own part first, its
  // neighbours after), so what else a route shows depends on when it is read. Compared: each route's own
  // anchors (the guides' on the landing page, the tag's or operation's on its route), and every anchor
  // seen over all routes.
  it('have the same anchors on every route', () => {
    expect(anchors['index.html'].size).toBe(routes.length);
    const own = (route: string, ids: string[]) =>
      ids.filter((id) =>
        route ? id === targetOf(route) || id.startsWith(`${targetOf(route)}/`) : id.startsWith('section/'),
      );
    for (const route of routes) {
      const en = own(route, anchors['index.html'].get(route) ?? []);
      expect(en.length, route || 'landing').toBeGreaterThan(0);
      expect(own(route, anchors['ko/index.html'].get(route) ?? []), route || 'landing').toEqual(en);
    }
    const all = (edition: keyof typeof anchors) => [...new Set([...anchors[edition].values()].flat())].sort();
    expect(all('index.html').length).toBeGreaterThan(50);
    expect(all('ko/index.html')).toEqual(all('index.html'));
  });

  it.each([
    ['index.html', 'ko/index.html'],
    ['ko/index.html', 'index.html'],
  ])('the language switch from %s keeps the reader on the same section and operation', async (from, to) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    try {
      const sections = (anchors['index.html'].get('') ?? []).filter((id) => id.split('/').length > 2);
      expect(sections.length).toBeGreaterThan(5);
      for (const hash of [`#/${sections.at(-1)}`, operations[0]?.route ?? '']) {
        await openFresh(page, `${site.url}${from}${hash}`, targetOf(hash));
        await page.locator(`.kona-bar a[hreflang="${to.startsWith('ko') ? 'ko' : 'en'}"]`).click();
        await page.waitForURL((url) => url.pathname.endsWith(`/${to}`));
        expect(new URL(page.url()).hash).toBe(hash);
        await page.waitForFunction((id) => {
          const top = document.getElementById(id)?.getBoundingClientRect().top;
          return top !== undefined && top >= -1 && top < innerHeight;
        }, targetOf(hash));
      }
    } finally {
      await page.close();
    }
  });
});

describe('the links of llms.txt and the Markdown pages, both editions', () => {
  it('has pages to read, a Korean one for each English one', () => {
    expect(textPages.length).toBeGreaterThan(4);
    const english = textPages.filter((p) => !p.startsWith('ko/'));
    expect(textPages.filter((p) => p.startsWith('ko/'))).toEqual(english.map((p) => `ko/${p}`));
    const linked = textPages.filter((p) => /\]\((?![a-z]+:)[^)\s]+\)/.test(readFileSync(join(docsDir, p), 'utf8')));
    expect(linked.length).toBeGreaterThan(4);
  });

  it.each(textPages)('every relative link of %s is a file of the static server', async (file) => {
    const text = readFileSync(join(docsDir, file), 'utf8');
    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '').filter((l) => !/^[a-z]+:/.test(l));
    const missing: string[] = [];
    for (const link of links) {
      const url = new URL(link, `${site.url}${file}`);
      const answer = await fetch(url);
      await answer.arrayBuffer();
      if (answer.status !== 200 || !url.href.startsWith(site.url)) missing.push(`${link} (${answer.status})`);
    }
    expect(missing).toEqual([]);
  });
});

// Helpers of the docs' browser tests: generated/docs/ served as any static host serves it (files only,
// no rewrites, no script of ours), the English interface labels of the Redoc bundle the pages inline,
// and what a reader sees of the interface on screen.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { generatedDir } from '@konaplate-contract/codegen';
import type { Page } from 'playwright-core';

export const docsDir = join(generatedDir, 'docs');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.yaml': 'application/yaml',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.pdf': 'application/pdf',
  '.pem': 'application/x-pem-file',
  '.tgz': 'application/gzip',
};

export interface StaticSite {
  /** The folder's address, ending in a slash. */
  url: string;
  /** Every path asked for, with the status it got. */
  requests: Array<{ path: string; status: number }>;
  close(): Promise<void>;
}

/** generated/docs/ on 127.0.0.1 through node:http: a file is served as is; anything else is 404. */
export async function serveDocs(dir = docsDir): Promise<StaticSite> {
  const requests: StaticSite['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(dir, path));
    const answer = (status: number) => requests.push({ path, status });
    const isFile = file.startsWith(dir + sep) && statSync(file, { throwIfNoEntry: false })?.isFile();
    if (!isFile) {
      answer(404);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    answer(200);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The interface labels Redoc's bundle can show, in English, read from the bundle itself (not from our
 * translation table): the default of every `translate(key, 'Default')` call, and every literal written
 * under a property that is shown (`children:`, `label:`, `title:`, `placeholder:`, `aria-label`, ...).
 */
export function redocEnglishLabels(html: string): string[] {
  const start = html.indexOf('<script type="module">');
  const end = html.indexOf('const __redoc_definition', start);
  if (start === -1 || end === -1) throw new Error('no inlined Redoc bundle in the page');
  const bundle = html.slice(start, end);
  const found = new Set<string>();
  for (const m of bundle.matchAll(/[\w$]{1,3}\(`[a-zA-Z][\w.]*`,`([^`$]{2,60})`\)/g)) found.add(m[1] ?? '');
  for (const m of bundle.matchAll(
    /(?:children|label|title|placeholder|"aria-label"|tip|tooltip|buttonText):`([A-Za-z][^`$]{1,60})`/g,
  ))
    found.add(m[1] ?? '');
  // Words, not identifiers, paths or code: a label has a letter, no code punctuation, and is not a CSS or file name.
  return [...found]
    .map((label) => label.trim())
    .filter((label) => /[A-Za-z]{2}/.test(label) && !/[{}<>=;/\\_#]|^[a-z]+[A-Z]|\.(js|mjs)$/.test(label));
}

export interface InterfaceText {
  text: string;
  /** Where it is: a text node's parent element, or the attribute. */
  where: string;
}

/**
 * What the reader sees or hears of the page now: every visible text node (trimmed), and the aria-label,
 * title and placeholder of visible elements; code is left out (it is the same in every language).
 */
export function visibleInterfaceTexts(): InterfaceText[] {
  // No helper functions in here: the page runs this function's own text.
  const out: InterfaceText[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    const text = (node.textContent ?? '').trim();
    if (!element || !text || element.closest('script, style, pre, code')) continue;
    if (element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }))
      out.push({ text, where: `${element.tagName.toLowerCase()} ${element.getAttribute('data-testid') ?? ''}`.trim() });
  }
  for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const text = element.getAttribute(name)?.trim();
      if (text) out.push({ text, where: `${element.tagName.toLowerCase()} @${name}` });
    }
  }
  return out;
}

/** Waits until Redoc has rendered the page: its sidebar's links are there. */
export async function redocReady(page: Page): Promise<void> {
  await page.locator('#redoc a[href^="#/"]').first().waitFor({ state: 'attached' });
}

/** The anchor of the landing route's first guide. */
export const landingAnchor = 'section/overview';

/**
 * Opens `url` as a fresh document (never a same-page hash change, which would find the last route still
 * on screen) and waits until Redoc has rendered it: its sidebar, the element with the id `target` if
 * given, and the page's anchors unchanged over ten frames in a row (Redoc may first render one route,
 * then the one the address names).
 */
export async function openFresh(page: Page, url: string, target?: string): Promise<void> {
  if (page.url() !== 'about:blank') await page.goto('about:blank');
  await page.goto(url);
  await redocReady(page);
  await page.waitForFunction(
    (id) => {
      const state = window as unknown as { konaAnchors?: string; konaSteady?: number };
      const anchors = [...document.querySelectorAll('#redoc [id]')].map((e) => e.id).join(' ');
      state.konaSteady = anchors === state.konaAnchors ? (state.konaSteady ?? 0) + 1 : 0;
      state.konaAnchors = anchors;
      return (id === null || document.getElementById(id) !== null) && state.konaSteady >= 10;
    },
    target ?? null,
    { polling: 'raf' },
  );
}

/**
 * What runs past the right edge of the screen: the document's own width, and every visible element whose
 * right edge is beyond the viewport, unless it scrolls inside an ancestor's own box that fits (a table's or
 * a code block's scroll container). Clipped is not fitted: what a box hides past the edge cannot be read.
 */
export function overflowProblems(): { width: number; scrollWidth: number; checked: number; problems: string[] } {
  // No helper functions in here: the page runs this function's own text.
  const width = document.documentElement.clientWidth;
  const problems: string[] = [];
  let checked = 0;
  for (const element of document.body.querySelectorAll('*')) {
    if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    checked += 1;
    if (rect.right <= width + 0.5) continue;
    let contained = false;
    for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
      const overflow = getComputedStyle(up).overflowX;
      if ((overflow === 'auto' || overflow === 'scroll') && up.getBoundingClientRect().right <= width + 0.5) {
        contained = true;
        break;
      }
    }
    if (!contained) {
      const name = `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ')[0]}` : ''}`;
      problems.push(
        `${name} "${(element.textContent ?? '').trim().slice(0, 40)}" ends at ${Math.round(rect.right)} px`,
      );
    }
  }
  return { width, scrollWidth: document.documentElement.scrollWidth, checked, problems };
}

/**
 * Where a word is broken across lines: for each visible occurrence of `word` in a text node, the lines
 * its characters fall on (one line is whole). Returns how many occurrences were measured, and the broken ones.
 */
export function brokenWords(word: string): { measured: number; broken: string[] } {
  const broken: string[] = [];
  let measured = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element?.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const text = node.textContent ?? '';
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size === 0) continue;
      measured += 1;
      if (tops.size > 1)
        broken.push(`${element.tagName.toLowerCase()} "${text.trim().slice(0, 40)}" (${tops.size} lines)`);
    }
  }
  return { measured, broken };
}

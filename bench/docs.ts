// `pnpm bench:docs`: both editions of the partner docs side by side, in headless
// Chromium, median of cold loads (a fresh page each): page size (raw, gzip); the
// first screen (largest contentful paint of the landing page, from the browser's
// own paint timing), when Redoc is hydrated, and how long a deep link takes to
// show each operation. Goals: each edition ≤ 800 KiB gzip, first screen ≤ 1 s.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { generatedDir } from '@konaplate-contract/codegen';
import { launchChromium } from '../test/support/browser.ts';
import { loadBundle } from '../test/support/bundle.ts';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const doc = loadBundle();
const operations = Object.values(doc.paths).map((item) => item.post as unknown as Record<string, string>);
const tagSlug = (tag: string) => tag.toLowerCase().replace(/\s+/g, '-');

const editions = [
  { name: 'English', file: join(generatedDir, 'docs/index.html'), summary: 'summary' },
  { name: 'Korean', file: join(generatedDir, 'docs/ko/index.html'), summary: 'x-ko-summary' },
];
/** Each operation, opened by a deep link. */
const screens = operations.map((op) => ({
  name: String(op.operationId),
  hash: `#/${tagSlug(String((op.tags as unknown as string[])[0]))}/${op.operationId?.toLowerCase()}`,
  heading: (e: (typeof editions)[number]) => String(op[e.summary]),
}));

/** Paint timings of a cold load: first contentful paint, largest contentful paint (the first screen), DOMContentLoaded (Redoc hydrated). */
async function paints(url: string) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(200);
  const timing = await page.evaluate(
    () =>
      new Promise<{ fcp: number; lcp: number; ready: number; what: string }>((resolve) =>
        new PerformanceObserver((list) => {
          const last = list.getEntries().at(-1) as PerformanceEntry & { element?: Element };
          const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          resolve({
            fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
            lcp: last.startTime,
            ready: navigation.domContentLoadedEventEnd,
            what: `${last.element?.tagName.toLowerCase()} "${(last.element?.textContent ?? '').slice(0, 20)}…"`,
          });
        }).observe({ type: 'largest-contentful-paint', buffered: true }),
      ),
  );
  await page.close();
  return timing;
}

const browser = await launchChromium();
const times = new Map<string, number>();
const largest = new Map<string, string>();
for (const edition of editions) {
  const url = pathToFileURL(edition.file).href;
  const samples = { fcp: [] as number[], lcp: [] as number[], ready: [] as number[] };
  for (let i = 0; i < runs; i += 1) {
    const t = await paints(url);
    samples.fcp.push(t.fcp);
    samples.lcp.push(t.lcp);
    samples.ready.push(t.ready);
    largest.set(edition.name, t.what);
  }
  for (const [key, xs] of Object.entries(samples)) times.set(`${edition.name} ${key}`, median(xs));
  for (const screen of screens) {
    const xs: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
      const started = performance.now();
      await page.goto(`${url}${screen.hash}`, { waitUntil: 'commit' });
      // The operation's own heading: the guides have one with the same words, outside this route.
      await page
        .locator(`h2:not([data-section-id^="/section/"] h2):text-is("${screen.heading(edition)}")`)
        .first()
        .waitFor({ state: 'visible' });
      xs.push(performance.now() - started);
      await page.close();
    }
    times.set(`${edition.name} ${screen.name}`, median(xs));
  }
}
await browser.close();

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const sizes = editions.map((e) => {
  const bytes = readFileSync(e.file);
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
});
const [en, ko] = sizes as [{ raw: number; gzip: number }, { raw: number; gzip: number }];
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const row = (label: string, key: string, goal = '') => {
  const [a, b] = editions.map((e) => times.get(`${e.name} ${key}`) ?? Number.NaN) as [number, number];
  console.log(`| ${label} | ${a.toFixed(0)} ms | ${b.toFixed(0)} ms | ${(b / a).toFixed(2)} | ${goal} |`);
  return Math.max(a, b);
};
console.log(`| docs, 1440 px (median of ${runs} cold loads) | English | Korean | Korean / English | goal |`);
console.log('| --- | ---: | ---: | ---: | --- |');
console.log(`| index.html, raw | ${kib(en.raw)} | ${kib(ko.raw)} | ${(ko.raw / en.raw).toFixed(2)} | |`);
console.log(
  `| index.html, gzip | ${kib(en.gzip)} | ${kib(ko.gzip)} | ${(ko.gzip / en.gzip).toFixed(2)} | ≤ 800 KiB each: ${verdict(Math.max(en.gzip, ko.gzip) <= 800 * 1024)} |`,
);
const lcp = Math.max(...editions.map((e) => times.get(`${e.name} lcp`) ?? Number.NaN));
row('first contentful paint', 'fcp');
row('first screen: largest contentful paint', 'lcp', `≤ 1000 ms each: ${verdict(lcp <= 1000)}`);
row('page ready (DOMContentLoaded, Redoc hydrated)', 'ready');
for (const screen of screens) row(`deep link to ${screen.name}, heading visible`, screen.name);
console.log(
  `\nThe first screen's largest paint: ${editions.map((e) => `${e.name} ${largest.get(e.name)}`).join('; ')}.`,
);

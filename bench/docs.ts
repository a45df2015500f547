// `pnpm bench:docs`: both editions of the partner docs side by side, in headless
// Chromium, median of cold loads (a fresh page each): page size (raw, gzip); the
// first screen (largest contentful paint of the landing page, from the browser's
// own paint timing), when Redoc is rendered, and how long a deep link takes to
// show each operation; the printable PDFs' size and pages (pdfinfo); and a cold
// `pnpm generate` (a fresh process, as a partner runs it; PDFs included). Goals:
// each edition ≤ 800 KiB gzip, first screen ≤ 1 s, `pnpm generate` ≤ 6 s.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { generatedDir, launchChromium, repoRoot } from '@konaplate-contract/codegen';

import { loadBundle } from '../test/support/bundle.ts';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const doc = loadBundle();
const operations = Object.values(doc.paths).map((item) => item.post as unknown as Record<string, string>);
const tagSlug = (tag: string) => tag.toLowerCase().replace(/\s+/g, '-');

const editions = [
  {
    name: 'English',
    file: join(generatedDir, 'docs/index.html'),
    pdf: join(generatedDir, 'docs/konaplate-api.pdf'),
    summary: 'summary',
  },
  {
    name: 'Korean',
    file: join(generatedDir, 'docs/ko/index.html'),
    pdf: join(generatedDir, 'docs/ko/konaplate-api.pdf'),
    summary: 'x-ko-summary',
  },
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
  // Redoc renders the page in the browser: the first screen is painted once its first guide is.
  await page.locator('[id="section/overview"]').first().waitFor({ state: 'visible' });
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
            // An element removed since it was painted (the first screen, once Redoc has rendered) has none.
            what: last.element
              ? `${last.element.tagName.toLowerCase()} "${(last.element.textContent ?? '').slice(0, 20)}…"`
              : 'an element since removed (the static first screen)',
          });
        }).observe({ type: 'largest-contentful-paint', buffered: true }),
      ),
  );
  await page.close();
  return timing;
}

const browser = await launchChromium('is needed for bench:docs');
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

/** A cold `pnpm generate`, timed from outside: a fresh process each run, everything it writes included. */
const generations: number[] = [];
for (let i = 0; i < Number(process.env.BENCH_GENERATE_RUNS ?? 3); i += 1) {
  const started = performance.now();
  const run = spawnSync('pnpm', ['-s', 'generate'], { cwd: repoRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pnpm generate failed:\n${run.stderr}`);
  generations.push(performance.now() - started);
}

/** Pages of a PDF by poppler's pdfinfo (or why not). */
function pdfPages(file: string): string {
  try {
    return /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? '?';
  } catch {
    return 'pdfinfo missing (apt-get install -y poppler-utils)';
  }
}

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
row('page ready (DOMContentLoaded, Redoc started)', 'ready');
for (const screen of screens) row(`deep link to ${screen.name}, heading visible`, screen.name);
const pdf = editions.map((e) => ({ bytes: readFileSync(e.pdf).length, pages: pdfPages(e.pdf) }));
console.log(
  `| printable PDF (konaplate-api.pdf) | ${kib(pdf[0]?.bytes ?? 0)}, ${pdf[0]?.pages} pages | ${kib(pdf[1]?.bytes ?? 0)}, ${pdf[1]?.pages} pages | ${((pdf[1]?.bytes ?? 0) / (pdf[0]?.bytes ?? 1)).toFixed(2)} | |`,
);
const generation = median(generations);
console.log(
  `| \`pnpm generate\`, cold (median of ${generations.length}: ${generations.map((t) => (t / 1000).toFixed(1)).join(', ')} s) | ${(generation / 1000).toFixed(1)} s (both) | | | ≤ 6 s: ${verdict(generation <= 6000)} |`,
);
console.log(
  `\nThe first screen's largest paint: ${editions.map((e) => `${e.name} ${largest.get(e.name)}`).join('; ')}.`,
);
console.log(
  `Machine: ${cpus().length} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end (the timings are wall-clock: a shared machine makes them longer).`,
);

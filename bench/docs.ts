// `pnpm bench:docs`: size of the docs page, and the time from navigation to
// each operation's page being visible in headless Chromium, median of 5 cold loads.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { generatedDir } from '../scripts/lib/paths.ts';
import { launchChromium } from '../test/support/browser.ts';

const file = join(generatedDir, 'docs/index.html');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const targets = [
  { name: 'overview (landing)', hash: '', text: 'The life of a request' },
  {
    name: 'Inquire an unregistered card',
    hash: '#/cards/inquireunregisteredcard',
    text: 'Inquire an unregistered card',
  },
  {
    name: 'Inquire the virtual account linked to a card',
    hash: '#/virtual-accounts/inquirecardvirtualaccount',
    text: 'Inquire the virtual account linked to a card',
  },
];

const browser = await launchChromium();
const rows: Array<[string, number]> = [];
for (const target of targets) {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const page = await browser.newPage();
    const started = performance.now();
    await page.goto(`${pathToFileURL(file).href}${target.hash}`, { waitUntil: 'commit' });
    await page.getByRole('heading', { name: target.text }).first().waitFor({ state: 'visible' });
    times.push(performance.now() - started);
    await page.close();
  }
  rows.push([target.name, median(times)]);
}
await browser.close();

const bytes = statSync(file).size;
console.log(`| docs page | value |\n| --- | ---: |`);
console.log(
  `| index.html | ${(bytes / 1024).toFixed(0)} KiB (${(gzipSync(readFileSync(file)).length / 1024).toFixed(0)} KiB gzip) |`,
);
for (const [name, ms] of rows)
  console.log(`| navigation to "${name}" visible, median of ${runs} | ${ms.toFixed(0)} ms |`);

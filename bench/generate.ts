// `pnpm bench`: how long `pnpm generate` takes, cold (a fresh process each run,
// as a user runs it) and by stage in one warm process. Prints a table.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  bundleFiles,
  bundleSpec,
  clientFiles,
  deriveBundle,
  docsHtml,
  docsSpec,
  errorCodeFiles,
  mockFiles,
  mockScenarios,
  registrySchemaPath,
  repoRoot,
  specEntry,
  typeFiles,
} from '@konaplate-contract/codegen';
import type { JsonObject } from '@konaplate-contract/contract';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

async function time(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const cold: number[] = [];
for (let i = 0; i < runs; i += 1) {
  cold.push(
    await time(() => execFileSync(process.execPath, [tsx, 'scripts/generate.ts'], { cwd: repoRoot, stdio: 'ignore' })),
  );
}

const registrySchema = JSON.parse(await readFile(registrySchemaPath, 'utf8')) as JsonObject;
const stages: Record<string, number[]> = {
  'redocly bundle (CLI process)': [],
  'derive from registry': [],
  'write bundle yaml+json': [],
  'openapi-typescript': [],
  'error codes, client rules, mock scenarios': [],
  'docs page (redocly build-docs)': [],
};
for (let i = 0; i < runs; i += 1) {
  let raw = await bundleSpec(specEntry);
  stages['redocly bundle (CLI process)']?.push(
    await time(async () => {
      raw = await bundleSpec(specEntry);
    }),
  );
  stages['derive from registry']?.push(await time(() => deriveBundle(raw, registrySchema)));
  stages['write bundle yaml+json']?.push(await time(() => bundleFiles(raw)));
  stages['openapi-typescript']?.push(await time(() => typeFiles(raw)));
  stages['error codes, client rules, mock scenarios']?.push(
    await time(() => [errorCodeFiles(raw), clientFiles(raw), mockFiles(raw)]),
  );
  stages['docs page (redocly build-docs)']?.push(await time(() => docsHtml(docsSpec(raw, mockScenarios(raw)))));
}

const rows: Array<[string, number]> = [
  ['pnpm generate, cold process', median(cold)],
  ...Object.entries(stages).map(([k, v]) => [k, median(v)] as [string, number]),
];
console.log(`| step (median of ${runs}) | ms |\n| --- | ---: |`);
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(0)} |`);

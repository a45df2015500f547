// Lint timings: each linter over the whole spec, as a user runs it (a fresh
// process each time), median of BENCH_RUNS. Prints a table.
import { execFileSync } from 'node:child_process';
import { repoRoot } from '@konaplate-contract/codegen';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const steps: Array<[string, string]> = [
  ['pnpm lint:spectral (fresh bundle + Spectral CLI)', 'lint:spectral'],
  ['pnpm lint:spec (Redocly, source and bundle)', 'lint:spec'],
  ['pnpm lint:code (Biome)', 'lint:code'],
  ['pnpm lint (all three)', 'lint'],
];
console.log(`| step (median of ${runs}) | ms |\n| --- | ---: |`);
for (const [name, script] of steps) {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    execFileSync('pnpm', ['run', '--silent', script], { cwd: repoRoot, stdio: 'ignore' });
    times.push(performance.now() - start);
  }
  console.log(`| ${name} | ${median(times).toFixed(0)} |`);
}

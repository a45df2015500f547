// Runs several package scripts at once, each to completion even when another fails, and fails if any
// failed: `pnpm lint` shows every linter's findings in one go, and `pnpm test` runs the linters, the
// typecheck and the generated-code gates side by side before vitest.
//
// A script that is itself `tsx scripts/run-all.ts …` (like `lint`) is run as its parts, so they share the
// machine with the rest. Each script's output is kept whole and printed as one block when it finishes,
// headed by its name, outcome and time; a closing line names what failed.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The repository root from this file's place, not from a workspace package: the gates must run (and say
// what is wrong) even when a package does not load.
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
const env = { ...process.env, PATH: `${join(repoRoot, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}` };
const runAll = /^tsx scripts\/run-all\.ts((?: [\w:.-]+)+)$/;

/** The scripts to start: the names given, each run-all script replaced by its parts. */
function expand(names: string[], seen: string[] = []): string[] {
  return names.flatMap((name) => {
    const parts = runAll.exec(scripts[name] ?? '')?.[1];
    if (!parts || seen.includes(name)) return [name];
    return expand(parts.trim().split(' '), [...seen, name]);
  });
}

interface Result {
  name: string;
  output: string;
  ok: boolean;
  seconds: number;
}

function run(name: string): Promise<Result> {
  const command = scripts[name];
  if (!command)
    return Promise.resolve({ name, output: `no script "${name}" in package.json\n`, ok: false, seconds: 0 });
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, { cwd: repoRoot, env, shell: true });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    let finished = false;
    const done = (ok: boolean, extra = '') => {
      if (finished) return;
      finished = true;
      const result = { name, output: output + extra, ok, seconds: (performance.now() - start) / 1000 };
      const status = result.ok ? 'passed' : 'FAILED';
      process.stdout.write(`\n── ${name} ${status} (${result.seconds.toFixed(1)} s)\n${result.output}`);
      resolve(result);
    };
    child.on('error', (error) => done(false, `${error.message}\n`));
    child.on('close', (code) => done(code === 0));
  });
}

const names = expand(process.argv.slice(2));
const results = await Promise.all(names.map(run));
const failed = results.filter((r) => !r.ok).map((r) => r.name);
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exitCode = 1;
} else {
  const slowest = Math.max(...results.map((r) => r.seconds));
  console.log(`\nall passed: ${names.join(', ')} (${slowest.toFixed(1)} s side by side)`);
}

// Runs several package scripts at once, each to completion even when another
// fails, prints their output in the given order, then fails if any failed:
// `pnpm lint` shows every linter's findings in one go.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { repoRoot } from '@konaplate-contract/codegen';

const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
const env = { ...process.env, PATH: `${join(repoRoot, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}` };

function run(name: string): Promise<{ name: string; output: string; ok: boolean }> {
  const command = scripts[name];
  if (!command) return Promise.resolve({ name, output: `no script "${name}" in package.json\n`, ok: false });
  return new Promise((resolve) => {
    const child = spawn(command, { cwd: repoRoot, env, shell: true });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('close', (code) => resolve({ name, output, ok: code === 0 }));
  });
}

const results = await Promise.all(process.argv.slice(2).map(run));
for (const { name, output, ok } of results) {
  process.stdout.write(`\n── ${name} ${ok ? 'passed' : 'FAILED'}\n${output}`);
}
const failed = results.filter((r) => !r.ok).map((r) => r.name);
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exitCode = 1;
}

// The closing `N passed, N failed` line, from real vitest runs of the fixture files under test/fixtures/
// (which fail on purpose, so the normal run never includes them). Each run is a child vitest with the
// repo's own reporters; the test reads the last line it prints, its exit code, and the JSON totals file.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@konaplate-contract/codegen';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumInstallCommand } from './support/browser.ts';
import type { Totals } from './support/totals-reporter.ts';

const vitestBin = join(repoRoot, 'node_modules/vitest/vitest.mjs');
const fixturesConfig = 'test/fixtures/vitest.config.ts';
const scratch = mkdtempSync(join(tmpdir(), 'totals-reporter-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  lastLine: string;
  totals: Totals & { node: string };
}

let runs = 0;
function runFixtures(files: string[], env: Record<string, string> = {}): Promise<Run> {
  const totalsFile = join(scratch, `totals-${++runs}.json`);
  const childEnv: Record<string, string | undefined> = { ...process.env };
  // Nothing of this run's own vitest worker leaks into the child run.
  for (const key of Object.keys(childEnv))
    if (key.startsWith('VITEST') || key === 'KONAPLATE_TOTALS_FILE') delete childEnv[key];
  Object.assign(childEnv, { NO_COLOR: '1', FORCE_COLOR: undefined, KONAPLATE_TOTALS_FILE: totalsFile, ...env });
  const child = spawn(process.execPath, [vitestBin, 'run', '-c', fixturesConfig, '--maxWorkers=1', ...files], {
    cwd: repoRoot,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const lines = stdout.split('\n').filter((line) => line.trim() !== '');
      let totals: Run['totals'];
      try {
        totals = JSON.parse(readFileSync(totalsFile, 'utf8'));
      } catch (error) {
        reject(new Error(`no totals file from the run (exit ${exitCode}): ${error}\n${stdout}\n${stderr}`));
        return;
      }
      resolve({ exitCode, stdout, stderr, lastLine: lines.at(-1) ?? '', totals });
    });
  });
}

const fixture = (name: string) => `test/fixtures/reporter/${name}.fixture.ts`;

describe.concurrent('totals line from real vitest runs', () => {
  const cases = [
    { name: 'passing', line: '2 passed, 0 failed, 1 skipped', exit: 0, outside: 0 },
    { name: 'failing-test', line: '1 passed, 1 failed', exit: 1, outside: 0 },
    { name: 'before-all-throws', line: '0 passed, 1 failed, 2 skipped', exit: 1, outside: 1 },
    { name: 'import-throws', line: '0 passed, 1 failed', exit: 1, outside: 1 },
    { name: 'after-all-throws', line: '1 passed, 1 failed', exit: 1, outside: 1 },
    { name: 'unhandled-rejection', line: '1 passed, 1 failed', exit: 1, outside: 1 },
    { name: 'no-tests', line: '0 passed, 1 failed', exit: 1, outside: 1 },
  ];

  for (const { name, line, exit, outside } of cases) {
    it(`${name}: "${line}", exit ${exit}`, async () => {
      const run = await runFixtures([fixture(name)]);
      expect(run.lastLine).toBe(line);
      expect(run.exitCode).toBe(exit);
      const [passed, failed, skipped = 0] = line.match(/\d+/g)?.map(Number) ?? [];
      expect(run.totals).toMatchObject({ passed, failed, skipped, node: process.version });
      expect(run.totals.failedOutsideTests).toHaveLength(outside);
    });
  }

  it('names what failed outside a test, above the line', async () => {
    const run = await runFixtures([fixture('before-all-throws'), fixture('unhandled-rejection')]);
    expect(run.lastLine).toBe('1 passed, 2 failed, 2 skipped');
    expect(run.stdout).toContain('test/fixtures/reporter/before-all-throws.fixture.ts: fixture: beforeAll throws');
    expect(run.stdout).toContain('Unhandled Rejection: fixture: unhandled rejection');
  });

  it('adds every fixture up in one run', async () => {
    const run = await runFixtures(['test/fixtures/reporter/']);
    expect(run.lastLine).toBe('5 passed, 6 failed, 3 skipped');
    expect(run.exitCode).toBe(1);
    expect(run.totals.failedOutsideTests).toHaveLength(5);
  });

  it('a browser test without Chromium fails with one line naming CHROMIUM_PATH and the install command', async () => {
    const run = await runFixtures(['test/fixtures/browser/no-chromium.fixture.ts'], {
      CHROMIUM_PATH: '/nonexistent/chromium',
    });
    expect(run.lastLine).toBe('0 passed, 1 failed, 1 skipped');
    expect(run.exitCode).toBe(1);
    const output = `${run.stdout}\n${run.stderr}`;
    const lines = output.split('\n');
    const at = lines.findIndex((l) => l.startsWith('ChromiumUnavailable: '));
    expect(lines.filter((l) => l.startsWith('ChromiumUnavailable: '))).toHaveLength(1);
    const line = lines[at];
    expect(line).toContain('/nonexistent/chromium (CHROMIUM_PATH)');
    expect(line).toContain('no such file');
    expect(line).toContain(`\`${chromiumInstallCommand}\``);
    expect(chromiumInstallCommand).toBe('apt-get install -y chromium fonts-nanum');
    // The line after it is vitest's separator, not a stack frame, a code frame or Playwright's call log.
    expect(lines[at + 1]).toMatch(/^⎯+\[1\/1\]⎯$/);
    expect(output).not.toMatch(/browserType\.launch|Call log|❯ .*browser\.ts/);
  });
});

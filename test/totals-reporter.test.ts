// The closing `N passed, N failed` line, from real vitest runs of the fixture files under test/fixtures/
// (which fail on purpose, so the normal run never includes them), with the repo's own reporters; the test
// reads the last line each run prints, its exit code, and its JSON totals file. The runs of one fixture
// or two share one child process (test/fixtures/run-fixtures.mjs: one vitest start-up, a run per case);
// all fixtures at once and the browser fixture run as `vitest run` itself, and the shared process must
// say exactly what `vitest run` says of all the fixtures.
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

/** Environment for a child vitest: nothing of this run's own vitest worker leaks into it, and no colour. */
function childEnv(env: Record<string, string>): Record<string, string | undefined> {
  const childEnv: Record<string, string | undefined> = { ...process.env };
  for (const key of Object.keys(childEnv))
    if (key.startsWith('VITEST') || key === 'KONAPLATE_TOTALS_FILE') delete childEnv[key];
  return Object.assign(childEnv, { NO_COLOR: '1', FORCE_COLOR: undefined, ...env });
}

/** Runs a child process in the repo root and resolves with its exit code and output once it closes. */
function spawnChild(args: string[], env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise<{ exitCode: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}

function readRun(exitCode: number | null, stdout: string, stderr: string, totalsFile: string): Run {
  const lines = stdout.split('\n').filter((line) => line.trim() !== '');
  let totals: Run['totals'];
  try {
    totals = JSON.parse(readFileSync(totalsFile, 'utf8'));
  } catch (error) {
    throw new Error(`no totals file from the run (exit ${exitCode}): ${error}\n${stdout}\n${stderr}`);
  }
  return { exitCode, stdout, stderr, lastLine: lines.at(-1) ?? '', totals };
}

let runs = 0;
/** `vitest run <files>` in a child process, with the fixtures' config. */
async function vitestRun(files: string[], env: Record<string, string> = {}): Promise<Run> {
  const totalsFile = join(scratch, `totals-${++runs}.json`);
  const args = [vitestBin, 'run', '-c', fixturesConfig, '--maxWorkers=1', ...files];
  const { exitCode, stdout, stderr } = await spawnChild(args, childEnv({ KONAPLATE_TOTALS_FILE: totalsFile, ...env }));
  return readRun(exitCode, stdout, stderr, totalsFile);
}

/** Several runs, one after another, in one child process (test/fixtures/run-fixtures.mjs). */
async function runsInOneProcess(runFiles: string[][]): Promise<Run[]> {
  const results = join(scratch, 'one-process.json');
  const args = [
    join(repoRoot, 'test/fixtures/run-fixtures.mjs'),
    results,
    scratch,
    ...runFiles.map((f) => f.join(',')),
  ];
  const child = await spawnChild(args, childEnv({}));
  if (child.exitCode !== 0) throw new Error(`run-fixtures.mjs exited ${child.exitCode}:\n${child.stderr}`);
  const entries = JSON.parse(readFileSync(results, 'utf8')) as Array<{
    exitCode: number;
    stdout: string;
    stderr: string;
    totalsFile: string;
  }>;
  if (entries.length !== runFiles.length) throw new Error(`${entries.length} runs reported, not ${runFiles.length}`);
  return entries.map((e) => readRun(e.exitCode, e.stdout, e.stderr, e.totalsFile));
}

const fixture = (name: string) => `test/fixtures/reporter/${name}.fixture.ts`;
const allFixtures = 'test/fixtures/reporter/';

const cases = [
  { name: 'passing', line: '2 passed, 0 failed, 1 skipped', exit: 0, outside: 0 },
  { name: 'failing-test', line: '1 passed, 1 failed', exit: 1, outside: 0 },
  { name: 'before-all-throws', line: '0 passed, 1 failed, 2 skipped', exit: 1, outside: 1 },
  { name: 'import-throws', line: '0 passed, 1 failed', exit: 1, outside: 1 },
  { name: 'after-all-throws', line: '1 passed, 1 failed', exit: 1, outside: 1 },
  { name: 'unhandled-rejection', line: '1 passed, 1 failed', exit: 1, outside: 1 },
  { name: 'no-tests', line: '0 passed, 1 failed', exit: 1, outside: 1 },
];
const pair = [fixture('before-all-throws'), fixture('unhandled-rejection')];
// Started by the first test that needs it, shared by the rest: each fixture alone, the pair, all of them.
let shared: Promise<Run[]> | undefined;
const sharedRuns = () => {
  shared ??= runsInOneProcess([...cases.map(({ name }) => [fixture(name)]), pair, [allFixtures]]);
  return shared;
};

// The shared process does nine runs one after another: a minute is its deadline on a busy machine.
describe.concurrent('totals line from real vitest runs', { timeout: 60_000 }, () => {
  cases.forEach(({ name, line, exit, outside }, index) => {
    it(`${name}: "${line}", exit ${exit}`, async () => {
      const run = (await sharedRuns())[index] as Run;
      expect(run.lastLine).toBe(line);
      expect(run.exitCode).toBe(exit);
      const [passed, failed, skipped = 0] = line.match(/\d+/g)?.map(Number) ?? [];
      expect(run.totals).toMatchObject({ passed, failed, skipped, node: process.version });
      expect(run.totals.failedOutsideTests).toHaveLength(outside);
    });
  });

  it('names what failed outside a test, above the line', async () => {
    const run = (await sharedRuns())[cases.length] as Run;
    expect(run.lastLine).toBe('1 passed, 2 failed, 2 skipped');
    expect(run.stdout).toContain('test/fixtures/reporter/before-all-throws.fixture.ts: fixture: beforeAll throws');
    expect(run.stdout).toContain('Unhandled Rejection: fixture: unhandled rejection');
  });

  it('adds every fixture up in one run of `vitest run`, and the shared process says the same', async () => {
    const [run, inShared] = await Promise.all([
      vitestRun([allFixtures]),
      sharedRuns().then((all) => all.at(-1) as Run),
    ]);
    expect(run.lastLine).toBe('5 passed, 6 failed, 3 skipped');
    expect(run.exitCode).toBe(1);
    expect(run.totals.failedOutsideTests).toHaveLength(5);
    expect([inShared.lastLine, inShared.exitCode]).toEqual([run.lastLine, run.exitCode]);
    expect(inShared.totals).toEqual(run.totals);
  });

  it('a browser test without Chromium fails with one line naming CHROMIUM_PATH and the install command', async () => {
    const run = await vitestRun(['test/fixtures/browser/no-chromium.fixture.ts'], {
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

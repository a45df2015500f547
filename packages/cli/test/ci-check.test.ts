// examples/ci-check.sh, the CI job the QA quick start shows, run as written against this workspace's
// commands (the mock's bin, the CLI's source through tsx) on a free port: the mock started and waited on
// through /__konaplate/health, conformance with a JUnit report, the call found in the journal by its
// correlation id. Skipped while the mock does not serve /__konaplate/health (probed first, below).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { closeAll, freePort, repoRoot, startMock } from './support.ts';

const script = `${repoRoot}packages/cli/examples/ci-check.sh`;
const commands = {
  KONAPLATE_MOCK_CMD: `${process.execPath} ${repoRoot}packages/mock/bin/konaplate-mock.mjs`,
  KONAPLATE_CMD: `${process.execPath} ${repoRoot}node_modules/tsx/dist/cli.mjs ${repoRoot}packages/cli/src/main.ts`,
};

/** Whether the mock serves its health endpoint yet (another change builds it): asked of a real one. */
async function healthServed(): Promise<boolean> {
  try {
    const url = await startMock();
    const answer = await fetch(`${url}/__konaplate/health`);
    await answer.body?.cancel();
    return answer.status === 200 && (answer.headers.get('content-type') ?? '').startsWith('application/json');
  } catch {
    return false;
  } finally {
    await closeAll();
  }
}
const served = await healthServed();

/** Runs the script with bash; resolves to its exit code and output, never rejects. */
function ciCheck(env: Record<string, string>, cwd: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      [script],
      { cwd, env: { ...process.env, NODE_OPTIONS: '', ...commands, ...env }, timeout: 170_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, out: stdout, err: stderr });
      },
    );
  });
}

describe.skipIf(!served)('examples/ci-check.sh', () => {
  it('starts the mock, waits on its health, runs conformance --junit, and finds the call in the journal', async () => {
    const reports = await mkdtemp(`${tmpdir()}/konaplate-ci-check-`);
    const port = await freePort();
    const run = await ciCheck({ KONAPLATE_PORT: String(port), KONAPLATE_REPORTS: `${reports}/out` }, reports);
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain(`ci-check: mock healthy at http://127.0.0.1:${port}`);
    const junit = await readFile(`${reports}/out/conformance.xml`, 'utf8');
    expect(junit).toMatch(/<testsuites [^>]*tests="[1-9]\d*" failures="0"/);
    const journal = JSON.parse(await readFile(`${reports}/out/journal.json`, 'utf8'));
    const entries = Array.isArray(journal) ? journal : journal.requests;
    const id = /journal: (\d{12}-[0-9a-f]{7}) /.exec(run.err)?.[1];
    expect(id).toBeDefined();
    expect(entries.filter((e: { correlationId: string }) => e.correlationId === id)).toHaveLength(1);
    expect(run.err).toMatch(/journal: \S+ inquireCardVirtualAccount HTTP 200 000_000 \(.*; signature valid\)/);
    // The mock was stopped: its port is free again.
    await expect(listenable(port)).resolves.toBe(true);
  }, 180_000);

  it('a mock that cannot start is one clear line and exit 1, not a wait to the end', async () => {
    const reports = await mkdtemp(`${tmpdir()}/konaplate-ci-check-busy-`);
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = busy.address() as { port: number };
      const run = await ciCheck({ KONAPLATE_PORT: String(port), KONAPLATE_REPORTS: reports }, reports);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(/^ci-check: the mock exited before it was healthy; its log: /m);
      expect(await readFile(`${reports}/mock.log`, 'utf8')).toMatch(/EADDRINUSE/);
    } finally {
      busy.close();
    }
  }, 120_000);
});

/** Whether a port can be listened on (nothing holds it). */
function listenable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

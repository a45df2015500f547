// The real command: bin/konaplate-mock.mjs as QA run it.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { contract, post, VA, validBodies } from './support.ts';

const bin = fileURLToPath(new URL('../bin/konaplate-mock.mjs', import.meta.url));
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/** Starts the mock on a free port and waits for its banner; returns the URL and the output so far. */
function start(args: string[]): Promise<{ url: URL; output: () => string }> {
  child = spawn(process.execPath, [bin, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c) => {
    output += c;
  });
  child.stderr?.on('data', (c) => {
    output += c;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner in 20 s:\n${output}`)), 20_000);
    const check = () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] && output.includes('Ctrl-C stops')) {
        clearTimeout(timer);
        resolve({ url: new URL(match[1]), output: () => output });
      }
    };
    child?.stdout?.on('data', check);
    child?.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

const exited = (proc: ChildProcess) =>
  new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));

describe('konaplate-mock', () => {
  it.each([['1'], ['2']])(
    'with %s worker(s): banner with URL and scenario table, serves, logs, stops cleanly on SIGTERM',
    async (workers) => {
      const { url, output } = await start(['--workers', workers]);
      expect(output()).toContain(`(${workers} worker`);
      for (const op of contract.scenarios.operations)
        for (const s of op.scenarios) expect(output()).toContain(s.example);
      const answer = await post(url, VA, validBodies[VA]);
      expect(answer.status).toBe(200);
      await new Promise((r) => setTimeout(r, 100));
      expect(output()).toMatch(/POST \/api\/v1\/card\/virtual-account\/inquiry 200 success .*card=\*+1111/);
      const proc = child as ChildProcess;
      proc.kill('SIGTERM');
      expect(await exited(proc)).toBe(0);
    },
    30_000,
  );

  it('--quiet logs nothing per request', async () => {
    const { url, output } = await start(['--quiet', '--workers', '1']);
    await post(url, VA, validBodies[VA]);
    await new Promise((r) => setTimeout(r, 100));
    expect(output()).not.toMatch(/^POST \S+ 200 success [\d.]+ms/m);
  }, 30_000);

  it('--list prints every scenario with how to reach it', () => {
    const { stdout, status } = spawnSync(process.execPath, [bin, '--list'], { encoding: 'utf8' });
    expect(status).toBe(0);
    expect(stdout).toMatch(/card-not-found\s+400 003_029\s+cardNo = 9491239999999991/);
    expect(stdout).toMatch(/card-already-registered\s+400 003_P01 \(provisional\)/);
    expect(stdout).toMatch(/missing-required-values\s+400 000_003\s+a required header or field is missing/);
  });

  it.each([
    [['--port', 'abc'], /--port must be a whole number from 0 to 65535, got "abc"/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--secret-file', '/nonexistent/secret'], /--secret-file: cannot read \/nonexistent\/secret \(ENOENT\)/],
    [['--client-public-key', 'x.pem'], /--client-public-key needs --server-private-key/],
  ])('%j: a clear error and exit 2', (args, message) => {
    const { stderr, status } = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

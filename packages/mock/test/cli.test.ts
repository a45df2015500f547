// The real command: bin/konaplate-mock.mjs as QA run it.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { mockScenarios } from '../../../scripts/lib/mock-scenarios.ts';
import type { OpenApiDocument } from '../../../scripts/lib/openapi-document.ts';
import { timeWindowOf } from '../src/contract.ts';
import { contract, post, SECRET, VA, validBodies } from './support.ts';

const bin = fileURLToPath(new URL('../bin/konaplate-mock.mjs', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** The environment without the package manager's variables (this test may itself run under `pnpm test`). */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/** Starts the mock on a free port and waits for its banner; returns the URL and the output so far. */
function start(args: string[]): Promise<{ url: URL; output: () => string }> {
  child = spawn(process.execPath, [bin, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: cleanEnv });
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
    [['--latency', 'slow'], /--latency: "slow" is not a latency: unknown form \(use <ms>, <min>-<max>/],
    [['--latency', '200-20'], /--latency: "200-20" is not a latency: the lower bound is above the upper one/],
    [['--fault-rate', '1.5'], /--fault-rate must be a number from 0 to 1 \(0.1 is 10%\), got "1.5"/],
    [['--fault-rate', 'ten'], /--fault-rate must be a number from 0 to 1/],
    [['--fault-rate', '0.1', '--fault-mode', 'crash'], /--fault-mode must be 503, drop, mixed, got "crash"/],
    [['--fault-mode', 'drop'], /--fault-mode needs --fault-rate/],
    [['--generated-dir', '/nonexistent'], /cannot read \/nonexistent\/openapi.json \(ENOENT\)/],
  ])('%j: one clear line and exit 2', (args, message) => {
    const { stderr, stdout, status } = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: cleanEnv });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
    // The hint names a command that exists: here, node and the file as it was run.
    expect(stderr).toContain(`Run \`node ${relative(process.cwd(), bin)} --help\` for the options.`);
  });

  it('--help prints every option and the per-request headers, exit 0', () => {
    const { stdout, status } = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', env: cleanEnv });
    expect(status).toBe(0);
    for (const option of ['--port', '--latency', '--fault-rate', '--fault-mode', '--list', '--generated-dir'])
      expect(stdout).toContain(option);
    for (const header of [
      'Prefer: code=<status>, example=<name>',
      'X-Konaplate-Mock-Latency',
      'X-Konaplate-Mock-Fault',
    ])
      expect(stdout).toContain(header);
  });

  it.each([
    [
      {
        npm_lifecycle_event: 'mock',
        npm_lifecycle_script: 'node packages/mock/bin/konaplate-mock.mjs',
        npm_config_user_agent: 'pnpm/10.34.9 npm/? node/v20.20.2 linux x64',
      },
      'pnpm mock --help',
    ],
    [
      {
        npm_lifecycle_event: 'mock',
        npm_lifecycle_script: 'konaplate-mock',
        npm_config_user_agent: 'npm/10.9.4 node/v20.20.2 linux x64',
      },
      'npm run mock -- --help',
    ],
    [
      {
        npm_command: 'exec',
        npm_lifecycle_event: 'npx',
        npm_lifecycle_script: 'konaplate-mock',
        npm_config_user_agent: 'npm/10.9.4 node/v20.20.2 linux x64',
      },
      'npx konaplate-mock --help',
    ],
    // A test runner started by a package script: not this command, so the file as run.
    [
      { npm_lifecycle_event: 'test', npm_lifecycle_script: 'vitest run', npm_config_user_agent: 'pnpm/10.34.9' },
      `node ${relative(process.cwd(), bin)} --help`,
    ],
  ])('the hint follows how it was started: %j', (env, command) => {
    const { stderr, status } = spawnSync(process.execPath, [bin, '--bogus'], {
      encoding: 'utf8',
      env: { ...cleanEnv, ...env },
    });
    expect(status).toBe(2);
    expect(stderr.trimEnd()).toBe(`konaplate-mock: Unknown option '--bogus'. Run \`${command}\` for the options.`);
  });
});

/** A plain TCP server holding a free loopback port. */
async function holdPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

describe('unusable encryption keys', () => {
  it.each([['1'], ['2']])(
    'with %s worker(s): one line naming the flag, exit 2, before any worker serves',
    (workers) => {
      const dir = mkdtempSync(join(tmpdir(), 'mock-keys-'));
      try {
        const key = join(dir, 'server.pem');
        writeFileSync(key, '# not a key\n-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n');
        const run = spawnSync(
          process.execPath,
          [bin, '--port', '0', '--workers', workers, '--server-private-key', key, '--crypto-key-id', 'k'.repeat(32)],
          { encoding: 'utf8', env: cleanEnv, timeout: 20_000 },
        );
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr.trimEnd().split('\n')).toEqual([
          `konaplate-mock: cannot use the encryption keys: --server-private-key is not an RSA private key in PKCS#8 PEM ("BEGIN PRIVATE KEY"). Run \`node ${relative(process.cwd(), bin)} --help\` for the options.`,
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('a busy port', () => {
  it.each([['1'], ['2']])('with %s worker(s): one line on stderr, exit 1, no stack trace', async (workers) => {
    const { port, server } = await holdPort();
    try {
      const run = spawnSync(process.execPath, [bin, '--port', String(port), '--workers', workers], {
        encoding: 'utf8',
        env: cleanEnv,
        timeout: 20_000,
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        `konaplate-mock: cannot listen on 127.0.0.1:${port} (EADDRINUSE): the port is in use; stop what holds it, or run \`node ${relative(process.cwd(), bin)} --port 0\` for a free one`,
      ]);
      expect(run.stderr).not.toMatch(/EPIPE|\bat /);
    } finally {
      server.close();
    }
  });

  it('under `pnpm mock` (as the issue ran it): the same one line, naming `pnpm mock --port 0`', async () => {
    const { port, server } = await holdPort();
    try {
      const run = spawnSync('pnpm', ['--silent', 'mock', '--port', String(port)], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: cleanEnv,
        timeout: 30_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        `konaplate-mock: cannot listen on 127.0.0.1:${port} (EADDRINUSE): the port is in use; stop what holds it, or run \`pnpm mock --port 0\` for a free one`,
      ]);
    } finally {
      server.close();
    }
  }, 40_000);
});

describe('strict signing from the command line', () => {
  it("applies the contract's X-KM-Tran-Time window by default (x-time-window-seconds)", async () => {
    const window = timeWindowOf(contract) as number;
    expect(window).toBeGreaterThan(60);
    const dir = mkdtempSync(join(tmpdir(), 'mock-secret-'));
    try {
      writeFileSync(join(dir, 'secret'), SECRET);
      const { url, output } = await start(['--workers', '1', '--quiet', '--secret-file', join(dir, 'secret')]);
      expect(output()).toContain(`strict signing on (window ${window} s)`);
      const inside = await post(url, VA, validBodies[VA], {}, { at: Date.now() - (window - 30) * 1000 });
      expect([inside.status, inside.json.response?.code]).toEqual([200, '000_000']);
      const outside = await post(url, VA, validBodies[VA], {}, { at: Date.now() - (window + 30) * 1000 });
      expect(outside.status).toBe(400);
      expect(outside.headers.get('x-konaplate-mock-reason')).toMatch(/X-KM-Tran-Time/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('injection from the command line', () => {
  it('the banner shows latency and faults off by default, and the settings when on', async () => {
    const off = await start(['--workers', '1']);
    expect(off.output()).toMatch(/\(1 worker; strict signing off; encryption off; latency off; faults off\)/);
    child?.kill('SIGKILL');
    const on = await start(['--workers', '1', '--latency', '20-200', '--fault-rate', '0.1', '--fault-mode', 'drop']);
    expect(on.output()).toMatch(/; latency 20-200 ms \(uniform\); faults 10% \(dropped connections\)\)/);
    child?.kill('SIGKILL');
    const both = await start([
      '--workers',
      '1',
      '--latency',
      'p50=40,p99=300',
      '--fault-rate',
      '1',
      '--fault-mode',
      'mixed',
    ]);
    expect(both.output()).toMatch(
      /; latency p50 40 ms, p99 300 ms \(log-normal\); faults 100% \(503 answers or dropped connections\)\)/,
    );
  }, 60_000);

  it('--latency delays answers and --fault-rate 1 answers 503, through both workers', async () => {
    const { url } = await start(['--workers', '2', '--quiet', '--latency', '200', '--fault-rate', '1']);
    for (let i = 0; i < 4; i += 1) {
      const started = performance.now();
      const answer = await post(url, VA, validBodies[VA]);
      expect(performance.now() - started).toBeGreaterThanOrEqual(199);
      expect(answer.status).toBe(503);
      // The registry's outage code, the one entry answered with HTTP 503.
      expect(answer.json.response?.code).toBe(
        Object.entries(contract.spec['x-error-registry']).find(([, e]) => e.httpStatus === 503)?.[0],
      );
      expect(answer.json.response?.code).toMatch(/^\d{3}_[0-9A-Z]{3}$/);
    }
    const spared = await post(url, VA, validBodies[VA], {
      'x-konaplate-mock-fault': 'none',
      'x-konaplate-mock-latency': '0',
    });
    expect(spared.status).toBe(200);
  }, 30_000);
});

describe('everything the mock says comes from the spec', () => {
  it('--list says what a valid encData is (a JWE), not merely "present"', () => {
    const { stdout } = spawnSync(process.execPath, [bin, '--list'], { encoding: 'utf8', env: cleanEnv });
    expect(stdout).toMatch(
      /encrypted\s+200 000_000\s+encData is a JWE in compact serialization \(JweCompact\); any other value fails validation \(000_002\)/,
    );
    expect(stdout).not.toMatch(/encData present\b/);
  });

  it('the claim --list makes holds: {"encData":"abc"} is refused with 000_002, a JWE-shaped value is the scenario', async () => {
    const { url } = await start(['--workers', '1', '--quiet']);
    const abc = await post(url, VA, { encData: 'abc' });
    expect([abc.status, abc.json.response?.code, abc.json.response?.message]).toEqual([
      400,
      '000_002',
      'Invalid input parameter. encData',
    ]);
    const jwe = [
      'eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMTI4R0NNIn0',
      'a'.repeat(60),
      'b'.repeat(16),
      'c'.repeat(20),
      'd'.repeat(22),
    ].join('.');
    const shaped = await post(url, VA, { encData: jwe }, { 'x-km-crypto-key-id': undefined });
    expect([shaped.status, shaped.headers.get('x-konaplate-mock-scenario')]).toEqual([200, 'encrypted']);
  }, 30_000);

  it('a scenario table that does not match the spec: one line, exit 1, even with two workers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'konaplate-mock-bad-'));
    try {
      mkdirSync(join(dir, 'mock'));
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(contract.spec));
      const scenarios = structuredClone(contract.scenarios);
      const first = scenarios.operations[0];
      if (!first) throw new Error('no operation');
      first.operationId = 'inquireNothing';
      writeFileSync(join(dir, 'mock/scenarios.json'), JSON.stringify(scenarios));
      const run = spawnSync(process.execPath, [bin, '--port', '0', '--workers', '2', '--generated-dir', dir], {
        encoding: 'utf8',
        env: cleanEnv,
        timeout: 20_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        'konaplate-mock: cannot serve this contract: scenario table names inquireNothing, which the spec does not have',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a third operation in the bundle is listed and served with no change to the mock', async () => {
    const spec = structuredClone(contract.spec) as unknown as OpenApiDocument;
    const copy = structuredClone(spec.paths[VA]) as OpenApiDocument['paths'][string];
    const post3 = copy.post;
    if (!post3) throw new Error('no POST');
    post3.operationId = 'inquireCardVirtualAccountAgain';
    spec.paths['/api/v1/card/virtual-account/inquiry-again'] = copy;
    const dir = mkdtempSync(join(tmpdir(), 'konaplate-mock-3ops-'));
    try {
      mkdirSync(join(dir, 'mock'));
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(spec));
      writeFileSync(join(dir, 'mock/scenarios.json'), JSON.stringify(mockScenarios(spec)));
      const list = spawnSync(process.execPath, [bin, '--list', '--generated-dir', dir], {
        encoding: 'utf8',
        env: cleanEnv,
      });
      expect(list.status).toBe(0);
      expect(list.stdout).toMatch(
        /^3 operations from the spec: inquireUnregisteredCard, inquireCardVirtualAccount, inquireCardVirtualAccountAgain\n/,
      );
      expect(list.stdout).toMatch(
        /POST \/api\/v1\/card\/virtual-account\/inquiry-again\s+virtual-account-not-found\s+400 003_067/,
      );
      const { url, output } = await start(['--workers', '1', '--generated-dir', dir]);
      expect(output()).toContain('3 operations from the spec');
      const answer = await post(url, '/api/v1/card/virtual-account/inquiry-again', validBodies[VA], {
        prefer: 'code=400, example=virtual-account-not-found',
      });
      expect([answer.status, answer.json.response?.code]).toEqual([400, '003_067']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

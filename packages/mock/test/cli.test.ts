// The command line: run(argv, io) in this process for every flag and mode (fast), and the real
// bin/konaplate-mock.mjs spawned for what only a process shows (workers, signals, exit codes).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mockScenarios } from '@konaplate-contract/codegen';
import { contractVersion, type OpenApiDocument, registryOf, timeWindowSeconds } from '@konaplate-contract/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../src/cli.ts';
import { asRun, bannerLine, bin, inProcessCluster, runToEnd, serveHere, session, stopServers } from './cli-support.ts';
import { contract, post, SECRET, signedHeaders, VA, validBodies } from './support.ts';

/** The mock's version, from its package.json. */
const mockVersion = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

afterEach(stopServers);
/** The environment without the package manager's variables (this test may itself run under `pnpm test`). */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

/** A POST on a connection of its own (no keep-alive): a real cluster hands connections to the workers in turn. */
function postAlone(base: URL, path: string, body: unknown): Promise<number> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, base),
      { method: 'POST', agent: false, headers: { ...signedHeaders(text), connection: 'close' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

/** A plain TCP server holding a free loopback port. */
async function holdPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

const logLine =
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z POST \/api\/v1\/card\/virtual-account\/inquiry 200 success [\d.]+ms correlationId=\d{12}-[0-9a-f]{7} cardNo=\*{12}1111$/m;

describe('serving, in process', () => {
  it('banner with URL, every scenario and the modes; serves; logs each answer as it goes out; stops with exit 0', async () => {
    const { url, out, stop, exit } = await serveHere([]);
    expect(out()).toMatch(
      /^Konaplate mock listening on http:\/\/127\.0\.0\.1:\d+ \(1 worker; strict signing off; encryption off; latency off; faults off\)\n/,
    );
    expect(out().split('\n').slice(1, 3)).toEqual([
      `Contract ${contractVersion(contract.spec)}, mock ${mockVersion}; journal on (last 1000 requests: GET /__konaplate/requests); CORS on; health: GET /__konaplate/health`,
      '2 operations from the spec: inquireUnregisteredCard, inquireCardVirtualAccount',
    ]);
    const examples = contract.scenarios.operations.flatMap((op) => op.scenarios.map((s) => s.example));
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(out()).toContain(example);
    const answer = await post(url, VA, validBodies[VA]);
    expect(answer.status).toBe(200);
    // The line is written as the answer is sent: it is there when the answer has arrived.
    expect(out()).toMatch(logLine);
    stop();
    expect(await exit).toBe(0);
    await expect(fetch(new URL(VA, url), { method: 'POST' })).rejects.toThrow('fetch failed');
  });

  it('--quiet: the answer arrives and no line is logged for it', async () => {
    const { url, out } = await serveHere(['--quiet']);
    const before = out();
    expect((await post(url, VA, validBodies[VA])).status).toBe(200);
    expect(out()).toBe(before);
  });

  it('--workers 2 with a cluster: the banner once both workers listen; a stop stops both, exit 0', async () => {
    const argv = ['--port', '0', '--workers', '2'];
    const primary = session();
    const { cluster, forked } = inProcessCluster(argv, primary);
    const exit = run(argv, { ...primary.io, cluster });
    const [, first] = await primary.until(bannerLine);
    expect(forked).toHaveLength(2);
    expect(primary.out()).toMatch(/\(2 workers; strict signing off;/);
    expect(primary.out().match(/listening on/g)).toHaveLength(1);
    expect((await post(new URL(first as string), VA, validBodies[VA])).status).toBe(200);
    primary.stop();
    expect(await exit).toBe(0);
    expect(await Promise.all(forked)).toEqual([0, 0]);
  });
});

describe('flags, in process', () => {
  it('--list prints every scenario with how to reach it, exit 0', async () => {
    const { code, out, err } = await runToEnd(['--list']);
    expect([code, err]).toEqual([0, '']);
    expect(out).toMatch(/^2 operations from the spec: inquireUnregisteredCard, inquireCardVirtualAccount\n\n/);
    expect(out).toMatch(/card-not-found\s+400 003_029\s+cardNo = 9491239999999991/);
    expect(out).toMatch(/card-already-registered\s+400 003_P01 \(provisional\)/);
    expect(out).toMatch(/missing-required-values\s+400 000_003\s+a required header or field is missing/);
    expect(out).toMatch(
      /\nAny answer is also reachable with the header Prefer: .* \(Prefer: code=400, example=\S+\)\.\n$/,
    );
  });

  const badFlags: Array<[string[], RegExp]> = [
    [['--port', 'abc'], /--port must be a whole number from 0 to 65535, got "abc"/],
    [['--port', '65536'], /--port must be a whole number from 0 to 65535, got "65536"/],
    [['--workers', '0'], /--workers must be a whole number from 1 to 16, got "0"/],
    [['--workers', '17'], /--workers must be a whole number from 1 to 16, got "17"/],
    [['--time-window', '0'], /--time-window must be a whole number from 1 to 86400, got "0"/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--port'], /Option '--port <value>' argument missing/],
    [['stray'], /Unexpected argument 'stray'/],
    [['--secret-file', '/nonexistent/secret'], /--secret-file: cannot read \/nonexistent\/secret \(ENOENT\)/],
    [['--client-public-key', 'x.pem'], /--client-public-key needs --server-private-key/],
    [['--latency', 'slow'], /--latency: "slow" is not a latency: unknown form \(use <ms>, <min>-<max>/],
    [['--latency', '200-20'], /--latency: "200-20" is not a latency: the lower bound is above the upper one/],
    [['--fault-rate', '1.5'], /--fault-rate must be a number from 0 to 1 \(0.1 is 10%\), got "1.5"/],
    [['--fault-rate', 'ten'], /--fault-rate must be a number from 0 to 1/],
    [['--fault-rate', '0.1', '--fault-mode', 'crash'], /--fault-mode must be 503, drop, mixed, got "crash"/],
    [['--fault-mode', 'drop'], /--fault-mode needs --fault-rate/],
    [['--generated-dir', '/nonexistent'], /cannot read \/nonexistent\/openapi.json \(ENOENT\)/],
  ];
  it.each(badFlags)('%j: one clear line and exit 2', async (args, message) => {
    const { code, out, err } = await runToEnd(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).not.toMatch(/\n\s+at /);
    expect(err).toMatch(new RegExp(`\\. Run \`${asRun.replace(/[.]/g, '\\.')} --help\` for the options\\.\\n$`));
  });

  it('an empty sandbox secret (KONAPLATE_MOCK_SECRET) is refused: one line, exit 2', async () => {
    const { code, err } = await runToEnd(['--port', '0'], { KONAPLATE_MOCK_SECRET: '' });
    expect([code, err]).toEqual([
      2,
      `konaplate-mock: the sandbox secret is empty. Run \`${asRun} --help\` for the options.\n`,
    ]);
  });

  it('--help prints every option and the per-request headers, exit 0', async () => {
    const { code, out, err } = await runToEnd(['--help']);
    expect([code, err]).toEqual([0, '']);
    expect(out).toMatch(/^konaplate-mock: Prism-based mock/);
    for (const option of ['--port', '--latency', '--fault-rate', '--fault-mode', '--list', '--generated-dir'])
      expect(out).toContain(option);
    for (const header of [
      'Prefer: code=<status>, example=<name>',
      'X-Konaplate-Mock-Latency',
      'X-Konaplate-Mock-Fault',
    ])
      expect(out).toContain(header);
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
        npm_config_user_agent: 'yarn/1.22.22 npm/? node/v20.20.2 linux x64',
      },
      'yarn mock --help',
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
    [
      {
        npm_command: 'exec',
        npm_lifecycle_event: 'npx',
        npm_lifecycle_script: 'konaplate-mock',
        npm_config_user_agent: 'pnpm/10.34.9',
      },
      'pnpm exec konaplate-mock --help',
    ],
    // A test runner started by a package script: not this command, so the file as run.
    [
      { npm_lifecycle_event: 'test', npm_lifecycle_script: 'vitest run', npm_config_user_agent: 'pnpm/10.34.9' },
      `${asRun} --help`,
    ],
    // The bin's folder on the PATH: its name alone.
    [{ PATH: `/usr/bin:${join(repoRoot, 'packages/mock/bin')}` }, 'konaplate-mock.mjs --help'],
  ])('the hint follows how it was started: %j', async (env, command) => {
    const { code, err } = await runToEnd(['--bogus'], env);
    expect(code).toBe(2);
    expect(err).toBe(`konaplate-mock: Unknown option '--bogus'. Run \`${command}\` for the options.\n`);
  });
});

describe('unusable encryption keys', () => {
  const withBadKey = async (check: (args: string[]) => Promise<void>) => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-keys-'));
    try {
      const key = join(dir, 'server.pem');
      writeFileSync(key, '# not a key\n-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n');
      await check(['--port', '0', '--server-private-key', key, '--crypto-key-id', 'k'.repeat(32)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const line = `konaplate-mock: cannot use the encryption keys: --server-private-key is not an RSA private key in PKCS#8 PEM ("BEGIN PRIVATE KEY"). Run \`${asRun} --help\` for the options.\n`;

  it('one line naming the flag, exit 2', () =>
    withBadKey(async (args) => {
      expect(await runToEnd(args)).toEqual({ code: 2, out: '', err: line });
    }));

  it('with 2 workers: the primary says it once, before any worker starts', () =>
    withBadKey(async (args) => {
      const argv = [...args, '--workers', '2'];
      const primary = session();
      const { cluster, forked } = inProcessCluster(argv, primary);
      expect(await run(argv, { ...primary.io, cluster })).toBe(2);
      expect([primary.out(), primary.err(), forked.length]).toEqual(['', line, 0]);
    }));

  it('a missing key file: one line naming the flag and the file, exit 2', async () => {
    const { code, err } = await runToEnd(['--port', '0', '--server-private-key', '/nonexistent/server.pem']);
    expect([code, err]).toEqual([
      2,
      `konaplate-mock: --server-private-key: cannot read /nonexistent/server.pem (ENOENT). Run \`${asRun} --help\` for the options.\n`,
    ]);
  });
});

describe('a busy port', () => {
  const busy = (port: number, command = asRun) =>
    `konaplate-mock: cannot listen on 127.0.0.1:${port} (EADDRINUSE): the port is in use; stop what holds it, or run \`${command} --port 0\` for a free one\n`;

  it('one line on stderr, exit 1, no stack trace', async () => {
    const { port, server } = await holdPort();
    try {
      expect(await runToEnd(['--port', String(port), '--workers', '1'])).toEqual({
        code: 1,
        out: '',
        err: busy(port),
      });
    } finally {
      server.close();
    }
  });

  it('with 2 workers that both fail: still one line, exit 1', async () => {
    const { port, server } = await holdPort();
    try {
      const argv = ['--port', String(port), '--workers', '2'];
      const primary = session();
      const { cluster, forked } = inProcessCluster(argv, primary);
      expect(await run(argv, { ...primary.io, cluster })).toBe(1);
      expect([primary.out(), primary.err()]).toEqual(['', busy(port)]);
      expect(await Promise.all(forked)).toEqual([1, 1]);
    } finally {
      server.close();
    }
  });
});

describe('strict signing from the command line', () => {
  it("applies the contract's X-KM-Tran-Time window by default (x-time-window-seconds)", async () => {
    const window = timeWindowSeconds(contract.spec) as number;
    expect(window).toBeGreaterThan(60);
    const dir = mkdtempSync(join(tmpdir(), 'mock-secret-'));
    try {
      writeFileSync(join(dir, 'secret'), `${SECRET}\n`);
      const { url, out } = await serveHere(['--quiet', '--secret-file', join(dir, 'secret')]);
      expect(out()).toContain(`(1 worker; strict signing on (window ${window} s); encryption off;`);
      const inside = await post(url, VA, validBodies[VA], {}, { at: Date.now() - (window - 30) * 1000 });
      expect([inside.status, inside.json.response?.code]).toEqual([200, '000_000']);
      const outside = await post(url, VA, validBodies[VA], {}, { at: Date.now() - (window + 30) * 1000 });
      expect(outside.status).toBe(400);
      expect(outside.headers.get('x-konaplate-mock-reason')).toMatch(/X-KM-Tran-Time/);
      const wrong = await post(url, VA, validBodies[VA], {}, { secret: 'another-secret' });
      expect(wrong.headers.get('x-konaplate-mock-reason')).toMatch(/^X-KM-Tran-Token does not match the body/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--time-window and KONAPLATE_MOCK_SECRET: that window, that secret', async () => {
    const { url, out } = await serveHere(['--quiet', '--time-window', '60'], { KONAPLATE_MOCK_SECRET: SECRET });
    expect(out()).toContain('strict signing on (window 60 s)');
    const outside = await post(url, VA, validBodies[VA], {}, { at: Date.now() - 90_000 });
    expect(outside.headers.get('x-konaplate-mock-reason')).toMatch(/window 60 s/);
    expect((await post(url, VA, validBodies[VA])).status).toBe(200);
  });
});

describe('injection from the command line', () => {
  it.each([
    [[], /\(1 worker; strict signing off; encryption off; latency off; faults off\)/],
    [
      ['--latency', '20-200', '--fault-rate', '0.1', '--fault-mode', 'drop'],
      /; latency 20-200 ms \(uniform\); faults 10% \(dropped connections\)\)/,
    ],
    [
      ['--latency', 'p50=40,p99=300', '--fault-rate', '1', '--fault-mode', 'mixed'],
      /; latency p50 40 ms, p99 300 ms \(log-normal\); faults 100% \(503 answers or dropped connections\)\)/,
    ],
  ])('%j: the banner says it', async (args, modes) => {
    const { out } = await serveHere(args);
    expect(out()).toMatch(modes);
  });

  it('--latency delays answers and --fault-rate 1 answers 503; the per-request headers lift both', async () => {
    const { url } = await serveHere(['--quiet', '--latency', '200', '--fault-rate', '1']);
    const outage = Object.entries(registryOf(contract.spec)).find(([, e]) => e.httpStatus === 503)?.[0];
    expect(outage).toMatch(/^\d{3}_[0-9A-Z]{3}$/);
    for (let i = 0; i < 2; i += 1) {
      const started = performance.now();
      const answer = await post(url, VA, validBodies[VA]);
      expect(performance.now() - started).toBeGreaterThanOrEqual(199);
      // The registry's outage code, the one entry answered with HTTP 503.
      expect([answer.status, answer.json.response?.code]).toEqual([503, outage]);
    }
    const spared = await post(url, VA, validBodies[VA], {
      'x-konaplate-mock-fault': 'none',
      'x-konaplate-mock-latency': '0',
    });
    expect(spared.status).toBe(200);
  });
});

describe('everything the mock says comes from the spec', () => {
  it('--list says what a valid encData is (a JWE), not merely "present"', async () => {
    const { out } = await runToEnd(['--list']);
    expect(out).toMatch(
      /encrypted\s+200 000_000\s+encData is a JWE in compact serialization \(JweCompact\); any other value fails validation \(000_002\)/,
    );
    expect(out).not.toMatch(/encData present\b/);
  });

  it('the claim --list makes holds: {"encData":"abc"} is refused with 000_002, a JWE-shaped value is the scenario', async () => {
    const { url } = await serveHere(['--quiet']);
    const abc = await post(url, VA, { encData: 'abc' }, { 'x-km-crypto-key-id': '5f0c2a9e41b7d3c86e2f1a0b9d4c7e13' });
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
    const shaped = await post(url, VA, { encData: jwe }, { 'x-km-crypto-key-id': '5f0c2a9e41b7d3c86e2f1a0b9d4c7e13' });
    expect([shaped.status, shaped.headers.get('x-konaplate-mock-scenario')]).toEqual([200, 'encrypted']);
  });

  /** A generated/ folder in a temporary directory with this spec and scenario table. */
  const withGenerated = async (spec: unknown, scenarios: unknown, check: (dir: string) => Promise<void>) => {
    const dir = mkdtempSync(join(tmpdir(), 'konaplate-mock-generated-'));
    try {
      mkdirSync(join(dir, 'mock'));
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(spec));
      writeFileSync(join(dir, 'mock/scenarios.json'), JSON.stringify(scenarios));
      await check(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('a scenario table that does not match the spec: one line, exit 1, even with two workers', async () => {
    const scenarios = structuredClone(contract.scenarios);
    const first = scenarios.operations[0];
    if (!first) throw new Error('no operation');
    first.operationId = 'inquireNothing';
    await withGenerated(contract.spec, scenarios, async (dir) => {
      const line =
        'konaplate-mock: cannot serve this contract: scenario table names inquireNothing, which the spec does not have\n';
      expect(await runToEnd(['--port', '0', '--workers', '1', '--generated-dir', dir])).toEqual({
        code: 1,
        out: '',
        err: line,
      });
      const argv = ['--port', '0', '--workers', '2', '--generated-dir', dir];
      const primary = session();
      const { cluster, forked } = inProcessCluster(argv, primary);
      expect(await run(argv, { ...primary.io, cluster })).toBe(1);
      expect([primary.out(), primary.err(), forked.length]).toEqual(['', line, 2]);
    });
  });

  it('a third operation in the bundle is listed and served with no change to the mock', async () => {
    const spec: OpenApiDocument = structuredClone(contract.spec);
    const copy = structuredClone(spec.paths[VA]);
    if (!copy?.post) throw new Error('no POST');
    copy.post.operationId = 'inquireCardVirtualAccountAgain';
    spec.paths['/api/v1/card/virtual-account/inquiry-again'] = copy;
    await withGenerated(spec, mockScenarios(spec), async (dir) => {
      const list = await runToEnd(['--list', '--generated-dir', dir]);
      expect(list.code).toBe(0);
      expect(list.out).toMatch(
        /^3 operations from the spec: inquireUnregisteredCard, inquireCardVirtualAccount, inquireCardVirtualAccountAgain\n/,
      );
      expect(list.out).toMatch(
        /POST \/api\/v1\/card\/virtual-account\/inquiry-again\s+virtual-account-not-found\s+400 003_067/,
      );
      const { url, out } = await serveHere(['--generated-dir', dir]);
      expect(out()).toContain('3 operations from the spec');
      const answer = await post(url, '/api/v1/card/virtual-account/inquiry-again', validBodies[VA], {
        prefer: 'code=400, example=virtual-account-not-found',
      });
      expect([answer.status, answer.json.response?.code]).toEqual([400, '003_067']);
    });
  });
});

describe('the real bin, spawned', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
    child = undefined;
  });

  it('with 2 workers: banner, serves, logs the request, stops cleanly on SIGTERM (exit 0)', async () => {
    const proc = spawn(process.execPath, [bin, '--port', '0', '--workers', '2'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: cleanEnv,
    });
    child = proc;
    let output = '';
    const seen = (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) {
            proc.stdout?.off('data', check);
            resolve(match);
          }
        };
        proc.stdout?.on('data', check);
        proc.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
        check();
      });
    proc.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    proc.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const [, address] = await seen(bannerLine);
    const url = new URL(address as string);
    expect(output).toContain('(2 workers; strict signing off; encryption off; latency off; faults off)');
    expect((await post(url, VA, validBodies[VA])).status).toBe(200);
    await seen(logLine);
    // The journal over Node's cluster IPC: connections of their own go to both workers in turn, and
    // one GET (on whichever worker) sees every answer of both.
    const statuses = await Promise.all(Array.from({ length: 6 }, () => postAlone(url, VA, validBodies[VA])));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    const journal = (await (await fetch(new URL('/__konaplate/requests', url))).json()) as {
      requests: Array<{ worker: number; status: number }>;
    };
    expect(journal.requests).toHaveLength(7);
    expect(new Set(journal.requests.map((r) => r.worker)).size).toBe(2);
    const health = await fetch(new URL('/__konaplate/health', url));
    expect([health.status, ((await health.json()) as { workers: number }).workers]).toEqual([200, 2]);
    const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);

  it('under `pnpm mock`, a busy port with 2 workers: one line naming `pnpm mock --port 0`, exit 1', async () => {
    const { port, server } = await holdPort();
    try {
      const result = spawnSync('pnpm', ['--silent', 'mock', '--port', String(port), '--workers', '2'], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: cleanEnv,
        timeout: 50_000,
      });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `konaplate-mock: cannot listen on 127.0.0.1:${port} (EADDRINUSE): the port is in use; stop what holds it, or run \`pnpm mock --port 0\` for a free one\n`,
      );
    } finally {
      server.close();
    }
  }, 60_000);

  it('a bad flag: one line and exit 2 from the process, hint as it was run', () => {
    const result = spawnSync(process.execPath, [bin, '--bogus'], { encoding: 'utf8', env: cleanEnv });
    expect([result.status, result.stdout, result.stderr]).toEqual([
      2,
      '',
      `konaplate-mock: Unknown option '--bogus'. Run \`${asRun} --help\` for the options.\n`,
    ]);
  });
});

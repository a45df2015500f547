// The mock as QA get it: built, packed with pnpm, installed with npm into an
// empty folder outside the workspace, and run with plain node (no tsx, no
// dev dependencies, no repository).
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, exampleValue, post, VA, validBodies } from './support.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
/** The environment without the package manager's variables (this test may itself run under `pnpm test`). */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

/** The JSON report of `pnpm pack --json`, after the output of its prepack build (which pnpm prints first). */
const packReport = (stdout: string): unknown =>
  JSON.parse(stdout.startsWith('{') ? stdout : stdout.slice(stdout.indexOf('\n{') + 1));

let work: string; // outside the workspace: the tarball and the app
let app: string;
let tarball: string;
let packed: string[];
const children: ChildProcess[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'konaplate-mock-package-'));
  app = join(work, 'app');
  const build = spawnSync('pnpm', ['--filter', '@konaplate-contract/mock', 'build'], {
    cwd: packageDir,
    encoding: 'utf8',
    env: cleanEnv,
  });
  if (build.status !== 0) throw new Error(`build failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
  const pack = execFileSync('pnpm', ['pack', '--pack-destination', work, '--json'], {
    cwd: packageDir,
    encoding: 'utf8',
    env: cleanEnv,
  });
  const report = packReport(pack) as { filename: string; files: Array<{ path: string }> };
  tarball = report.filename;
  packed = report.files.map((f) => f.path).sort();
  execFileSync('mkdir', [app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'qa-machine', private: true }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], {
    cwd: app,
    env: cleanEnv,
    stdio: 'pipe',
  });
}, 120_000);

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

/** Runs a command in the app folder. */
const run = (command: string, args: string[], env: Record<string, string | undefined> = cleanEnv) =>
  spawnSync(command, args, { cwd: app, encoding: 'utf8', env, timeout: 30_000 });

/** Starts the installed bin with plain node and waits for its banner. */
function startInstalled(args: string[]): Promise<{ url: URL; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['node_modules/.bin/konaplate-mock', '--port', '0', ...args], {
    cwd: app,
    env: cleanEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (c) => {
    output += c;
  });
  child.stderr?.on('data', (c) => {
    output += c;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner in 20 s:\n${output}`)), 20_000);
    child.stdout?.on('data', () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] && output.includes('Ctrl-C stops')) {
        clearTimeout(timer);
        resolve({ url: new URL(match[1]), child, output: () => output });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

describe('the packed tarball', () => {
  it('holds the built code, the contract, types and licences, and nothing of the sources', () => {
    expect(packed).toEqual(
      expect.arrayContaining([
        'README.md',
        'package.json',
        'dist/cli.js',
        'dist/index.js',
        'dist/scenarios.js',
        'dist/contract/openapi.json',
        'dist/contract/mock/scenarios.json',
        'dist/types/index.d.ts',
        'dist/THIRD-PARTY-LICENSES.txt',
      ]),
    );
    expect(packed.filter((p) => !p.startsWith('dist/') && !['README.md', 'package.json'].includes(p))).toEqual([]);
    expect(packed.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);
  });

  it('its package.json: a bin from dist, public, engines, no run-time dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules/@konaplate-contract/mock/package.json'), 'utf8'));
    expect(manifest.bin).toEqual({ 'konaplate-mock': './dist/cli.js' });
    expect(manifest.private).toBeUndefined();
    expect(manifest.engines).toEqual({ node: '>=20.19.0' });
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.exports['.']).toEqual({ types: './dist/types/index.d.ts', import: './dist/index.js' });
  });

  it('packing before building builds first (prepack), so the tarball always has the konaplate-mock command', () => {
    const source = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
    expect(source.scripts.prepack).toBe(source.scripts.build);
    rmSync(join(packageDir, 'dist'), { recursive: true, force: true });
    const destination = mkdtempSync(join(tmpdir(), 'konaplate-mock-prepack-'));
    try {
      const pack = execFileSync('pnpm', ['pack', '--pack-destination', destination, '--json'], {
        cwd: packageDir,
        encoding: 'utf8',
        env: cleanEnv,
      });
      const files = (packReport(pack) as { files: Array<{ path: string }> }).files.map((f) => f.path);
      expect(files).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/index.js', 'dist/contract/openapi.json']));
    } finally {
      rmSync(destination, { recursive: true, force: true });
    }
  }, 120_000);

  it('the contract inside is the one generated from the spec', () => {
    for (const file of ['openapi.json', 'mock/scenarios.json']) {
      expect(readFileSync(join(app, 'node_modules/@konaplate-contract/mock/dist/contract', file), 'utf8')).toBe(
        readFileSync(join(packageDir, '../../generated', file), 'utf8'),
      );
    }
  });

  it('installs alone: nothing else in node_modules (no tsx, no Prism package)', () => {
    expect(readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual([
      '@konaplate-contract',
    ]);
    expect(readdirSync(join(app, 'node_modules/@konaplate-contract'))).toEqual(['mock']);
  });
});

describe('the installed bin, with plain node', () => {
  it('--help: exit 0 with the options', () => {
    const help = run(process.execPath, ['node_modules/.bin/konaplate-mock', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^konaplate-mock: Prism-based mock/);
    expect(help.stdout).toContain('--fault-rate');
  });

  it('a bad flag: one line, exit 2, with a hint that runs as printed', () => {
    const bad = run(process.execPath, ['node_modules/.bin/konaplate-mock', '--bogus']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      "konaplate-mock: Unknown option '--bogus'. Run `node_modules/.bin/konaplate-mock --help` for the options.\n",
    );
    const hint = run('node_modules/.bin/konaplate-mock', ['--help']);
    expect(hint.status).toBe(0);
  });

  it('through npx: the hint names npx', () => {
    const bad = run('npx', ['--offline', '--no-install', 'konaplate-mock', '--bogus']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trimEnd().split('\n').at(-1)).toBe(
      "konaplate-mock: Unknown option '--bogus'. Run `npx konaplate-mock --help` for the options.",
    );
  });

  it('serves: scenarios by test card and by Prefer, injection headers; stops on SIGTERM', async () => {
    const { url, child, output } = await startInstalled(['--workers', '2', '--quiet']);
    expect(output()).toContain('(2 workers; strict signing off; encryption off; latency off; faults off)');
    const notFound = contract.scenarios.operations
      .find((o) => o.path === VA)
      ?.scenarios.find((s) => s.example === 'virtual-account-not-found');
    if (!notFound || !('body' in notFound.when)) throw new Error('no virtual-account-not-found test card');
    const byCard = await post(url, VA, notFound.when.body);
    expect([byCard.status, byCard.json]).toEqual([400, exampleValue(VA, '400', 'virtual-account-not-found')]);
    const byPrefer = await post(url, VA, validBodies[VA], { prefer: 'code=400, example=virtual-account-not-found' });
    expect([byPrefer.status, byPrefer.json]).toEqual([400, exampleValue(VA, '400', 'virtual-account-not-found')]);
    const success = await post(url, VA, validBodies[VA]);
    expect([success.status, success.json]).toEqual([200, exampleValue(VA, '200', 'success')]);
    const fault = await post(url, VA, validBodies[VA], { 'x-konaplate-mock-fault': '503' });
    expect(fault.status).toBe(503);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 30_000);

  it('the programmatic API loads the packaged contract', async () => {
    const script = `
      import { createMockServer, loadContract } from '@konaplate-contract/mock';
      const mock = await createMockServer({ contract: loadContract() });
      const url = await mock.listen(0);
      const res = await fetch(new URL(${JSON.stringify(VA)}, url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      console.log(res.status, (await res.json()).response.code);
      await mock.close();`;
    const result = run(process.execPath, ['--input-type=module', '-e', script]);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('400 000_003');
  });
});

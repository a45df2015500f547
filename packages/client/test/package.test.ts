// The client as a client team gets it: built, packed, published to a throwaway
// local registry (Verdaccio), installed by name with npm into a fresh project
// outside the workspace, and used there by plain node (import and require(),
// the root and /tools), strict tsc (NodeNext and Bundler resolution, and
// CommonJS output run by node) and esbuild for the browser; publint and
// @arethetypeswrong/cli report nothing.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createMockServer, loadContract } from '@konaplate-contract/mock';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);
// Every child runs without colour, whatever the caller's terminal (CI may set FORCE_COLOR): the assertions read
// plain text.
const { FORCE_COLOR: _forced, ...plainEnv } = process.env;
const run = (file: string, args: string[], options: { cwd?: string } = {}) =>
  execFileAsync(file, args, { ...options, env: { ...plainEnv, NO_COLOR: '1' } });
const require = createRequire(import.meta.url);
const clientDir = fileURLToPath(new URL('..', import.meta.url));
const fixtures = fileURLToPath(new URL('./consumer/', import.meta.url));
/** The JavaScript file of a dev dependency's command (pnpm's .bin entries are shell scripts). */
function bin(pkg: string, command = pkg.split('/').pop() as string): string {
  const manifestPath = join(clientDir, 'node_modules', pkg, 'package.json');
  const { bin: entries } = require(manifestPath) as { bin: string | Record<string, string> };
  return join(dirname(manifestPath), typeof entries === 'string' ? entries : (entries[command] as string));
}
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
const tsxCli = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const manifest = JSON.parse(await readFile(join(clientDir, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once the child has printed `text`; rejects if it exits first or `ms` pass. */
function printed(child: ChildProcess, text: string, ms: number): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${text}" in ${ms / 1000} s:\n${output}`)), ms);
    const read = (chunk: Buffer) => {
      output += chunk;
      if (output.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before printing "${text}":\n${output}`));
    });
  });
}

let work: string;
let consumer: string;
let tarball: string;
let registry: ChildProcess | undefined;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'konaplate-client-package-'));
  consumer = join(work, 'app');
  await run(process.execPath, [tsxCli, join(clientDir, 'scripts/build.ts')], { cwd: clientDir });
  const { stdout } = await run('pnpm', ['pack', '--pack-destination', work], { cwd: clientDir });
  tarball = join(work, (await readdir(work)).find((f) => f.endsWith('.tgz')) ?? '');
  expect(stdout).toContain('.tgz');

  // A throwaway registry: its storage and users live in the temp folder and go with it.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  await writeFile(
    join(work, 'verdaccio.yaml'),
    [
      `storage: ${join(work, 'storage')}`,
      `auth:\n  htpasswd:\n    file: ${join(work, 'htpasswd')}`,
      'uplinks: {}',
      `packages:\n  '@konaplate-contract/*':\n    access: $all\n    publish: $authenticated`,
      'log: { type: stdout, format: pretty, level: warn }',
    ].join('\n'),
  );
  registry = spawn(
    process.execPath,
    [bin('verdaccio'), '--config', join(work, 'verdaccio.yaml'), '--listen', `127.0.0.1:${port}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Verdaccio logs its address (at warn level, the level configured above) once it listens.
  await printed(registry, `http address - ${url}`, 60_000);
  expect((await fetch(`${url}-/ping`)).ok).toBe(true);
  const user = await fetch(`${url}-/user/org.couchdb.user:ci`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'ci', password: 'throwaway-registry-only' }),
  });
  const { token } = (await user.json()) as { token: string };
  const auth = `--//127.0.0.1:${port}/:_authToken=${token}`;
  await run('npm', ['publish', tarball, '--registry', url, auth, '--no-provenance'], { cwd: work });

  // The app: a fresh npm project outside the workspace, installing the client by name.
  await mkdir(consumer);
  await writeFile(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'konaplate-consumer', private: true, type: 'module' }, null, 2),
  );
  await writeFile(join(consumer, '.npmrc'), `@konaplate-contract:registry=${url}\n`);
  for (const file of await readdir(fixtures)) await copyFile(join(fixtures, file), join(consumer, file));
  await run('npm', ['install', `${manifest.name}@${manifest.version}`, '--no-audit', '--no-fund', auth], {
    cwd: consumer,
  });
}, 240_000);

afterAll(async () => {
  registry?.kill();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the published package', () => {
  it('holds dist/, README and package.json only, with publishable fields, and nothing that climbs out', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.trim().split('\n').sort();
    expect(files.every((f) => /^package\/(package\.json|README\.md|dist\/.+)$/.test(f))).toBe(true);
    expect(files).toEqual(
      expect.arrayContaining([
        'package/dist/index.js',
        'package/dist/index.d.ts',
        'package/dist/tools.js',
        'package/dist/tools.d.ts',
      ]),
    );
    const installed = join(consumer, 'node_modules', manifest.name);
    const pkg = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
    expect(pkg.private).toBeUndefined();
    expect(Object.keys(pkg.exports['.'])[0]).toBe('types');
    expect(pkg.exports['./tools']).toEqual({ types: './dist/tools.d.ts', default: './dist/tools.js' });
    expect(pkg).toMatchObject({ type: 'module', sideEffects: false, engines: { node: '>=20.19.0' } });
    expect(pkg.imports['#hmac']).toEqual({ node: './dist/hmac.node.js', default: './dist/hmac.js' });
    for (const file of files.filter((f) => /\.(js|d\.ts)$/.test(f))) {
      const text = await readFile(join(installed, file.replace(/^package\//, '')), 'utf8');
      expect(text, file).not.toMatch(/from\s*["'](\.\.\/)+(\.\.|generated|packages|src)/);
      expect(text, file).not.toContain('generated/');
    }
  });

  it('plain node calls the mock through the installed package; error classes keep their names', async () => {
    const mock = await createMockServer({ contract: loadContract() });
    const url = await mock.listen(0);
    try {
      const { stdout } = await run(process.execPath, ['app.mjs', url.href.replace(/\/$/, '')], { cwd: consumer });
      expect(stdout.split('\n')).toEqual([
        '코나 기프트카드 45000',
        'KonaplateError 003_067 true',
        'true true',
        'KonaplateValidationError cardNo minLength KonaplateValidationError',
        'inquireUnregisteredCard,inquireCardVirtualAccount',
        '',
      ]);
    } finally {
      await mock.close();
    }
  });

  it('require() of the package works on Node >= 20.19 (ESM without top-level await), the root and /tools', async () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    expect(major > 20 || (major === 20 && minor >= 19)).toBe(true);
    const mock = await createMockServer({ contract: loadContract() });
    const url = await mock.listen(0);
    try {
      const { stdout } = await run(process.execPath, ['app.cjs', url.href.replace(/\/$/, '')], { cwd: consumer });
      expect(stdout).toBe('ROTATION 1 KonaplateTransportError 6\n');
    } finally {
      await mock.close();
    }
  });

  it('TypeScript (>= 5.8) compiles a CommonJS consumer, and node runs its output', async () => {
    const compiled = await run(process.execPath, [tsc, '-p', 'tsconfig.cjs.json'], { cwd: consumer }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    expect(compiled.stdout).toBe('');
    const output = await readFile(join(consumer, 'cjs/consumer.cjs'), 'utf8');
    expect(output).toContain('require("@konaplate-contract/client")');
    const mock = await createMockServer({ contract: loadContract() });
    const url = await mock.listen(0);
    try {
      const { stdout } = await run(process.execPath, ['cjs/consumer.cjs', url.href.replace(/\/$/, '')], {
        cwd: consumer,
      });
      expect(stdout).toBe('inquireCardVirtualAccount 200 000_000\nROTATION 20261121103000123\n');
    } finally {
      await mock.close();
    }
  });

  it.each(['nodenext', 'bundler'])('strict tsc compiles a consumer with %s resolution', async (mode) => {
    const result = await run(process.execPath, [tsc, '-p', `tsconfig.${mode}.json`], { cwd: consumer }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    expect(result.stdout).toBe('');
  });

  it('esbuild bundles it for the browser: WebCrypto signing, no node:crypto, the spec test vector', async () => {
    const out = join(consumer, 'browser.bundle.js');
    await build({
      entryPoints: [join(consumer, 'browser.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      outfile: out,
      absWorkingDir: consumer,
      logLevel: 'silent',
    });
    const text = await readFile(out, 'utf8');
    expect(text).not.toContain('node:crypto');
    expect(text).toContain('crypto.subtle');
    const { tranToken } = (await import(pathToFileURL(out).href)) as {
      tranToken: typeof import('../src/tools.ts').tranToken;
    };
    const spec = loadContract().spec as unknown as {
      components: { securitySchemes: Record<string, Record<string, unknown>> };
    };
    const vector = spec.components.securitySchemes.TranToken?.['x-test-vector'] as Record<string, string>;
    expect(await tranToken(vector.secretKey as string, vector.requestTime as string, vector.body as string)).toBe(
      vector.token,
    );
  });

  it('publint reports nothing', async () => {
    const { stdout } = await run(process.execPath, [bin('publint'), join(consumer, 'node_modules', manifest.name)]);
    // Escape codes stripped as well, should a tool colour regardless.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI colour codes
    expect(stdout.replace(/\u001b\[[0-9;]*m/g, '').trim()).toMatch(/All good!$/);
  });

  it('@arethetypeswrong/cli reports nothing (an ESM-only package: the esm-only profile)', async () => {
    // The exit code says whether the profile's rules found a problem; node10 and node16-cjs are out of an
    // ESM-only package's scope (no require() entry to resolve).
    // JSON, not the printed table: the table's shape depends on the terminal (CI printed a wide table).
    const { stdout } = await run(process.execPath, [
      bin('@arethetypeswrong/cli', 'attw'),
      tarball,
      '--profile',
      'esm-only',
      '--format',
      'json',
    ]);
    const report = JSON.parse(stdout) as {
      problems: Record<string, { resolutionKind?: string }[]>;
      analysis: {
        entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }>;
      };
    };
    const inScope = Object.values(report.problems)
      .flat()
      .filter((problem) => problem.resolutionKind !== 'node10' && problem.resolutionKind !== 'node16-cjs');
    expect(inScope).toEqual([]);
    for (const [entrypoint, file] of [
      ['.', 'index'],
      ['./tools', 'tools'],
    ]) {
      const resolutions = report.analysis.entrypoints[entrypoint as string]?.resolutions ?? {};
      for (const kind of ['node16-esm', 'bundler'])
        expect(resolutions[kind]?.resolution?.fileName).toMatch(new RegExp(`/dist/${file}\\.d\\.ts$`));
    }
  });
});

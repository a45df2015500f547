// The CLI as QA get it: built, packed, installed with npm from the tarball
// into an empty folder outside the workspace, run with plain node through
// `npm exec konaplate` against a real mock. No tsx, no pnpm, no workspace.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, repoRoot, SECRET, startMock } from './support.ts';

const exec = promisify(execFile);
const cliDir = join(repoRoot, 'packages/cli');
let project: string;
let packDir: string;
let tarball: string;
let mock: string;

/** npm's own warnings about this machine's user config are not the CLI's output. */
const withoutNpmNoise = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.startsWith('npm warn'))
    .join('\n');

/** `npm exec konaplate -- …` in the fresh project; resolves to exit code and output, never throws. */
async function konaplate(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await exec('npm', ['exec', '--offline', 'konaplate', '--', ...args], {
      cwd: project,
      env: { ...process.env, ...env, NODE_OPTIONS: '' },
    });
    return { code: 0, out: stdout, err: withoutNpmNoise(stderr) };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: withoutNpmNoise(e.stderr) };
  }
}

beforeAll(async () => {
  const build = await exec('pnpm', ['--filter', '@konaplate-contract/cli', 'build'], { cwd: repoRoot });
  expect(build.stdout).toMatch(/built dist\/konaplate\.js \(\d+ kB, self-contained\)/);
  packDir = await mkdtemp(join(tmpdir(), 'konaplate-cli-pack-'));
  await exec('pnpm', ['pack', '--pack-destination', packDir], { cwd: cliDir });
  const [file] = await readdir(packDir);
  tarball = join(packDir, file as string);
  project = await mkdtemp(join(tmpdir(), 'konaplate-cli-consumer-'));
  await exec('npm', ['init', '-y'], { cwd: project });
  await exec('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project });
  mock = await startMock({ secret: SECRET });
}, 180_000);

afterAll(async () => {
  await closeAll();
  await rm(project, { recursive: true, force: true });
  await rm(packDir, { recursive: true, force: true });
});

describe('the packed CLI', () => {
  it('holds the executable, its built bundle, the CI example, README and manifest, nothing else', async () => {
    const { stdout } = await exec('tar', ['-tzf', tarball]);
    expect(stdout.trim().split('\n').sort()).toEqual([
      'package/README.md',
      'package/bin/konaplate.js',
      'package/dist/konaplate.js',
      'package/examples/ci-check.sh',
      'package/package.json',
    ]);
    const manifest = JSON.parse(
      await readFile(join(project, 'node_modules/@konaplate-contract/cli/package.json'), 'utf8'),
    );
    expect(manifest).toMatchObject({
      name: '@konaplate-contract/cli',
      bin: { konaplate: './bin/konaplate.js' },
      engines: { node: '>=20.19.0' },
      files: ['bin', 'dist', 'examples', 'README.md'],
      publishConfig: { access: 'restricted' },
    });
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies).toBeUndefined(); // self-contained: nothing to fetch at install
  });

  it('publint finds nothing wrong with it', async () => {
    const { stdout } = await exec(join(cliDir, 'node_modules/.bin/publint'), ['run', tarball, '--strict'], {
      cwd: cliDir,
    });
    expect(stdout).toMatch(/All good!/);
  });

  it('installs alone: no tsx, no workspace package, and its bundle reaches nothing outside itself', async () => {
    const installed = await readdir(join(project, 'node_modules'));
    expect(installed.filter((n) => !n.startsWith('.'))).toEqual(['@konaplate-contract']);
    expect(await readdir(join(project, 'node_modules/@konaplate-contract'))).toEqual(['cli']);
    const bundle = await readFile(join(project, 'node_modules/@konaplate-contract/cli/dist/konaplate.js'), 'utf8');
    // (booleans, so that a failure does not print a 270 kB file)
    const bin = await readFile(join(project, 'node_modules/@konaplate-contract/cli/bin/konaplate.js'), 'utf8');
    expect(bin.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(bin).toContain("import('../dist/konaplate.js')");
    expect(/from\s*["'](tsx|@konaplate-contract\/[a-z-]+|\.\.?\/)/.test(bundle)).toBe(false);
    expect(/import\(\s*["']\.\.?\//.test(bundle)).toBe(false);
    // keepNames: minified error classes still say what they are.
    for (const name of ['KonaplateError', 'KonaplateValidationError', 'KonaplateTransportError'])
      expect(bundle.includes(`"${name}")`)).toBe(true);
  });

  it('npm exec konaplate -- sign prints the headers', async () => {
    const { code, out } = await konaplate(['sign', '--body', '{"cardNo":"9491230000000017"}']);
    expect(code).toBe(0);
    expect(
      out
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(': ')[0]),
    ).toEqual([
      'X-KM-User-AspId',
      'X-KM-Correlation-Id',
      'X-KM-Access-Key',
      'X-KM-Tran-Token',
      'X-KM-Tran-Time',
      'X-KM-Time-Zone',
    ]);
  });

  it('npm exec konaplate -- sign --curl prints a line the strict mock accepts', async () => {
    const { out } = await konaplate(
      [
        'sign',
        '--curl',
        '--base-url',
        mock,
        '--operation',
        'inquireCardVirtualAccount',
        '--body',
        '{"cardNo":"9491230000000066"}',
      ],
      { KONAPLATE_SECRET_KEY: SECRET },
    );
    const { stdout } = await exec('bash', ['-c', out]);
    expect(JSON.parse(stdout)).toMatchObject({ response: { code: '000_000' }, connectType: 'ROTATION' });
  });

  it('npm exec konaplate -- call: exit 0 with the answer, 1 on a platform code, 2 on bad input', async () => {
    const env = { KONAPLATE_SECRET_KEY: SECRET };
    const call = (body: string) =>
      konaplate(['call', 'inquireCardVirtualAccount', '--base-url', mock, '--body', body], env);
    // Three separate processes, started together (each npm exec is a second or more of start-up).
    const [ok, refused, bad] = await Promise.all([
      call('{"cardNo":"9491230000000017"}'),
      call('{"cardNo":"9491239999999991"}'),
      call('{"cardNo":"123"}'),
    ]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).response.code).toBe('000_000');
    expect(refused.code).toBe(1);
    expect(refused.err.trim()).toMatch(
      /^konaplate call: 003_029 Card not found \(HTTP 400, X-KM-Correlation-Id \d{12}-[0-9a-f]{7}\)$/,
    );
    expect(bad.code).toBe(2);
    expect(bad.err.trim()).toBe(
      'konaplate call: cardNo must be exactly 16 characters long, not 3 (rule: minLength). Run konaplate call --help',
    );
    expect(bad.err).not.toMatch(/\n\s+at /);
  });

  it('npm exec konaplate -- conformance passes the strict mock', async () => {
    const run = await konaplate(['conformance', '--base-url', mock, '--quiet'], { KONAPLATE_SECRET_KEY: SECRET });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /conformance: \d+ cases \(\d+ inquireUnregisteredCard, \d+ inquireCardVirtualAccount\): \d+ passed, 0 failed/,
    );
  });
});

// The packages in the docs folder (generated/docs/downloads/), as a partner uses them: each tarball packed
// again from scratch gives the committed bytes (so check:drift's record of inputs can be trusted) and
// matches SHA256SUMS.txt; in an empty folder outside the workspace, with npm alone, the Node sample of an
// operation installs the client by the command its comments give, saved under the name they give, and
// prints the documented success answer from a strict mock; the mock's and the CLI's documented commands
// (llms.txt) run them from their tarballs.
// Slow (three packs, npm installs): a packaging-stage test (`pnpm test:packaging`), not part of `pnpm test`.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { downloadPath, generatedDir, packReproducibly, repoRoot, shippedPackages } from '@konaplate-contract/codegen';
import { examplesOf, operationsOf } from '@konaplate-contract/contract';
import { environmentVariables } from '@konaplate-contract/contract/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from './support/bundle.ts';
import { docsFile, fencedBlocks, strictMock } from './support/samples.ts';

const run = promisify(execFile);
const packages = shippedPackages();
const doc = loadBundle();
/** The environment of a partner's shell: none of the variables of the pnpm script running this test. */
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm_|PNPM_|INIT_CWD$|FORCE_COLOR$)/i.test(key)),
);
const tsx = join(repoRoot, 'node_modules/tsx/dist/cli.mjs');

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'konaplate-downloads-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** A copy of a tarball in a fresh folder of its own, as a partner downloads it. */
async function downloaded(file: string): Promise<string> {
  const dir = await mkdtemp(join(work, 'partner-'));
  await copyFile(join(generatedDir, 'docs/downloads', file), join(dir, file));
  return dir;
}

/** The command llms.txt gives for a package: the line of its block of commands that names the tarball. */
function documentedCommand(file: string): string {
  const block = fencedBlocks(docsFile('llms.txt')).find((b) => b.fence === 'sh')?.source ?? '';
  const command = block.split('\n').find((line) => line.includes(`./${file} `) || line.endsWith(`./${file}`));
  if (!command) throw new Error(`llms.txt gives no command for ${file}`);
  return command;
}

/** The settings llms.txt gives for trying the samples against the mock: its `export NAME=value` lines. */
function documentedSettings(): Record<string, string> {
  const block = fencedBlocks(docsFile('llms.txt')).filter((b) => b.fence === 'sh')[1]?.source ?? '';
  const settings = Object.fromEntries(
    [...block.matchAll(/^export (\w+)=(.*)$/gm)].map(([, name, value]) => [
      String(name),
      String(value).replace(/^'(.*)'$/, '$1'),
    ]),
  );
  expect(Object.keys(settings).sort()).toEqual(
    [
      environmentVariables.baseUrl,
      environmentVariables.aspId,
      environmentVariables.accessKey,
      environmentVariables.secretKey,
    ].sort(),
  );
  return settings;
}

/** The client installed from its tarball, and the sample saved beside it (by the first test below). */
const installed = { dir: '', sample: '' };

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

describe('the tarballs in the docs folder', () => {
  it('are the shipped packages (client, mock, CLI), each listed in SHA256SUMS.txt with its digest', async () => {
    expect(packages.map((p) => p.name)).toEqual([
      '@konaplate-contract/cli',
      '@konaplate-contract/client',
      '@konaplate-contract/mock',
    ]);
    const sums = await readFile(join(generatedDir, 'docs/downloads/SHA256SUMS.txt'), 'utf8');
    for (const pkg of packages) {
      const bytes = await readFile(join(generatedDir, downloadPath(pkg)));
      expect(sums).toContain(`${createHash('sha256').update(bytes).digest('hex')}  ${pkg.file}\n`);
    }
  });

  it.each(packages)(
    '$name packed again from scratch gives the committed bytes',
    async (pkg) => {
      const fresh = await packReproducibly(pkg);
      const committed = await readFile(join(generatedDir, downloadPath(pkg)));
      expect(fresh.equals(committed), `${pkg.file}: ${fresh.length} bytes packed, ${committed.length} committed`).toBe(
        true,
      );
    },
    120_000,
  );
});

describe('a partner with npm alone, in a folder outside the workspace', () => {
  const secret = 'downloads-test-only-secret';
  let mock: Awaited<ReturnType<typeof strictMock>>;
  let baseUrl: string;
  beforeAll(async () => {
    mock = await strictMock(secret);
    baseUrl = mock.baseUrl;
  });
  afterAll(() => mock?.close());

  const { operation } = operationsOf(doc)[0] ?? { operation: undefined };
  const id = String(operation?.operationId);

  it(`installs the client as the Node sample of ${id} says, and the sample prints the success answer`, async () => {
    const sample = fencedBlocks(docsFile(`md/${id}.md`)).find((b) => b.fence === 'ts')?.source ?? '';
    const install = /: (npm install \.\/\S+\.tgz)$/m.exec(sample)?.[1];
    const saveAs = /Save as (\S+), then run: npx tsx \1/.exec(sample)?.[1];
    expect({ install, saveAs }).toEqual({ install: expect.any(String), saveAs: expect.any(String) });
    const file = /\.\/(\S+)$/.exec(String(install))?.[1] ?? '';
    const dir = await downloaded(file);
    await run('npm', ['init', '-y'], { cwd: dir, env });
    const [npm, ...args] = String(install).split(' ');
    await run(String(npm), args, { cwd: dir, env, timeout: 120_000 });
    await writeFile(join(dir, String(saveAs)), sample);
    // `npx tsx` as the comment says, with the workspace's tsx instead of a download.
    // The documented settings, but this strict mock's address and secret.
    const { stdout, stderr } = await run(process.execPath, [tsx, String(saveAs)], {
      cwd: dir,
      env: {
        ...env,
        ...documentedSettings(),
        [environmentVariables.baseUrl]: baseUrl,
        [environmentVariables.secretKey]: secret,
      },
    });
    Object.assign(installed, { dir, sample: String(saveAs) });
    const success = examplesOf(doc, operation as never).find((e) => e.where === '200' && e.key === 'success');
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual(success?.example.value);
    // The client came from the tarball, not from the workspace.
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    expect(manifest.dependencies['@konaplate-contract/client']).toBe(`file:${file}`);
  }, 180_000);

  it('starts the mock by the command llms.txt gives for its tarball; with the settings it gives, the Node sample gets its success', async () => {
    const pkg = packages.find((p) => p.bins.includes('konaplate-mock'));
    const command = documentedCommand(String(pkg?.file));
    expect(command).toMatch(/^npx --yes --package \.\/\S+\.tgz konaplate-mock$/);
    const dir = await downloaded(String(pkg?.file));
    const port = await freePort();
    const [npx, ...args] = command.split(' ');
    const child = spawn(String(npx), [...args, '--port', String(port)], { cwd: dir, env, detached: true });
    try {
      const lines = createInterface({ input: child.stdout });
      const listening = await new Promise<string>((resolve, reject) => {
        lines.on('line', (line) => {
          if (/listening on/.test(line)) resolve(line);
        });
        child.on('exit', (code) => reject(new Error(`the mock exited (${code}) before listening`)));
      });
      expect(listening).toContain(`http://127.0.0.1:${port}`);
      const health = await (await fetch(`http://127.0.0.1:${port}/__konaplate/health`)).json();
      expect(health).toMatchObject({ status: 'ok', contract: { version: (doc.info as { version: string }).version } });
      // The Node sample, with the settings llms.txt gives for this mock (its port here is a free one).
      expect(installed.dir).not.toBe('');
      const settings = documentedSettings();
      const { stdout, stderr } = await run(process.execPath, [tsx, installed.sample], {
        cwd: installed.dir,
        env: {
          ...env,
          ...settings,
          [environmentVariables.baseUrl]: String(settings[environmentVariables.baseUrl]).replace(/:\d+$/, `:${port}`),
        },
      });
      expect(stderr).toBe('');
      const success = examplesOf(doc, operation as never).find((e) => e.key === 'success');
      expect(JSON.parse(stdout).response.code).toBe(
        (success?.example.value as { response?: { code?: string } } | undefined)?.response?.code,
      );
    } finally {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    }
  }, 120_000);

  it('runs the CLI by the command llms.txt gives for its tarball', async () => {
    const pkg = packages.find((p) => p.bins.includes('konaplate'));
    const command = documentedCommand(String(pkg?.file));
    expect(command).toMatch(/^npx --yes --package \.\/\S+\.tgz konaplate$/);
    const dir = await downloaded(String(pkg?.file));
    const [npx, ...args] = command.split(' ');
    const { stdout } = await run(String(npx), [...args, '--help'], { cwd: dir, env, timeout: 120_000 });
    for (const { operation } of operationsOf(doc)) expect(stdout).toContain(String(operation.operationId));
  }, 120_000);
});

// The packages as downloads in the docs folder (generated/docs/downloads/): every workspace package that
// is not private (the client, the mock, the CLI), packed by `pnpm pack` (each package's prepack builds
// it) and written again reproducibly (tarball.ts), with SHA256SUMS.txt beside them.
//
// Packing takes seconds, so a tarball is rebuilt only when what it is built from changed: each package's
// own files (tests aside), the workspace packages its sources import, generated/ outside the docs, the
// lockfile, the base tsconfig and this recipe. generated/downloads.json records, per tarball, the digest
// of those inputs and of the bytes built from them. `pnpm generate` reuses a tarball whose inputs are
// unchanged; `pnpm check:drift` fails on one whose inputs changed; the packaging tests rebuild them all
// from scratch and compare the bytes.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { generatedDir, repoRoot } from './paths.ts';
import { readTgz, reproducibleTgz, type TarEntry } from './tarball.ts';
import type { GeneratedFile } from './target.ts';

/** The downloads' folder inside the docs folder, as the pages link to it. */
export const downloadsFolder = 'downloads';
/** Where the downloads go, under generated/ (inside the docs folder, so they travel with it). */
export const downloadsDir = `docs/${downloadsFolder}`;
/** The record of what each tarball was built from, under generated/. */
export const downloadsManifest = 'downloads.json';
/** The checksums' file name, as `sha256sum -c` reads it (`.txt`, so a static host serves it as text). */
export const sumsName = 'SHA256SUMS.txt';
export const sumsFile = `${downloadsDir}/${sumsName}`;

export interface ShippedPackage {
  /** The package name, as installed (`@konaplate-contract/client`). */
  name: string;
  version: string;
  /** Its package.json `description`. */
  description: string;
  /** The bin names it installs, if any. */
  bins: string[];
  /** Its folder in the workspace. */
  dir: string;
  /** The tarball's file name, as `pnpm pack` names it. */
  file: string;
}

interface Manifest {
  [file: string]: { inputs: string; sha256: string };
}

const packagesDir = join(repoRoot, 'packages');
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

interface PackageJson {
  name: string;
  version: string;
  description?: string;
  private?: boolean;
  bin?: string | Record<string, string>;
}

function workspacePackages(): Array<{ dir: string; json: PackageJson }> {
  return readdirSync(packagesDir)
    .map((name) => join(packagesDir, name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson }));
}

/** The workspace packages that ship (not private), by name. */
export function shippedPackages(): ShippedPackage[] {
  return workspacePackages()
    .filter((p) => p.json.private !== true)
    .map(({ dir, json }) => ({
      name: json.name,
      version: json.version,
      description: json.description ?? '',
      bins: typeof json.bin === 'string' ? [json.name.replace(/^@[^/]+\//, '')] : Object.keys(json.bin ?? {}),
      dir,
      file: `${json.name.replace(/^@/, '').replace('/', '-')}-${json.version}.tgz`,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The one command that installs a package (a library) or runs it (a package with a bin) from the folder
 * its tarball was downloaded to, with npm alone.
 */
export const installCommand = (pkg: ShippedPackage) =>
  pkg.bins.length === 0 ? `npm install ./${pkg.file}` : `npx --yes --package ./${pkg.file} ${pkg.bins[0]}`;

/** The package a Node sample imports, as shipped (its tarball and install command). */
export function shippedPackage(name: string): ShippedPackage {
  const pkg = shippedPackages().find((p) => p.name === name);
  if (!pkg) throw new Error(`no shipped (non-private) workspace package is named ${name}`);
  return pkg;
}

/** The path of a package's tarball under generated/. */
export const downloadPath = (pkg: ShippedPackage) => `${downloadsDir}/${pkg.file}`;

/** Every file this module writes under generated/, known before anything is built. */
export const downloadPaths = () => [...shippedPackages().map(downloadPath), sumsFile, downloadsManifest];

const skipped = new Set(['node_modules', 'dist', 'test', 'coverage']);
/** The repository's files, as a commit would hold them (tracked, or new and not ignored), when git is here. */
function repositoryFiles(): Set<string> | undefined {
  try {
    const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return new Set(
      listed
        .split('\0')
        .filter(Boolean)
        .map((path) => join(repoRoot, path)),
    );
  } catch {
    return undefined;
  }
}

/**
 * The files under a folder that can go into a build: what a commit holds (so a file git ignores, such as
 * a local marker or a log, never makes a fresh clone disagree), without tests, builds or dependencies.
 */
function filesUnder(dir: string, skip: (name: string) => boolean, committable = repositoryFiles()): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || skip(name) || name.endsWith('.tsbuildinfo')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, () => false, committable));
    else if (!committable || committable.has(path)) out.push(path);
  }
  return out;
}

/** The workspace packages a package's own files import by name, and theirs in turn (itself included). */
function importedPackages(start: string): string[] {
  const byName = new Map(workspacePackages().map((p) => [p.json.name, p.dir]));
  const seen = new Set<string>();
  const visit = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    for (const file of filesUnder(dir, (name) => skipped.has(name))) {
      if (!/\.(ts|mts|js|mjs)$/.test(file)) continue;
      for (const [, name] of readFileSync(file, 'utf8').matchAll(/['"](@konaplate-contract\/[a-z-]+)/g)) {
        const imported = name ? byName.get(name) : undefined;
        if (imported) visit(imported);
      }
    }
  };
  visit(start);
  return [...seen].sort();
}

/** The digest of everything a package's tarball is built from (see the top of this file). */
export function inputsDigest(pkg: ShippedPackage): string {
  const committable = repositoryFiles();
  const files = [
    ...importedPackages(pkg.dir).flatMap((dir) => filesUnder(dir, (name) => skipped.has(name), committable)),
    ...filesUnder(generatedDir, (name) => name === 'docs' || name === downloadsManifest, committable),
    join(repoRoot, 'pnpm-lock.yaml'),
    join(repoRoot, 'tsconfig.base.json'),
    new URL('./downloads.ts', import.meta.url).pathname,
    new URL('./tarball.ts', import.meta.url).pathname,
  ];
  const lines = files.map((file) => `${relative(repoRoot, file)}\0${sha256(readFileSync(file))}\n`);
  return sha256(lines.join(''));
}

/** The environment for pnpm run from here, without the variables of a pnpm script that may be running us. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of Object.keys(env)) if (/^(npm_|PNPM_SCRIPT_SRC_DIR$|INIT_CWD$)/i.test(key)) delete env[key];
  delete env.FORCE_COLOR;
  return env;
}

/**
 * package.json with its dependency lists in name order: pnpm writes the workspace packages it resolved
 * for `workspace:*` in the order their lookups finished, which changes from one pack to the next.
 */
function sortedDependencies(entry: TarEntry): TarEntry {
  if (entry.path !== 'package/package.json') return entry;
  const json = JSON.parse(Buffer.from(entry.content).toString('utf8')) as Record<string, unknown>;
  for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const list = json[key] as Record<string, string> | undefined;
    if (list) json[key] = Object.fromEntries(Object.entries(list).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return { ...entry, content: Buffer.from(`${JSON.stringify(json, null, 2)}\n`) };
}

/** Packs a package with pnpm (its prepack builds it) and returns the reproducible tarball. */
export async function packReproducibly(pkg: ShippedPackage): Promise<Buffer> {
  const out = await mkdtemp(join(tmpdir(), 'konaplate-pack-'));
  try {
    await promisify(execFile)('pnpm', ['pack', '--pack-destination', out], {
      cwd: pkg.dir,
      env: cleanEnv(),
      maxBuffer: 16 << 20,
    }).catch((error: Error & { stderr?: string; stdout?: string }) => {
      const said = `${error.stderr ?? ''}${error.stdout ?? ''}`.trim().split('\n').slice(-5).join('\n');
      throw new Error(`pnpm pack of ${pkg.name} failed:\n${said || error.message}`);
    });
    const [tgz] = (await readdir(out)).filter((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error(`pnpm pack of ${pkg.name} wrote no tarball`);
    return reproducibleTgz(readTgz(await readFile(join(out, tgz))).map(sortedDependencies));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** The downloads as generated/ holds them now: the manifest and each tarball's bytes (before generation replaces them). */
export async function committedDownloads(): Promise<{ manifest: Manifest; bytes: Map<string, Buffer> }> {
  const manifest = JSON.parse(
    await readFile(join(generatedDir, downloadsManifest), 'utf8').catch(() => '{}'),
  ) as Manifest;
  const bytes = new Map<string, Buffer>();
  for (const pkg of shippedPackages()) {
    const file = await readFile(join(generatedDir, downloadPath(pkg))).catch(() => undefined);
    if (file) bytes.set(pkg.file, file);
  }
  return { manifest, bytes };
}

/**
 * The download files: each tarball (reused when its inputs and bytes match the record, else packed, or,
 * with `build: false`, reported in `outdated`), SHA256SUMS and the manifest. Run after the rest of
 * generated/ is written: the packages are built from it.
 */
export async function downloadFiles(
  previous: Awaited<ReturnType<typeof committedDownloads>>,
  options: { build: boolean; force?: boolean },
): Promise<{ files: GeneratedFile[]; built: string[]; outdated: string[] }> {
  const manifest: Manifest = {};
  const files: GeneratedFile[] = [];
  const built: string[] = [];
  const outdated: string[] = [];
  // Packed side by side: each is mostly one esbuild or tsc run.
  const results = await Promise.all(
    shippedPackages().map(async (pkg) => {
      const inputs = inputsDigest(pkg);
      const recorded = previous.manifest[pkg.file];
      const old = previous.bytes.get(pkg.file);
      const current =
        !options.force && recorded?.inputs === inputs && old && sha256(old) === recorded.sha256 ? old : undefined;
      if (current || !options.build) return { pkg, inputs, bytes: current, packed: false };
      return { pkg, inputs, bytes: await packReproducibly(pkg), packed: true };
    }),
  );
  for (const { pkg, inputs, bytes, packed } of results) {
    if (packed) built.push(pkg.file);
    if (!bytes) {
      outdated.push(downloadPath(pkg));
      continue;
    }
    manifest[pkg.file] = { inputs, sha256: sha256(bytes) };
    files.push({ path: downloadPath(pkg), content: bytes });
  }
  const sums = Object.entries(manifest)
    .map(([file, { sha256: sum }]) => `${sum}  ${file}\n`)
    .join('');
  files.push({ path: sumsFile, content: sums });
  files.push({ path: downloadsManifest, content: `${JSON.stringify(manifest, null, 2)}\n` });
  return { files, built, outdated };
}

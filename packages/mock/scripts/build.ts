// `pnpm --filter @konaplate-contract/mock build`: the publishable package in dist/.
// - ESM bundles for Node (esbuild): the CLI (the `konaplate-mock` bin), the
//   programmatic API and the scenario types, with Prism, fp-ts and jose inside,
//   so the package has no run-time dependencies and needs no tsx;
// - the contract the mock serves, copied from generated/ (dist/contract/);
// - type declarations (tsc);
// - the licences of the bundled packages (dist/THIRD-PARTY-LICENSES.txt).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { type BundledPackage, enginesProblems, minimumOf } from './engines.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const generated = join(root, '../../generated');
/** The package's declared Node range (`engines.node`): the bundle's target, and what every bundled package must admit. */
const declaredEngines = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } })
  .engines.node;

/** The contract files the mock loads (see src/contract.ts), relative to generated/ and to dist/contract/. */
export const contractFiles = ['openapi.json', 'mock/scenarios.json'];

export const bundleOptions: BuildOptions = {
  entryPoints: {
    cli: join(root, 'src/main.ts'),
    index: join(root, 'src/index.ts'),
    scenarios: join(root, 'src/scenarios.ts'),
  },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: `node${minimumOf(declaredEngines)}`, // the package's own minimum: the syntax lowered for it
  outdir: dist,
  chunkNames: '[name]-[hash]', // beside the entries: src/contract.ts finds dist/contract/ next to itself
  // ESM builds first: some packages' CommonJS `main` is a UMD file that esbuild cannot follow.
  mainFields: ['module', 'main'],
  minify: true,
  legalComments: 'none', // the licences are collected into one file instead
  plugins: [
    {
      // Prism (and Postman's collection reader inside it) use faker only to generate random
      // data (`dynamic`), which this mock refuses: 2.9 MB left out.
      name: 'no-faker',
      setup(on) {
        on.onResolve({ filter: /^@faker-js\/faker(\/.*)?$/ }, () => ({ path: join(root, 'scripts/faker-stub.cjs') }));
      },
    },
  ],
  banner: {
    // The bin's shebang, and `require` for the CommonJS packages inside the ESM bundle.
    js: "#!/usr/bin/env node\nimport { createRequire as __konaplateRequire } from 'node:module';\nconst require = __konaplateRequire(import.meta.url);",
  },
  logLevel: 'warning',
};

/** The package directory (with its package.json) a bundled input file belongs to. */
function packageDirOf(input: string): string | undefined {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match?.[1];
}

/** One text with the name, version, licence and licence file of every package inside the bundles. */
/** The folders of the packages inside the bundles. */
function bundledDirs(metafile: Metafile): string[] {
  const dirs = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const dir = packageDirOf(input);
    if (dir) dirs.add(join(root, dir));
  }
  return [...dirs];
}

/** The name, version and engines of every package inside the bundles. */
export async function bundledPackages(metafile: Metafile): Promise<BundledPackage[]> {
  return Promise.all(
    bundledDirs(metafile).map(
      async (dir) => JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as BundledPackage,
    ),
  );
}

async function thirdPartyLicenses(metafile: Metafile): Promise<string> {
  const dirs = bundledDirs(metafile);
  const sections: string[] = [];
  for (const dir of [...dirs].sort()) {
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      license?: string;
      licenses?: Array<{ type?: string }>;
    };
    const license = pkg.license ?? pkg.licenses?.map((l) => l.type).join(' OR ');
    const files = (await readdir(dir)).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f));
    const texts = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
    sections.push(
      `${pkg.name}@${pkg.version} (${license || 'licence not stated'})\n\n${texts.join('\n\n').trim() || '(no licence file in the package)'}`,
    );
  }
  const unique = [...new Set(sections)];
  return `The konaplate-mock bundles contain code of these packages, under their own licences.\n\n${unique.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  await rm(dist, { recursive: true, force: true });
  // Declarations (tsc) while esbuild bundles.
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const declarations = promisify(execFile)(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')]).catch(
    (error: { stdout?: string; message: string }) => {
      throw new Error(`tsc failed:\n${error.stdout || error.message}`);
    },
  );
  const result = await build({ ...bundleOptions, metafile: true });
  // The package's engines must hold for everything inside it (see scripts/engines.ts).
  const problems = enginesProblems(await bundledPackages(result.metafile), declaredEngines);
  if (problems.length > 0)
    throw new Error(`the bundle needs a newer Node than the package declares:\n${problems.join('\n')}`);
  for (const file of contractFiles) {
    await mkdir(dirname(join(dist, 'contract', file)), { recursive: true });
    await copyFile(join(generated, file), join(dist, 'contract', file)).catch((error: NodeJS.ErrnoException) => {
      throw new Error(`cannot copy generated/${file} (${error.code}): run \`pnpm generate\` first`);
    });
  }
  await writeFile(join(dist, 'THIRD-PARTY-LICENSES.txt'), await thirdPartyLicenses(result.metafile));
  await declarations;
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  console.log(
    `built dist/: bundles ${(bytes / 1e6).toFixed(2)} MB, contract, declarations, licences (${Math.round(performance.now() - started)} ms)`,
  );
}

// `pnpm --filter @konaplate-contract/client build`: ESM bundles in dist/ (the
// encryption code and jose in a chunk of their own, loaded only when used)
// and type declarations.
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The esbuild options of the published bundle; bench/client.ts measures the same. */
export const bundleOptions: BuildOptions = {
  entryPoints: [`${root}src/index.ts`],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  minify: true,
  outdir: `${root}dist`,
  mainFields: ['module', 'main'],
  conditions: ['import', 'default'],
};

if (import.meta.url === `file://${process.argv[1]}`) {
  await rm(`${root}dist`, { recursive: true, force: true });
  await build({ ...bundleOptions, metafile: false });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
  console.log('built dist/ (ESM bundles and declarations)');
}

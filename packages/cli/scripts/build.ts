// `pnpm --filter @konaplate-contract/cli build`: one self-contained module,
// dist/konaplate.js (run by bin/konaplate.js): the CLI, the client, jose, yaml and the bundled contract
// (generated/openapi.json and the scenario table) in one ESM file for Node.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

export const buildOptions: BuildOptions = {
  entryPoints: [`${root}src/main.ts`],
  outfile: `${root}dist/konaplate.js`,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // Error classes keep their names (`KonaplateError`, not `a`), as users see them.
  keepNames: true,
  legalComments: 'none',
  banner: {
    // A CommonJS dependency that calls require() gets Node's own.
    js: "import { createRequire as __konaplateRequire } from 'node:module';\nconst require = __konaplateRequire(import.meta.url);",
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  await rm(`${root}dist`, { recursive: true, force: true });
  const result = await build({ ...buildOptions, metafile: true });
  const bytes = Object.values(result.metafile?.outputs ?? {}).reduce((sum, o) => sum + o.bytes, 0);
  console.log(`built dist/konaplate.js (${Math.round(bytes / 1024)} kB, self-contained)`);
}

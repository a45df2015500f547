// `pnpm --filter @konaplate-contract/client build`: the publishable dist/.
// - dist/index.js: the client, minified ESM with names kept (error classes keep
//   theirs), everything it knows of the spec bundled in; the encryption code is
//   a chunk of its own, loaded only when encryption is configured (jose stays a
//   dependency, loaded from there).
// - dist/hmac.node.js and dist/hmac.js: HMAC by node:crypto or WebCrypto,
//   chosen at run time by the package's "#hmac" import (conditions node/default).
// - dist/index.d.ts: one declaration file, the generated types inlined.
// No path in dist/ leaves the package.
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateDtsBundle } from 'dts-bundle-generator';
import { type BuildOptions, build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The package's entry and its two HMAC implementations. */
export const entries = {
  index: `${root}src/index.ts`,
  hmac: `${root}src/hmac.ts`,
  'hmac.node': `${root}src/hmac.node.ts`,
};

/** The esbuild options of the published bundle; bench/client.ts and bench/scale.ts measure the same. */
export const bundleOptions: BuildOptions = {
  entryPoints: entries,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  minify: true,
  keepNames: true,
  outdir: `${root}dist`,
  chunkNames: 'chunks/[name]-[hash]',
  external: ['#hmac', 'jose', 'node:crypto'],
  mainFields: ['module', 'main'],
  conditions: ['import', 'default'],
  logLevel: 'silent',
};

async function main() {
  await rm(`${root}dist`, { recursive: true, force: true });
  await build(bundleOptions);
  const [declarations] = generateDtsBundle(
    [{ filePath: `${root}src/index.ts`, output: { noBanner: true, exportReferencedTypes: false } }],
    { preferredConfigPath: `${root}tsconfig.build.json` },
  );
  await writeFile(`${root}dist/index.d.ts`, declarations ?? '');
  console.log('built dist/: index.js, hmac.js, hmac.node.js, the encryption chunk, index.d.ts');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: Error & { errors?: Array<{ text: string }> }) => {
    const detail = error.errors?.[0]?.text ?? error.message.split('\n')[0];
    console.error(`client build failed: ${detail}`);
    process.exit(1);
  });
}

// `pnpm --filter @konaplate-contract/client build`: the publishable dist/.
// - dist/index.js: the client, minified ESM (error classes carry their names
//   as fields, so minifying keeps them), everything it knows of the spec bundled in; the encryption code is
//   a chunk of its own, loaded only when encryption is configured (jose stays a
//   dependency, loaded from there).
// - dist/tools.js: the `/tools` subpath (signing, checking, reading for tools);
//   what it shares with index.js is in a shared chunk.
// - dist/hmac.node.js and dist/hmac.js: HMAC by node:crypto or WebCrypto,
//   chosen at run time by the package's "#hmac" import (conditions node/default).
// - dist/index.d.ts and dist/tools.d.ts: one declaration file per entry, the
//   generated types inlined.
// No path in dist/ leaves the package.
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateDtsBundle } from 'dts-bundle-generator';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import type { FieldRule } from '../src/contract.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The package's entries (the root and `/tools`) and its two HMAC implementations. */
export const entries = {
  index: `${root}src/index.ts`,
  tools: `${root}src/tools.ts`,
  hmac: `${root}src/hmac.ts`,
  'hmac.node': `${root}src/hmac.node.ts`,
};

/**
 * src/shapes.ts, bundled as the table of the words of every pattern in the contract the client checks
 * (request bodies, headers, success payloads), computed by the describer (src/words.ts) at build time,
 * so that the describer itself is not shipped. Read from the copy of the client being bundled (and its
 * generated contract), wherever it is: bench/scale.ts bundles copies.
 */
export const patternWords: Plugin = {
  name: 'pattern-words',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]shapes\.ts$/ }, async ({ path }) => {
      const source = (file: string) => pathToFileURL(join(dirname(path), file)).href;
      const { requestRules, responseRules } = (await import(
        source('contract.ts')
      )) as typeof import('../src/contract.ts');
      const { patternInWords } = (await import(source('words.ts'))) as typeof import('../src/words.ts');
      const { headerOf } = (await import(source('config.ts'))) as typeof import('../src/config.ts');
      const words: Record<string, string> = {};
      const walk = (rule: FieldRule) => {
        const said = rule.pattern === undefined ? undefined : patternInWords(rule.pattern);
        if (said !== undefined) words[rule.pattern as string] = said;
        for (const property of Object.values(rule.properties ?? {})) walk(property);
        if (rule.items) walk(rule.items);
      };
      // Of the headers, those whose value may come from a caller (the settings sent as headers, a correlation id):
      // the client computes the others.
      const given = (['aspId', 'accessKey', 'cryptoKeyId', 'correlationId'] as const).map(headerOf);
      for (const { body, headers } of Object.values(requestRules))
        [body, ...given.map((name) => headers[name] as FieldRule)].forEach(walk);
      Object.values(responseRules).forEach(walk);
      const contents = `const words = ${JSON.stringify(words)};\nexport const wordsOf = (pattern) => words[pattern];\n`;
      return { contents, loader: 'js' };
    });
  },
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
  outdir: `${root}dist`,
  chunkNames: 'chunks/[name]-[hash]',
  external: ['#hmac', 'jose', 'node:crypto'],
  mainFields: ['module', 'main'],
  conditions: ['import', 'default'],
  logLevel: 'silent',
  plugins: [patternWords],
};

async function main() {
  await rm(`${root}dist`, { recursive: true, force: true });
  await build(bundleOptions);
  const typed = ['index', 'tools'];
  const declarations = generateDtsBundle(
    typed.map((name) => ({
      filePath: `${root}src/${name}.ts`,
      output: { noBanner: true, exportReferencedTypes: false },
    })),
    { preferredConfigPath: `${root}tsconfig.build.json` },
  );
  for (const [i, name] of typed.entries()) await writeFile(`${root}dist/${name}.d.ts`, declarations[i] ?? '');
  console.log(
    'built dist/: index.js, tools.js, hmac.js, hmac.node.js, the shared and encryption chunks, index.d.ts, tools.d.ts',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: Error & { errors?: Array<{ text: string }> }) => {
    const detail = error.errors?.[0]?.text ?? error.message.split('\n')[0];
    console.error(`client build failed: ${detail}`);
    process.exit(1);
  });
}

// `pnpm bench:scale`: how the toolchain scales with the number of operations.
// Synthetic contracts of N operations are made from the real ones as templates
// (each copy gets its own path, operationId, request and response schemas, and
// its place in the registry), then timed as a user runs them, each step a fresh
// process: `generate`, lint (Redocly + Spectral), typecheck of the client over
// the generated code, and the client's browser bundle (gzip). Prints a table,
// each row's cost per operation, and the client bundle's growth per operation.
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '@konaplate-contract/codegen';
import { build } from 'esbuild';
import { parseDocument } from 'yaml';
import { bundleOptions } from '../packages/client/scripts/build.ts';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const sizes = (process.env.BENCH_SIZES ?? '2,10,26,50').split(',').map(Number);
const root = join(repoRoot, '.tmp/scale');
const tsx = require.resolve('tsx/cli');
const tsc = require.resolve('typescript/bin/tsc');
const spectral = require.resolve('@stoplight/spectral-cli/dist/index.js');
const redocly = join(require.resolve('@redocly/cli/package.json'), '../bin/cli.js');

const suffix = (i: number) => String.fromCharCode(65 + Math.floor(i / 26)) + String.fromCharCode(97 + (i % 26));

/** A copy of spec/ with `extra` more operations, cloned from the real ones in turn. */
async function syntheticSpec(dir: string, extra: number): Promise<string> {
  const spec = join(dir, 'spec');
  await rm(dir, { recursive: true, force: true });
  await cp(join(repoRoot, 'spec'), spec, { recursive: true });
  const entry = parseDocument(await readFile(join(spec, 'openapi.yaml'), 'utf8'));
  const templates = Object.entries(entry.toJS().paths as Record<string, { $ref: string }>);
  for (let i = 0; i < extra; i += 1) {
    const [path, { $ref }] = templates[i % templates.length] as [string, { $ref: string }];
    const s = suffix(i);
    let text = await readFile(join(spec, $ref), 'utf8');
    // Its own request and response schemas: copies of the template's, under new names.
    for (const [, name] of text.matchAll(/schemas\/(\w+Inquiry(?:Request|Response))\.yaml/g)) {
      const schema = await readFile(join(spec, 'components/schemas', `${name}.yaml`), 'utf8');
      await writeFile(
        join(spec, 'components/schemas', `${name}${s}.yaml`),
        schema.replace(/^title: .*$/m, `title: ${name}${s}`),
      );
    }
    text = text.replace(/schemas\/(\w+Inquiry(?:Request|Response))\.yaml/g, `schemas/$1${s}.yaml`);
    const doc = parseDocument(text);
    const id = String(doc.getIn(['post', 'operationId']));
    doc.setIn(['post', 'operationId'], `${id}${s}`);
    doc.setIn(['post', 'summary'], `${String(doc.getIn(['post', 'summary']))} (copy ${s})`);
    const file = $ref.replace(/\.yaml$/, `_${s}.yaml`);
    await writeFile(join(spec, file), doc.toString());
    entry.setIn(['paths', `${path}-${s.toLowerCase()}`], entry.createNode({ $ref: file }));
  }
  await writeFile(join(spec, 'openapi.yaml'), entry.toString());
  return join(spec, 'openapi.yaml');
}

async function seconds(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

const rows: Array<{ n: number; generate: number; lint: number; typecheck: number; gzip: number }> = [];
await mkdir(root, { recursive: true });
// pnpm lint:spectral builds the ruleset into .tmp/spectral/ruleset.mjs (its verdict on spec/ does not matter here).
await run(process.execPath, [tsx, join(repoRoot, 'scripts/lint-spectral.ts')]).catch(() => undefined);
const ruleset = join(repoRoot, '.tmp/spectral/ruleset.mjs');

for (const n of sizes) {
  const dir = join(root, String(n));
  const entry = await syntheticSpec(dir, n - 2);
  const generated = join(dir, 'generated');
  const generate = await seconds(() =>
    run(process.execPath, [tsx, join(repoRoot, 'bench/support/generate-into.ts'), entry, generated]),
  );
  const lint = await seconds(() =>
    Promise.all([
      // Redocly on the bundle, where every rule is on (the source's example rule waits for the registry fill).
      run(
        process.execPath,
        [redocly, 'lint', join(generated, 'openapi.yaml'), '--config', join(repoRoot, 'redocly.yaml')],
        {
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
          maxBuffer: 64 * 1024 * 1024,
        },
      ),
      run(process.execPath, [spectral, 'lint', join(generated, 'openapi.yaml'), '--ruleset', ruleset], {
        maxBuffer: 64 * 1024 * 1024,
      }),
    ]).catch((error: Error) => {
      throw new Error(`lint failed on ${n} operations: ${error.message.slice(0, 400)}`);
    }),
  );
  await cp(join(repoRoot, 'packages/client/src'), join(dir, 'packages/client/src'), { recursive: true });
  await cp(join(repoRoot, 'packages/client/package.json'), join(dir, 'packages/client/package.json'));
  await writeFile(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(repoRoot, 'tsconfig.base.json'),
      compilerOptions: { noEmit: true, allowImportingTsExtensions: true, types: ['node'] },
      include: ['packages/client/src/**/*.ts', 'generated/**/*.ts'],
    }),
  );
  const typecheck = await seconds(() => run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')]));
  const result = await build({
    ...bundleOptions,
    entryPoints: [join(dir, 'packages/client/src/index.ts')],
    platform: 'browser',
    conditions: ['browser', 'import', 'default'],
    external: ['jose'],
    write: false,
    outdir: join(dir, 'dist'),
    absWorkingDir: dir,
  });
  const gzip = (result.outputFiles ?? [])
    .filter((f) => !/encryption-/.test(f.path))
    .reduce((total, f) => total + gzipSync(f.contents, { level: 9 }).length, 0);
  rows.push({ n, generate, lint, typecheck, gzip });
  console.error(`  ${n} operations done`);
}

const base = rows[0] as (typeof rows)[number];
console.log('| operations | generate (s) | lint (s) | typecheck (s) | client bundle, gzip (B) |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (const r of rows)
  console.log(`| ${r.n} | ${r.generate.toFixed(2)} | ${r.lint.toFixed(2)} | ${r.typecheck.toFixed(2)} | ${r.gzip} |`);
const last = rows[rows.length - 1] as (typeof rows)[number];
const growth = (a: number, b: number) => (b / a / (last.n / base.n)).toFixed(2);
console.log(
  `\n${base.n} → ${last.n} operations (${(last.n / base.n).toFixed(0)}×): generate ${(last.generate / base.generate).toFixed(2)}×, lint ${(last.lint / base.lint).toFixed(2)}×, typecheck ${(last.typecheck / base.typecheck).toFixed(2)}× ` +
    `(cost growth ÷ operation growth: ${growth(base.generate, last.generate)}, ${growth(base.lint, last.lint)}, ${growth(base.typecheck, last.typecheck)}; ≤ 1 is linear or better)`,
);
console.log(`client bundle: +${((last.gzip - base.gzip) / (last.n - base.n)).toFixed(0)} B gzip per added operation`);
await rm(root, { recursive: true, force: true });

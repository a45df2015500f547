// `pnpm lint:spectral`: Spectral CLI, with the kona-* ruleset, on a fresh bundle of spec/.
// The bundle is derived leniently, so an example that disagrees with the error
// registry reaches the linter and is reported by its rule, where it stands.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildBundle, repoRoot, SpecError } from '@konaplate-contract/codegen';
import { build } from 'esbuild';
import { stringify } from 'yaml';

const run = promisify(execFile);
const outDir = join(repoRoot, '.tmp/spectral');
const rulesetEntry = join(repoRoot, 'packages/spec-rules/src/ruleset.ts');
const spectralCli = createRequire(import.meta.url).resolve('@stoplight/spectral-cli/dist/index.js');

/** Compiles the TypeScript ruleset to the one ESM file the Spectral CLI loads; @stoplight packages stay external. */
export async function buildRuleset(outfile = join(outDir, 'ruleset.mjs')): Promise<string> {
  await build({
    entryPoints: [rulesetEntry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    external: ['@stoplight/*'],
    logLevel: 'error',
  });
  return outfile;
}

const started = performance.now();
await mkdir(outDir, { recursive: true });
try {
  const [ruleset, doc] = await Promise.all([buildRuleset(), buildBundle(undefined, { strict: false })]);
  const target = join(outDir, 'openapi.yaml');
  await writeFile(target, stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false, version: '1.1' }));
  const { stdout } = await run(
    process.execPath,
    [spectralCli, 'lint', target, '--ruleset', ruleset, '--fail-severity', 'warn'],
    {
      cwd: repoRoot,
    },
  ).catch((error: { stdout?: string; stderr?: string; code?: number }) => {
    console.error(`${error.stdout ?? ''}${error.stderr ?? ''}`.trim());
    console.error('Spectral found problems in the spec (paths point into the bundle, .tmp/spectral/openapi.yaml).');
    process.exit(1);
  });
  console.log(`${stdout.trim()}\nspectral: spec clean in ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  console.error(error instanceof SpecError ? error.message : `lint failed: ${(error as Error).message}`);
  process.exitCode = 1;
}

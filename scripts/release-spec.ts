// `pnpm release:spec`: freezes the current bundle as the released contract of its
// info.version (releases/openapi-<version>.yaml), after the breaking-change gate passes.
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkBreaking, generatedDir, latestRelease, repoRoot } from '@konaplate-contract/codegen';
import { parse } from 'yaml';

const bundle = join(generatedDir, 'openapi.yaml');
const { info } = parse(await readFile(bundle, 'utf8')) as { info: { version: string } };
const previous = await latestRelease(join(repoRoot, 'releases'));
if (previous?.version === info.version) {
  console.error(`release:spec: ${info.version} is already released; bump info.version in spec/openapi.yaml first`);
  process.exit(1);
}
if (previous) {
  const verdict = await checkBreaking(previous.path, bundle);
  if (!verdict.ok) {
    console.error(`release:spec: ${verdict.reason}`);
    process.exit(1);
  }
}
const target = join(repoRoot, 'releases', `openapi-${info.version}.yaml`);
await copyFile(bundle, target);
console.log(`released the contract as ${target}`);

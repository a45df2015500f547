// `pnpm check:breaking`: the spec against the last released contract (releases/).
import { join } from 'node:path';
import { checkBreaking, generatedDir, latestRelease, repoRoot } from '@konaplate-contract/codegen';

const release = await latestRelease(join(repoRoot, 'releases'));
if (!release) {
  console.error('no release snapshot in releases/: nothing to compare with (see README, "Releasing")');
  process.exit(1);
}
try {
  const verdict = await checkBreaking(release.path, join(generatedDir, 'openapi.yaml'));
  for (const line of verdict.breaking) console.log(`  breaking: ${line}`);
  (verdict.ok ? console.log : console.error)(`check:breaking: ${verdict.reason}`);
  process.exitCode = verdict.ok ? 0 : 1;
} catch (error) {
  console.error(`check:breaking: ${(error as Error).message}`);
  process.exitCode = 1;
}

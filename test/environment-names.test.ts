// One name per setting: every KONAPLATE_* variable written anywhere in the repository (READMEs, help texts,
// docs samples, tests, scripts) is one of the client's environmentVariables, or one of the few that belong to a
// single tool and say so here. A second spelling of a setting (the secret key under two names)
// fails this test.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { repoRoot } from '@konaplate-contract/codegen';
import { environmentVariables, retiredEnvironmentVariables } from '@konaplate-contract/contract/protocol';
import { describe, expect, it } from 'vitest';

/** Variables of one tool, not settings of a call: each is named where it is read. */
const toolOwn: Record<string, string> = {
  KONAPLATE_MOCK_SECRET: "the mock's strict-mode secret (packages/mock/src/cli.ts)",
  KONAPLATE_TOTALS_FILE: "the totals reporter's output file (test/support/totals-reporter.ts)",
  KONAPLATE_CI_CACHE: 'where .ci/run caches Node 24 (.ci/run)',
  KONAPLATE_NODE24: 'a Node >= 22 for the peer generators (test/peer-generators.test.ts)',
  KONAPLATE_PORT: "the CI job's mock port (packages/cli/examples/ci-check.sh)",
  KONAPLATE_REPORTS: 'where the CI job writes its reports (packages/cli/examples/ci-check.sh)',
  KONAPLATE_WAIT_SECONDS: 'how long the CI job waits for the mock (packages/cli/examples/ci-check.sh)',
  KONAPLATE_MOCK_CMD: 'how the CI job starts the mock (packages/cli/examples/ci-check.sh)',
  KONAPLATE_CMD: 'how the CI job runs the CLI (packages/cli/examples/ci-check.sh)',
  KONAPLATE_CI_OPERATION: "the CI job's sample call (packages/cli/examples/ci-check.sh)",
  KONAPLATE_CI_BODY: "the CI job's sample body (packages/cli/examples/ci-check.sh)",
};

function namesInRepository(): Map<string, string[]> {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f !== '' && !f.endsWith('.png') && !f.startsWith('releases/') && f !== 'pnpm-lock.yaml');
  const found = new Map<string, string[]>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(`${repoRoot}${file}`, 'utf8');
    } catch {
      continue; // deleted in the work tree
    }
    for (const [name] of text.matchAll(/\bKONAPLATE_[A-Z0-9_]+/g)) found.set(name, [...(found.get(name) ?? []), file]);
  }
  return found;
}

describe('environment variable names', () => {
  const found = namesInRepository();

  it('every KONAPLATE_* name is a setting of the table, a retired name the CLI refuses, or a tool-owned variable', () => {
    const known = new Set<string>([
      ...Object.values(environmentVariables),
      ...Object.keys(retiredEnvironmentVariables),
      ...Object.keys(toolOwn),
    ]);
    const strays = [...found]
      .filter(([name]) => !known.has(name))
      .map(([name, files]) => `${name} in ${[...new Set(files)].join(', ')}`);
    expect(strays).toEqual([]);
  });

  it('the credentials and the base URL are read under their table names by the CLI and the docs samples', () => {
    for (const name of [environmentVariables.secretKey, environmentVariables.baseUrl, environmentVariables.aspId]) {
      const files = found.get(name) ?? [];
      expect(files).toContain('packages/cli/README.md');
      expect(files).toContain('generated/docs/md/inquireCardVirtualAccount.md');
    }
  });
});

// The breaking-change gate on fixture pairs: a compatible revision passes, a
// breaking one fails unless the major version is bumped.
import { fileURLToPath } from 'node:url';
import { checkBreaking, generatedDir, latestRelease, repoRoot } from '@konaplate-contract/codegen';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/breaking/${name}.yaml`, import.meta.url));

describe('check:breaking', () => {
  it('passes a compatible revision (a new optional response field)', async () => {
    const verdict = await checkBreaking(fixture('base'), fixture('compatible'));
    expect(verdict).toMatchObject({ ok: true, breaking: [], baseVersion: '1.2.0', revisionVersion: '1.3.0' });
    expect(verdict.bump).not.toBe('major');
  });

  it('fails a breaking revision (a new required request field) that keeps the major', async () => {
    const verdict = await checkBreaking(fixture('base'), fixture('breaking'));
    expect(verdict.ok).toBe(false);
    expect(verdict.bump).toBe('major');
    expect(verdict.breaking.join('\n')).toMatch(/cardCVC/);
    expect(verdict.reason).toMatch(/keeps major 1: bump it to 2\.0\.0/);
  });

  it('passes the same breaking revision released as a new major', async () => {
    expect(await checkBreaking(fixture('base'), fixture('breaking-major'))).toMatchObject({ ok: true, bump: 'major' });
  });

  it('fails a version that goes backwards', async () => {
    const verdict = await checkBreaking(fixture('compatible'), fixture('base'));
    expect(verdict).toMatchObject({ ok: false, reason: 'info.version went back from 1.3.0 to 1.2.0' });
  });

  it('the current spec is compatible with its last release', async () => {
    const release = await latestRelease(`${repoRoot}releases`);
    expect(release?.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await checkBreaking(release?.path ?? '', `${generatedDir}/openapi.yaml`)).ok).toBe(true);
  });
});

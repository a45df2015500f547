import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { redocly } from './redocly.ts';

export interface BreakingVerdict {
  ok: boolean;
  baseVersion: string;
  revisionVersion: string;
  /** The semver bump the changes need, as `redocly diff` rates them. */
  bump: 'major' | 'minor' | 'patch' | 'none';
  /** One line per breaking change: where, and what. */
  breaking: string[];
  reason: string;
}

interface DiffReport {
  infoVersions: { base: string; revision: string };
  /** Absent when nothing changed. */
  bump?: BreakingVerdict['bump'];
  changes: Array<{
    path: string;
    impact: string;
    verdicts: Array<{ impact: string; message: string; ruleId: string }>;
  }>;
}

const semver = (version: string) => {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) throw new Error(`info.version ${JSON.stringify(version)} is not semver (MAJOR.MINOR.PATCH)`);
  return match.slice(1, 4).map(Number) as [number, number, number];
};

const compare = (a: number[], b: number[]) => a.map((x, i) => x - (b[i] ?? 0)).find((d) => d !== 0) ?? 0;

/**
 * Compares two bundled specs with `redocly diff` (diff-recommended rules) and
 * decides: a breaking (major) change passes only when the revision's
 * `info.version` has a higher major than the base's.
 */
export async function checkBreaking(basePath: string, revisionPath: string): Promise<BreakingVerdict> {
  let output: string;
  try {
    output = await redocly(['diff', basePath, revisionPath, '--format', 'json', '--fail-on', 'none']);
  } catch (error) {
    throw new Error(`could not compare ${basePath} with ${revisionPath}: ${(error as Error).message}`);
  }
  const report = JSON.parse(output) as DiffReport;
  const { base: baseVersion, revision: revisionVersion } = report.infoVersions;
  const [baseMajor] = semver(baseVersion);
  const [revisionMajor] = semver(revisionVersion);
  const breaking = report.changes
    .filter((c) => c.impact === 'major')
    .flatMap((c) =>
      c.verdicts.filter((v) => v.impact === 'major').map((v) => `${v.message} (${v.ruleId}) at ${c.path}`),
    );
  const verdict = { baseVersion, revisionVersion, bump: report.bump ?? 'none', breaking };
  if (compare(semver(revisionVersion), semver(baseVersion)) < 0) {
    return { ...verdict, ok: false, reason: `info.version went back from ${baseVersion} to ${revisionVersion}` };
  }
  if (report.bump === 'major' && revisionMajor <= baseMajor) {
    return {
      ...verdict,
      ok: false,
      reason: `${breaking.length} breaking change(s) since ${baseVersion}, but info.version ${revisionVersion} keeps major ${revisionMajor}: bump it to ${baseMajor + 1}.0.0 or make the change compatible`,
    };
  }
  return {
    ...verdict,
    ok: true,
    reason:
      report.bump === 'major'
        ? `breaking changes since ${baseVersion}, released as major ${revisionMajor}`
        : report.changes.length === 0
          ? `no change since ${baseVersion}`
          : `no breaking change since ${baseVersion} (needs at most a ${verdict.bump} bump)`,
  };
}

/** The newest release snapshot in `dir` (files `openapi-<version>.yaml`), by semver. */
export async function latestRelease(dir: string): Promise<{ version: string; path: string } | null> {
  const releases = (await readdir(dir))
    .map((name) => /^openapi-(\d+\.\d+\.\d+)\.yaml$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: m[1] ?? '', path: join(dir, m[0]) }))
    .sort((a, b) => compare(semver(a.version), semver(b.version)));
  return releases.at(-1) ?? null;
}

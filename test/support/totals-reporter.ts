import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Reporter, SerializedError, TestModule, TestRunEndReason, TestSuite } from 'vitest/node';

/** What the closing line says, and what `KONAPLATE_TOTALS_FILE` receives as JSON (with `node`, the version that ran). */
export interface Totals {
  passed: number;
  failed: number;
  skipped: number;
  /** Failures that are not a failed test: a file that did not load, a hook that threw, an unhandled error. */
  failedOutsideTests: string[];
}

/**
 * Prints the closing `N passed, N failed` line that CI and people read, after vitest's own summary.
 *
 * A failed test counts once. So does everything else that fails the run without failing a test, because
 * vitest marks those tests skipped or never collects them at all:
 * - a file that failed on its own (its import threw, a top-level `beforeAll`/`afterAll` threw, no tests in it);
 * - a suite whose `beforeAll`/`afterAll` threw (`beforeEach`/`afterEach` errors already fail their test);
 * - each unhandled error (an unhandled rejection, an error thrown outside any test).
 * If vitest still calls the run failed (or interrupted) and nothing above was counted, that counts as one
 * failure, so the line never says `0 failed` for a run that did not pass.
 *
 * With `KONAPLATE_TOTALS_FILE` set, the totals are also written there as JSON (`.ci/run` adds up its runs).
 */
export default class TotalsReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const totals = countTotals(testModules, unhandledErrors, reason);
    const out = process.stdout;
    if (totals.failedOutsideTests.length > 0) {
      out.write(
        `\nCounted as failed besides failed tests:\n${totals.failedOutsideTests.map((f) => `  ${f}\n`).join('')}`,
      );
    }
    out.write(`\n${formatTotals(totals)}\n`);
    const file = process.env.KONAPLATE_TOTALS_FILE;
    if (file) {
      mkdirSync(dirname(resolve(file)), { recursive: true });
      writeFileSync(file, `${JSON.stringify({ ...totals, node: process.version }, null, 2)}\n`);
    }
  }
}

export function formatTotals({ passed, failed, skipped }: Totals): string {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

export function countTotals(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError>,
  reason: TestRunEndReason,
): Totals {
  const totals: Totals = { passed: 0, failed: 0, skipped: 0, failedOutsideTests: [] };
  const failOutside = (what: string) => {
    totals.failed += 1;
    totals.failedOutsideTests.push(what);
  };

  for (const module of testModules) {
    let failedHere = 0;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') totals.passed += 1;
      else if (state === 'failed') {
        totals.failed += 1;
        failedHere += 1;
      } else totals.skipped += 1;
    }
    const suites: Array<TestModule | TestSuite> = [module, ...module.children.allSuites()];
    for (const suite of suites) {
      const errors = suite.errors();
      if (errors.length === 0) continue;
      const where =
        suite.type === 'module' ? module.relativeModuleId : `${module.relativeModuleId} > ${suite.fullName}`;
      failOutside(`${where}: ${firstLine(errors[0])}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`);
      failedHere += 1;
    }
    if (module.state() === 'failed' && failedHere === 0) failOutside(`${module.relativeModuleId}: the file failed`);
  }

  for (const error of unhandledErrors) {
    const kind = typeof error.type === 'string' ? error.type : 'Unhandled error';
    failOutside(`${kind}: ${firstLine(error)}`);
  }

  if (reason !== 'passed' && totals.failed === 0) failOutside(`vitest reported the run as ${reason}`);
  return totals;
}

function firstLine(error: SerializedError | undefined): string {
  const text = error?.message || error?.name || 'unknown error';
  const [first = ''] = text.split('\n');
  return first.slice(0, 500);
}

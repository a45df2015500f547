import { relative } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The packaging tests: each builds its package, packs it and installs the tarball (the client's through a
 * throwaway Verdaccio registry) outside the workspace. Slow, so `pnpm test` leaves them out; they run with
 * `pnpm test:packaging` (vitest.packaging.config.ts), a stage of its own in `.ci/run`. So do the peer
 * generators' runs over the bundle (swagger-parser, hey-api, orval 7 and 8, each compiled by tsc), and the
 * docs folder's downloads (packed again, installed and run with npm alone).
 */
export const packagingTests = [
  'packages/*/test/package.test.ts',
  'test/peer-generators.test.ts',
  'test/downloads.test.ts',
];

/**
 * Files that take tens of seconds on any machine (servers, browsers, generation, child processes), longest
 * first. Vitest starts the files it has no timings for (a fresh clone, as in `.ci/run`) largest first, which
 * left the small but long load test to start last; these start first, the rest keep vitest's order (once it
 * has timings, longest first anyway). A file missing from the list only starts later.
 */
const slowFiles = [
  // the packaging tests, when a run includes them (vitest.packaging.config.ts, vitest.all.config.ts)
  'packages/client/test/package.test.ts',
  'packages/mock/test/package.test.ts',
  'test/peer-generators.test.ts',
  'packages/cli/test/package.test.ts',
  'test/downloads.test.ts',
  // the rest
  'test/browser/docs.test.ts',
  'packages/cli/test/conformance.test.ts',
  'test/bundle.test.ts',
  'packages/mock/test/load.test.ts',
  'test/add-operation.test.ts',
  'test/totals-reporter.test.ts',
  'packages/cli/test/quickstart.test.ts',
  'test/check-breaking.test.ts',
  'test/docs-postman.test.ts',
  'packages/cli/test/add-operation.test.ts',
];

class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const at = slowFiles.indexOf(relative(spec.project.config.root, spec.moduleId));
      return at === -1 ? slowFiles.length : at;
    };
    return sorted
      .map((spec, order) => ({ spec, order }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.order - b.order)
      .map(({ spec }) => spec);
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...packagingTests],
    reporters: ['default', './test/support/totals-reporter.ts'],
    setupFiles: ['./test/support/plain-output.ts'],
    testTimeout: 30_000,
    // Most suites wait on real servers and child processes: three files at once on the 2-core machines
    // (vitest's default there is one) keep both cores busy while one file waits.
    maxWorkers: 3,
    // A worker runs file after file with the modules it has loaded (the packages, the spec, Ajv, the
    // generators) instead of loading them again for each file: half the CPU time of the run. So a test
    // must not change what a shared module hands out (copy it first); nothing here mocks modules.
    isolate: false,
    sequence: { sequencer: SlowFilesFirst },
    typecheck: { enabled: false },
  },
});

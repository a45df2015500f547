import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The packaging tests: each builds its package, packs it and installs the tarball (the client's through a
 * throwaway Verdaccio registry) outside the workspace. Slow, so `pnpm test` leaves them out; they run with
 * `pnpm test:packaging` (vitest.packaging.config.ts), a stage of its own in `.ci/run`.
 */
export const packagingTests = ['packages/*/test/package.test.ts'];

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
    typecheck: { enabled: false },
  },
});

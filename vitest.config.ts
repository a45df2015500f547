import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    reporters: ['default', './test/support/totals-reporter.ts'],
    setupFiles: ['./test/support/plain-output.ts'],
    testTimeout: 30_000,
    // Most suites wait on real servers, child processes and npm: three files at once halve the run on the
    // 2-core CI machines (vitest's default there is one).
    maxWorkers: 3,
    typecheck: { enabled: false },
  },
});

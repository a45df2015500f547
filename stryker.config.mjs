// `pnpm test:mutation`: StrykerJS mutates the pure decision modules (the
// client's judge and the mock's pipeline stages) and runs their fast unit
// tests (vitest.mutation.config.ts) against each mutant. Not part of CI.
// Reports: the console, and reports/mutation/ (HTML and JSON; git-ignored).

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Named, not found by Stryker's '@stryker-mutator/*' scan: pnpm keeps the runner out of the core's folder.
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // The globs may match nothing yet (the mock's stages are new): Stryker then mutates what there is.
  mutate: ['packages/client/src/judge.ts', 'packages/mock/src/stages/**/*.ts'],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // Not needed by the unit tests; kept out of the sandbox copy.
  ignorePatterns: ['.tmp', 'test-output', 'reports', 'releases', '**/dist'],
};

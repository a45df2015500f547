import { configDefaults, defineConfig } from 'vitest/config';
import base, { packagingTests } from './vitest.config.ts';

// `pnpm test:packaging`: only the packaging tests (packages/*/test/package.test.ts), with the repo's
// reporters, so the run ends with the same `N passed, N failed` line and KONAPLATE_TOTALS_FILE works.
// By hand, one of them: `pnpm test:packaging packages/mock/` (the slash: a filter matches any path containing it).
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: packagingTests,
    exclude: configDefaults.exclude,
    // Each test starts npm, node or tsc a few times over; a deadline, so a busy machine gets a minute.
    testTimeout: 60_000,
    // One file at a time: several of them pack the same packages (a pack builds the package's dist/ in
    // place), and two builds of one dist/ at once would mix.
    fileParallelism: false,
  },
});

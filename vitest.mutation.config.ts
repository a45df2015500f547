// The tests `pnpm test:mutation` (stryker.config.mjs) runs against each mutant:
// only fast unit tests of the mutated modules, no servers, no child processes.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/client/test/judge.test.ts', 'packages/mock/test/stages/**/*.test.ts'],
    passWithNoTests: true,
    typecheck: { enabled: false },
  },
});

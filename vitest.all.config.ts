import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.ts';
import packaging from './vitest.packaging.config.ts';

// Every test file, the packaging tests included, with the packaging tests' deadline. `.ci/run`'s Node 24
// stage runs every package's tests and the mock's packaging test with it (`run packages/`, the client's
// and the CLI's packaging tests excluded), in one run, so the packaging test's build and npm install
// overlap with the other files' work.
export default defineConfig({
  ...packaging,
  test: { ...packaging.test, include: base.test?.include, exclude: configDefaults.exclude },
});

import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.ts';
import packaging from './vitest.packaging.config.ts';

// Every test file, the packaging tests included, with the packaging tests' deadline. `.ci/run`'s Node 24
// stage runs `vitest run -c vitest.all.config.ts packages/`: each package's tests and its packaging test
// in one run, so the packaging tests' waits (builds, npm) overlap with the other files' work.
export default defineConfig({
  ...packaging,
  test: { ...packaging.test, include: base.test?.include, exclude: configDefaults.exclude },
});

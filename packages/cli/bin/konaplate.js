#!/usr/bin/env node
// The konaplate executable: the self-contained bundle in dist/, built by
// `pnpm --filter @konaplate-contract/cli build` (packing builds it too).
// In a clone without a build, say so in one line rather than with a stack.
try {
  await import('../dist/konaplate.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/konaplate.js')) throw error;
  console.error(
    'konaplate: not built yet. Run `pnpm --filter @konaplate-contract/cli build`, or `pnpm -s konaplate` from the repository root.',
  );
  process.exitCode = 1;
}

#!/usr/bin/env node
// The konaplate executable: the self-contained bundle in dist/, built by
// `pnpm --filter @konaplate-contract/cli build` (packing builds it too).
// In a clone without a build, say so in one line rather than with a stack.
try {
  await import('../dist/konaplate.js');
} catch (error) {
  const notBuilt = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/konaplate.js');
  console.error(
    notBuilt
      ? 'konaplate: not built yet. Run `pnpm --filter @konaplate-contract/cli build`, or `pnpm -s konaplate` from the repository root.'
      : `konaplate: cannot load dist/konaplate.js (a broken install; reinstall the package): ${String(error?.message ?? error).split('\n')[0]}`,
  );
  process.exitCode = 1;
}

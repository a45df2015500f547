// Runs several package scripts in order, every one of them even after a failure,
// then fails if any failed: `pnpm lint` shows every linter's findings at once.
import { spawnSync } from 'node:child_process';

const scripts = process.argv.slice(2);
const failed = scripts.filter((script) => {
  const { status } = spawnSync('pnpm', ['run', '--silent', script], { stdio: 'inherit' });
  return status !== 0;
});
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exitCode = 1;
}

// `npm run setup`: on a machine with only Node 20 and npm, installs pnpm (the
// version pinned in package.json), the workspace's dependencies from the
// lockfile, then runs the main job (`pnpm start`). Plain Node: nothing is installed yet.
import { execSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const { packageManager, engines } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const wanted = packageManager.split('@')[1];

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${engines.node} is required; this is ${process.versions.node}.`);
  process.exit(1);
}

function pnpmVersion() {
  try {
    return execSync('pnpm --version', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function step(command, args) {
  console.log(`\n> ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) {
    console.error(`\nsetup stopped: \`${command} ${args.join(' ')}\` exited with ${status}.`);
    process.exit(status ?? 1);
  }
}

if (pnpmVersion() !== wanted) step('npm', ['install', '--global', `pnpm@${wanted}`]);
step('pnpm', ['install', '--frozen-lockfile']);
step('pnpm', ['start']);

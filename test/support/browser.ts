import { accessSync, constants, statSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where the tests look for Chromium unless `CHROMIUM_PATH` says otherwise (Debian's package). */
export const defaultChromiumPath = '/usr/bin/chromium';

/** The Debian packages the browser tests need: the browser, and a font that has Hangul. */
export const chromiumInstallCommand = 'apt-get install -y chromium fonts-nanum';

/**
 * Debian's Chromium (or the binary `CHROMIUM_PATH` names), headless, with nothing reaching out on its own.
 * Nothing is ever downloaded. When the browser cannot start, this throws one line that says which path it
 * tried, why, and how to fix it, instead of Playwright's stack and call log.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || defaultChromiumPath;
  const problem = executableProblem(executablePath);
  if (problem) throw chromiumError(executablePath, problem);
  try {
    return await chromium.launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  } catch (error) {
    throw chromiumError(executablePath, launchFailure(error));
  }
}

function executableProblem(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return 'it is not a file';
    accessSync(path, constants.X_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
    if (code === 'EACCES') return 'it is not executable';
    return String(code ?? error);
  }
}

/** Playwright's message, first line only, without its `browserType.launch:` prefix. */
function launchFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const [first = ''] = message
    .replace(/^browserType\.launch:\s*/, '')
    .trim()
    .split('\n');
  return `it did not start (${first.length > 160 ? `${first.slice(0, 157)}...` : first})`;
}

/** An error that prints as exactly one line: no stack frames, no cause. */
function chromiumError(path: string, problem: string): Error {
  const source = process.env.CHROMIUM_PATH ? 'CHROMIUM_PATH' : 'the default path; set CHROMIUM_PATH to change it';
  const error = new Error(
    `Chromium is needed for the browser tests, but ${path} (${source}) cannot be used: ${problem}. ` +
      `Install it with \`${chromiumInstallCommand}\`, or point CHROMIUM_PATH at a Chromium or Chrome binary.`,
  );
  error.name = 'ChromiumUnavailable';
  error.stack = `${error.name}: ${error.message}`;
  return error;
}

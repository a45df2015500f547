// Chromium, for generation (the printable PDFs, targets/pdf.ts) and for the browser tests and bench
// (test/support/browser.ts asks this module): Debian's Chromium, or the binary CHROMIUM_PATH names,
// headless, nothing downloaded, nothing reaching out on its own. When it cannot be used, one line says
// what needed it, which path was tried, why, and how to fix it (no stack, no Playwright call log).
import { accessSync, constants, statSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const defaultChromiumPath = '/usr/bin/chromium';
export const chromiumInstallCommand = 'apt-get install -y chromium fonts-nanum';

const problemWith = (path: string): string | undefined => {
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
};

/** What Chromium is for, as the one-line error says it ("Chromium <purpose>, but …"). */
const forPdfs = 'renders the printable PDFs';

function unavailable(path: string, problem: string, purpose: string): Error {
  const source = process.env.CHROMIUM_PATH ? 'CHROMIUM_PATH' : 'the default path; set CHROMIUM_PATH to change it';
  const error = new Error(
    `Chromium ${purpose}, but ${path} (${source}) cannot be used: ${problem}. Install it with \`${chromiumInstallCommand}\`, or point CHROMIUM_PATH at a Chromium or Chrome binary.`,
  );
  error.name = 'ChromiumUnavailable';
  error.stack = `${error.name}: ${error.message}`;
  return error;
}

/** The Chromium binary generation uses (CHROMIUM_PATH or Debian's); throws the one-line error when it cannot be used. */
export function chromiumPath(purpose = forPdfs): string {
  const executablePath = process.env.CHROMIUM_PATH || defaultChromiumPath;
  const problem = problemWith(executablePath);
  if (problem) throw unavailable(executablePath, problem, purpose);
  return executablePath;
}

/** Headless Chromium; throws a one-line error naming CHROMIUM_PATH (and `purpose`) when it cannot start. */
export async function launchChromium(purpose = forPdfs): Promise<Browser> {
  const executablePath = chromiumPath(purpose);
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
    // Playwright's message, first line only, without its `browserType.launch:` prefix.
    const [first = ''] = (error instanceof Error ? error.message : String(error))
      .replace(/^browserType\.launch:\s*/, '')
      .trim()
      .split('\n');
    const said = first.length > 160 ? `${first.slice(0, 157)}...` : first;
    throw unavailable(executablePath, `it did not start (${said})`, purpose);
  }
}

// Chromium for generation: the printable PDFs are rendered by it (targets/pdf.ts). Debian's Chromium, or
// the binary CHROMIUM_PATH names, headless, nothing downloaded, nothing reaching out on its own: the same
// browser and flags as the browser tests (test/support/browser.ts). When it cannot start, one line says
// which path was tried, why, and how to fix it.
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

function unavailable(path: string, problem: string): Error {
  const source = process.env.CHROMIUM_PATH ? 'CHROMIUM_PATH' : 'the default; set CHROMIUM_PATH to change it';
  const error = new Error(
    `Chromium renders the printable PDFs, but ${path} (${source}) cannot be used: ${problem}. Install it with \`${chromiumInstallCommand}\`, or point CHROMIUM_PATH at a Chromium or Chrome binary.`,
  );
  error.name = 'ChromiumUnavailable';
  error.stack = `${error.name}: ${error.message}`;
  return error;
}

/** The Chromium binary generation uses (CHROMIUM_PATH or Debian's); throws the one-line error when it cannot be used. */
export function chromiumPath(): string {
  const executablePath = process.env.CHROMIUM_PATH || defaultChromiumPath;
  const problem = problemWith(executablePath);
  if (problem) throw unavailable(executablePath, problem);
  return executablePath;
}

/** Headless Chromium for rendering; throws a one-line error naming CHROMIUM_PATH when it cannot start. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
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
    const first = (error instanceof Error ? error.message : String(error))
      .replace(/^browserType\.launch:\s*/, '')
      .trim()
      .split('\n')[0];
    throw unavailable(executablePath, `it did not start (${(first ?? '').slice(0, 160)})`);
  }
}

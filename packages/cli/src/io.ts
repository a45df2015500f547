import { readFileSync } from 'node:fs';

/** Where a command writes and what it reads from its environment (tests pass their own). */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

/** You used it wrong (a flag, a value, the body): one line, exit 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** The thing you asked for did not work out (a platform error, no answer, a failed check): exit 1. */
export class Failure extends Error {
  readonly exitCode = 1;
}

/** The text of a file named by a flag; the file's content never appears in an error. */
export function readFlagFile(flag: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--${flag}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Single-quotes a word for bash and POSIX sh: safe for any text, spaces, quotes and newlines included. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Text from elsewhere (a server's message) with any run of 12 to 19 digits, a card number's shape, masked to its last 4. */
export function maskCardNumbers(text: string): string {
  return text.replace(/\d{12,19}/g, (digits) => `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`);
}

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

export { maskCardNumbers, shellQuote } from '@konaplate-contract/contract/protocol';

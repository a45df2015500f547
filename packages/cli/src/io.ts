import { readFileSync } from 'node:fs';

/** Where a command writes and what it reads from its environment (tests pass their own). */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Standard input, read whole (`--body-file -`, `decrypt`); absent when there is none to read. */
  stdin?: () => Promise<string>;
}

/** Everything on this process's standard input, as UTF-8 text. */
async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  stdin: readProcessStdin,
};

/** Standard input for a flag that names `-`, or a usage error when this run has none. */
export async function readStdin(io: Io, what: string): Promise<string> {
  if (!io.stdin) throw new UsageError(`${what}: no standard input to read`);
  return io.stdin();
}

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

/** The command as the user typed it, for hints: `pnpm -s konaplate` through the repository's script. */
export function invokedAs(io: Io): string {
  const script = io.env.npm_lifecycle_event;
  return script === 'konaplate' && (io.env.npm_lifecycle_script ?? '').includes('packages/cli')
    ? `${(io.env.npm_config_user_agent ?? 'npm').split('/')[0] === 'pnpm' ? 'pnpm -s' : 'npm run -s'} konaplate`
    : 'konaplate';
}

export { maskCardNumbers, shellQuote } from '@konaplate-contract/contract/protocol';

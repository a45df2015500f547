// konaplate: the QA command line. `run` is the whole CLI (tests call it in
// process); main.ts is the executable around it.

import manifest from '../package.json' with { type: 'json' };
import { callCommand, callHelp } from './commands/call.ts';
import { conformanceCommand, conformanceHelp } from './commands/conformance.ts';
import { decryptCommand, decryptHelp } from './commands/decrypt.ts';
import { keysCommand, keysHelp } from './commands/keys.ts';
import { signCommand, signHelp } from './commands/sign.ts';
import { operations, specVersion, successCode } from './contract.ts';
import { Failure, type Io, invokedAs, maskCardNumbers, processIo, UsageError } from './io.ts';

const commands: Record<string, { run: (argv: string[], io: Io) => Promise<number>; help: string }> = {
  sign: { run: signCommand, help: signHelp },
  call: { run: callCommand, help: callHelp },
  conformance: { run: conformanceCommand, help: conformanceHelp },
  keys: { run: keysCommand, help: keysHelp },
  decrypt: { run: decryptCommand, help: decryptHelp },
};

/** This package's version and the contract's (info.version of the spec it was built with). */
export const version = `konaplate ${manifest.version} (contract ${specVersion})`;

export const help = `konaplate: sign and send calls to Konaplate's card APIs, and check any server against the contract
(contract ${specVersion}: ${operations.map((o) => o.operationId).join(', ')})

Commands:
  konaplate sign --body '<json>' [--curl --base-url <url> --operation <id>] [-H 'Name: value'] [--at <time>]
                       the X-KM-* headers for a body, or a curl command that sends it
  konaplate call <operationId> --base-url <url> --body '<json>' [-H 'Name: value'] [--no-validate]
                       sign, send, print the answer (exit 0 on ${successCode}, 1 on another code)
  konaplate conformance --base-url <url> [--test-data <file>] [--junit <file>] [--operation <id>] [--skip <group>]
                       check a server (the sandbox, a staging build, a mock) against the contract
  konaplate keys --out <dir> [--force]
                       TEST-ONLY RSA key pairs for the mock's encryption mode, and the commands that use them
  konaplate decrypt --private-key <file> < body
                       the plaintext of a compact JWE or an encrypted body read on standard input

Run konaplate <command> --help for its options and an example; konaplate --version for the versions.
Credentials: KONAPLATE_ASP_ID, KONAPLATE_ACCESS_KEY, KONAPLATE_SECRET_KEY (sandbox samples when unset).`;

/** Runs one command line; returns the exit code. Never throws, never prints a stack trace. */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(`${help}\n`); // no command: a usage error, so not on stdout
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(`${help}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`konaplate: unknown command "${name.slice(0, 40)}"; commands: ${Object.keys(commands).join(', ')}\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`konaplate ${name}: ${error.message}. Run ${invokedAs(io)} ${name} --help\n`);
      return 2;
    }
    if (error instanceof Failure) {
      io.err(`konaplate ${name}: ${error.message}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      // Node's message, first sentence only (its advice on '--' quotes the option unevenly).
      const first = (error as Error).message.split('\n')[0]?.split(/\.\s/)[0]?.replace(/\.$/, '');
      io.err(`konaplate ${name}: ${first}. Run ${invokedAs(io)} ${name} --help\n`);
      return 2;
    }
    // A bug of ours: one line, no stack, nothing of the request in it.
    io.err(`konaplate ${name}: internal error: ${maskCardNumbers(String((error as Error)?.message ?? error))}\n`);
    return 1;
  }
}

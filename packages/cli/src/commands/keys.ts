// konaplate keys: TEST-ONLY RSA key pairs for the mock's encryption mode, and the commands that use them.
import { generateKeyPair } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { header, headerSample, operations } from '../contract.ts';
import { type Io, invokedAs, shellQuote, UsageError } from '../io.ts';

/** The files, named as the mock's own generator (`pnpm mock:keys`) names them, and what each is for. */
export const keyFiles = [
  {
    file: 'server-private.test-only.pem',
    pair: 'server',
    kind: 'private',
    use: 'the mock decrypts requests with it (konaplate-mock --server-private-key)',
  },
  {
    file: 'server-public.test-only.pem',
    pair: 'server',
    kind: 'public',
    use: 'requests are encrypted to it (konaplate --server-public-key)',
  },
  {
    file: 'client-private.test-only.pem',
    pair: 'client',
    kind: 'private',
    use: 'answers are decrypted with it (konaplate --client-private-key, konaplate decrypt --private-key)',
  },
  {
    file: 'client-public.test-only.pem',
    pair: 'client',
    kind: 'public',
    use: 'the mock encrypts answers to it (konaplate-mock --client-public-key)',
  },
] as const;

/** The first line of every file: what it is and what it is not. */
export const testOnlyLabel =
  "# TEST-ONLY key for konaplate-mock's encryption mode, made by `konaplate keys`. Not secret, never for real use.\n";

export const keysHelp = `konaplate keys: TEST-ONLY RSA key pairs for the mock's encryption mode

Usage:
  konaplate keys --out <dir> [--force]

Writes two RSA-2048 key pairs into <dir> (created when missing), four PEM files that each begin
with a TEST-ONLY comment line:
${keyFiles.map((k) => `  ${k.file.padEnd(30)} ${k.use}`).join('\n')}
then prints the exact commands that start the mock with them and call it, encrypted both ways.

Options:
  --out <dir>   where to write them
  --force       replace the files when they are there already (otherwise refused, nothing written)
  --help        this text

These keys are made on this machine for tests against the mock: never give them to a real server.`;

const generatePair = promisify(generateKeyPair);

export async function keysCommand(argv: string[], io: Io): Promise<number> {
  const { values: flags } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (flags.help) {
    io.out(`${keysHelp}\n`);
    return 0;
  }
  if (flags.out === undefined || flags.out === '')
    throw new UsageError('--out <dir> is required (the folder to write the four key files to)');
  const dir = resolve(flags.out);
  const path = (file: string) => join(dir, file);
  const there = keyFiles.filter((k) => existsSync(path(k.file))).map((k) => k.file);
  if (there.length > 0 && !flags.force)
    throw new UsageError(`--out: ${dir} already holds ${there.join(', ')}; give --force to replace them`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(`--out: cannot create ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const pairs = {
    server: await newPair(),
    client: await newPair(),
  };
  for (const k of keyFiles) {
    // A file replaced with --force is made anew, so a private key gets its owner-only mode.
    if (flags.force) await rm(path(k.file), { force: true });
    try {
      await writeFile(path(k.file), testOnlyLabel + pairs[k.pair][k.kind], {
        flag: 'wx',
        mode: k.kind === 'private' ? 0o600 : 0o644,
      });
    } catch (error) {
      throw new UsageError(`--out: cannot write ${path(k.file)} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  io.out(usage(io, path));
  return 0;
}

async function newPair(): Promise<{ private: string; public: string }> {
  const pair = await generatePair('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { private: pair.privateKey, public: pair.publicKey };
}

/** What was written, and the commands that use it: the mock's start line, a call, a decryption. */
function usage(io: Io, path: (file: string) => string): string {
  const inRepository = invokedAs(io) !== 'konaplate';
  const konaplate = inRepository ? invokedAs(io) : 'npx konaplate';
  const mock = inRepository ? 'pnpm mock' : 'npx konaplate-mock';
  const keyId = headerSample('cryptoKeyId') ?? '';
  const file = (name: (typeof keyFiles)[number]['file']) => shellQuote(path(name));
  const operation = operations[0];
  const line = (words: string[]) => words.join(' ');
  return `${[
    `TEST-ONLY key pairs written (for tests against the mock; never for anything real):`,
    ...keyFiles.map((k) => `  ${path(k.file)}`),
    '',
    'Start the mock with them (requests decrypted, success answers encrypted back):',
    `  ${line([
      mock,
      '--server-private-key',
      file('server-private.test-only.pem'),
      '--client-public-key',
      file('client-public.test-only.pem'),
      '--crypto-key-id',
      keyId,
    ])}`,
    '',
    'Call it, encrypted both ways (the client encrypts to the server key and decrypts with the client key):',
    `  ${line([
      konaplate,
      'call',
      operation?.operationId ?? '<operationId>',
      '--base-url',
      'http://127.0.0.1:4010',
      '--crypto-key-id',
      keyId,
      '--server-public-key',
      file('server-public.test-only.pem'),
      '--client-private-key',
      file('client-private.test-only.pem'),
      '--body',
      shellQuote(JSON.stringify(operation?.requestExample ?? {})),
    ])}`,
    '',
    `Sign one for curl (the server key alone encrypts; ${header.cryptoKeyId} is added):`,
    `  ${line([
      konaplate,
      'sign',
      '--curl',
      '--base-url',
      'http://127.0.0.1:4010',
      '--operation',
      operation?.operationId ?? '<operationId>',
      '--crypto-key-id',
      keyId,
      '--server-public-key',
      file('server-public.test-only.pem'),
      '--body',
      shellQuote(JSON.stringify(operation?.requestExample ?? {})),
    ])} | bash | ${line([konaplate, 'decrypt', '--private-key', file('client-private.test-only.pem')])}`,
  ].join('\n')}\n`;
}

// konaplate decrypt: the plaintext of an encrypted body read on standard input.
import { parseArgs } from 'node:util';
import { redact } from '../client.ts';
import { envelope } from '../contract.ts';
import { privateKeyFile } from '../credentials.ts';
import { type Io, maskCardNumbers, readStdin, UsageError } from '../io.ts';
import { decryptJwe, jweOf } from '../jwe.ts';

export const decryptHelp = `konaplate decrypt: the plaintext of an encrypted body

Usage:
  konaplate decrypt --private-key <file> < answer.json

Reads standard input: a compact JWE, or a body {"${envelope}": "<JWE>"} as the platform sends it, and
prints the plaintext (RSA-OAEP-256 with A128GCM or A256GCM, as the client decrypts). A JSON plaintext
is printed with the fields the spec marks sensitive masked (card number to its last four), as call
prints answers; --reveal prints the plaintext exactly as decrypted.

Options:
  --private-key <file>   the RSA private key (PKCS#8 PEM) the body was encrypted for: your client key for
                         an answer, the server's for a request (konaplate keys writes test-only ones)
  --reveal               print the plaintext byte for byte, nothing masked
  --help                 this text

Exit codes: 0 decrypted; 1 it does not decrypt with that key; 2 the input is not a JWE, or a bad key file.

Example:
  konaplate sign --curl --base-url http://127.0.0.1:4010 --operation inquireCardVirtualAccount \\
    --crypto-key-id … --server-public-key server-public.pem --body '{"cardNo":"…"}' | bash \\
    | konaplate decrypt --private-key client-private.pem`;

export async function decryptCommand(argv: string[], io: Io): Promise<number> {
  const { values: flags } = parseArgs({
    args: argv,
    options: {
      'private-key': { type: 'string' },
      reveal: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (flags.help) {
    io.out(`${decryptHelp}\n`);
    return 0;
  }
  if (flags['private-key'] === undefined)
    throw new UsageError('--private-key <file> is required (the PKCS#8 PEM key the body was encrypted for)');
  const key = privateKeyFile('private-key', flags['private-key']);
  const jwe = jweOf(await readStdin(io, 'decrypt'));
  if (jwe === undefined)
    throw new UsageError(
      `standard input is neither a compact JWE (five base64url parts joined by dots) nor a {"${envelope}": "<JWE>"} body`,
    );
  const plaintext = await decryptJwe(jwe, key, 'private-key');
  if (flags.reveal) {
    io.out(plaintext.endsWith('\n') ? plaintext : `${plaintext}\n`);
    return 0;
  }
  let json: unknown;
  try {
    json = JSON.parse(plaintext);
  } catch {
    io.out(`${maskCardNumbers(plaintext).trimEnd()}\n`);
    return 0;
  }
  io.out(`${JSON.stringify(redact(json), null, 2)}\n`);
  return 0;
}

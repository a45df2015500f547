// konaplate sign: the request headers for a body (token over its exact bytes),
// or one complete curl command that sends it.
import { parseArgs } from 'node:util';
import { encryptBody, signHeaders } from '../client.ts';
import { header, type Operation, operations } from '../contract.ts';
import {
  type Credentials,
  cryptoKeyIdAlone,
  env,
  type KeyFlags,
  loadCredentials,
  loadKeys,
  signingTime,
  warnAll,
} from '../credentials.ts';
import { type Io, readFlagFile, readStdin, shellQuote, UsageError } from '../io.ts';
import { bodyProblem, headerFlags, joinUrl, requireOperation, withHeaders } from './shared.ts';

export const signHelp = `konaplate sign: the X-KM-* request headers for a body, the token over its exact bytes

Usage:
  konaplate sign --body '<json>'                       print the headers, one "Name: value" a line
  konaplate sign --curl --base-url <url> --operation <operationId> --body '<json>'
                                                       print one curl command that sends it

Options:
  --body <text>               the body, signed exactly as given (no re-serialization)
  --body-file <file>          ...or read it from a file (- reads standard input)
  --operation <operationId>   the operation (required with --curl): ${operations.map((o) => o.operationId).join(', ')}
  --curl                      print a curl command instead of the headers
  --base-url <url>            where the curl command sends (e.g. http://127.0.0.1:4010 for the mock)
  -H, --header 'Name: value'  one more header (repeatable), e.g. -H 'Prefer: example=card-not-found'. A name the
                              command computes (${header.correlationId}, ${header.tranTime}, any X-KM-* header,
                              Content-Type) is replaced by yours, token and all: send what the contract refuses
  --at <yyyyMMddHHmmss>       sign for this time in the signing zone instead of now (${header.tranTime} and the
                              token's time; e.g. an hour ago for a stale-token test)
  --no-validate               do not check the body against the spec (no warning when it breaks it)
  --time-zone <zone>          zone of ${header.tranTime} (default KST, or KONAPLATE_TIME_ZONE)
  --secret-file <file>        the secret key, from a file (default KONAPLATE_SECRET_KEY)
  --crypto-key-id <id>        ${header.cryptoKeyId}; alone, for a body you encrypted yourself. To encrypt the
                              body here, also give (the id may come from KONAPLATE_CRYPTO_KEY_ID):
  --server-public-key <file>  the server's RSA public key (SPKI PEM) it is encrypted to (enough to encrypt;
                              --client-private-key is only for reading answers: call, decrypt)
  --help                      this text

Credentials come from KONAPLATE_ASP_ID, KONAPLATE_ACCESS_KEY and KONAPLATE_SECRET_KEY; unset, the
spec's sandbox samples are used, which the mock accepts unless it runs with a secret (strict).
A token is valid for a few minutes: sign again rather than reuse an old command.

Example:
  konaplate sign --curl --base-url http://127.0.0.1:4010 --operation inquireCardVirtualAccount \\
    --body '{"cardNo":"9491230000000017"}' | bash`;

export interface SignedRequest {
  operation: Operation | undefined;
  headers: Record<string, string>;
  /** The body text sent and signed: the given text, or its encrypted envelope. */
  bodyText: string;
  /** What it was signed with (and any warning about it). */
  credentials: Credentials;
}

/** The body text of --body or --body-file (`-`: standard input). */
export async function bodyFlag(
  flags: { body?: string | undefined; 'body-file'?: string | undefined },
  io: Io,
): Promise<string> {
  if (flags.body !== undefined && flags['body-file'] !== undefined)
    throw new UsageError('give --body or --body-file, not both');
  if (flags['body-file'] === '-') return readStdin(io, '--body-file -');
  if (flags['body-file'] !== undefined) return readFlagFile('body-file', flags['body-file']);
  if (flags.body === undefined) throw new UsageError(`--body is required (the JSON to sign, e.g. '{"cardNo":"…"}')`);
  return flags.body;
}

/** The options every command that signs takes: the body, the extra headers, the credentials and keys. */
export const signingOptions = {
  body: { type: 'string' },
  'body-file': { type: 'string' },
  header: { type: 'string', short: 'H', multiple: true },
  'no-validate': { type: 'boolean', default: false },
  'time-zone': { type: 'string' },
  'secret-file': { type: 'string' },
  'crypto-key-id': { type: 'string' },
  'server-public-key': { type: 'string' },
  'client-private-key': { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

export async function signCommand(argv: string[], io: Io): Promise<number> {
  const { values: flags } = parseArgs({
    args: argv,
    options: {
      ...signingOptions,
      operation: { type: 'string' },
      curl: { type: 'boolean', default: false },
      'base-url': { type: 'string' },
      at: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (flags.help) {
    io.out(`${signHelp}\n`);
    return 0;
  }
  const operation = flags.operation === undefined ? undefined : requireOperation(flags.operation);
  if (flags.curl && !operation) throw new UsageError('--curl needs --operation <operationId> (the path to call)');
  const baseUrl = flags['base-url'] ?? io.env[env.baseUrl];
  if (flags.curl && baseUrl === undefined)
    throw new UsageError('--curl needs --base-url <url> (e.g. http://127.0.0.1:4010 for the local mock)');
  const url = flags.curl ? joinUrl(baseUrl as string, (operation as Operation).path) : undefined;
  const given = headerFlags(flags.header);
  const text = await bodyFlag(flags, io);
  // Only a curl line goes anywhere: plain headers warn of nothing, whatever KONAPLATE_BASE_URL says.
  const signed = await signRequest(io, flags, operation, text, flags.curl ? baseUrl : undefined);
  // Signing a body the server will refuse is allowed (QA sends such bodies on purpose); say so on stderr.
  const problem = flags['no-validate'] ? null : bodyProblem(operation, text);
  if (problem) io.err(`konaplate sign: warning: ${problem}; signing it anyway\n`);
  warnAll(io, signed.credentials);
  if (url === undefined) {
    io.out(
      Object.entries(withHeaders(signed.headers, given))
        .map(([name, value]) => `${name}: ${value}\n`)
        .join(''),
    );
    if (signed.bodyText !== text) io.out(`\n${signed.bodyText}\n`);
    return 0;
  }
  io.out(`${curlCommand(url, operation as Operation, signed, given)}\n`);
  return 0;
}

/**
 * Signs (and, with the server's public key, first encrypts) a body text through the client: for now, or
 * for the `--at` time. Encrypting needs only the server's key; a client key given is checked, not used.
 */
export async function signRequest(
  io: Io,
  flags: KeyFlags & { 'secret-file'?: string | undefined; 'time-zone'?: string | undefined; at?: string | undefined },
  operation: Operation | undefined,
  text: string,
  baseUrl?: string,
): Promise<SignedRequest> {
  const credentials = loadCredentials(io, flags, baseUrl);
  const keys = loadKeys(io, flags, 'optional');
  const at = flags.at === undefined ? undefined : signingTime(flags.at, credentials.timeZone);
  const bodyText = keys ? await encryptBody(keys, text) : text;
  const cryptoKeyId = keys?.keyId ?? cryptoKeyIdAlone(flags);
  const headers = await signHeaders(
    { ...credentials, ...(cryptoKeyId ? { cryptoKeyId } : {}), ...(at === undefined ? {} : { now: () => at }) },
    bodyText,
  );
  return { operation, headers, bodyText, credentials };
}

/** The JSON headers every request of the contract carries, before the signed ones. */
export const jsonHeaders = { 'Content-Type': 'application/json', Accept: 'application/json' };

/**
 * One curl command line, every word quoted for bash: the body bytes are exactly those signed; a -H header
 * replaces the computed one of its name.
 */
export function curlCommand(
  url: string,
  operation: Operation,
  signed: SignedRequest,
  given: Array<[string, string]> = [],
): string {
  const words = ['curl', '-sS', '-X', operation.method.toUpperCase(), url];
  for (const [name, value] of Object.entries(withHeaders({ ...jsonHeaders, ...signed.headers }, given)))
    words.push('-H', `${name}: ${value}`);
  words.push('--data-raw', signed.bodyText);
  return words.map(shellQuote).join(' ');
}

// konaplate call: signs (and encrypts), sends through the client, prints the answer.
import { parseArgs } from 'node:util';
import {
  createKonaplateClient,
  KonaplateConfigError,
  KonaplateContractError,
  KonaplateError,
  KonaplateResponseError,
  KonaplateTransportError,
  KonaplateValidationError,
  redact,
  validateRequest,
} from '../client.ts';
import { header, operations, servers, successCode } from '../contract.ts';
import { env, loadCredentials, loadKeys, warnAll } from '../credentials.ts';
import { Failure, type Io, maskCardNumbers, UsageError } from '../io.ts';
import { joinUrl, parseBody, requireOperation, validationLine } from './shared.ts';
import { bodyFlag } from './sign.ts';

export const callHelp = `konaplate call: sign and send one call, print the JSON answer

Usage:
  konaplate call <operationId> --base-url <url> --body '<json>'

Operations:
${operations.map((o) => `  ${o.operationId.padEnd(28)} ${o.method.toUpperCase()} ${o.path}  ${o.summary}`).join('\n')}

Options:
  --base-url <url>             where to send (or KONAPLATE_BASE_URL): the local mock
                               http://127.0.0.1:4010, or ${servers()[0] ?? 'the sandbox'}
  --body <json> | --body-file <file>   the plaintext request body, checked against the spec first
  --time-zone <zone>           zone of X-KM-Tran-Time (default KST, or KONAPLATE_TIME_ZONE)
  --secret-file <file>         the secret key, from a file (default KONAPLATE_SECRET_KEY)
  --crypto-key-id <id>         encrypt: X-KM-Crypto-Key-Id (or KONAPLATE_CRYPTO_KEY_ID), with
  --server-public-key <file>   the server's RSA public key (SPKI PEM) and
  --client-private-key <file>  your private key (PKCS#8 PEM) that decrypts the answer
  --timeout-ms <n>             per attempt (default 10000)
  --reveal                     print card and account numbers whole (masked to the last four by
                               default, as the spec's sensitive fields are everywhere else)
  --help                       this text

Exit codes: 0 the platform answered ${successCode}; 1 it answered another code (printed with its
message on stderr) or no answer came; 2 the command or the body is wrong (nothing was sent).

Example:
  ${env.secretKey}=… konaplate call ${operations[0]?.operationId} --base-url http://127.0.0.1:4010 \\
    --body '${JSON.stringify(operations[0]?.requestExample ?? {})}'`;

/** Client configuration fields, as the CLI user names them. */
const configSources: Record<string, string> = {
  aspId: env.aspId,
  accessKey: env.accessKey,
  secretKey: env.secretKey,
  timeZone: '--time-zone',
  baseUrl: '--base-url',
  timeoutMs: '--timeout-ms',
  'encryption.keyId': '--crypto-key-id',
  'encryption.serverPublicKey': '--server-public-key',
  'encryption.clientPrivateKey': '--client-private-key',
};

export async function callCommand(argv: string[], io: Io): Promise<number> {
  const { values: flags, positionals } = parseArgs({
    args: argv,
    options: {
      body: { type: 'string' },
      'body-file': { type: 'string' },
      'base-url': { type: 'string' },
      'time-zone': { type: 'string' },
      'secret-file': { type: 'string' },
      'crypto-key-id': { type: 'string' },
      'server-public-key': { type: 'string' },
      'client-private-key': { type: 'string' },
      'timeout-ms': { type: 'string' },
      reveal: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (flags.help) {
    io.out(`${callHelp}\n`);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError(
      `give one operation: konaplate call <operationId> (${operations.map((o) => o.operationId).join(', ')})`,
    );
  const operation = requireOperation(positionals[0] as string);
  const baseUrl = flags['base-url'] ?? io.env[env.baseUrl];
  if (baseUrl === undefined)
    throw new UsageError(`--base-url is required: http://127.0.0.1:4010 (local mock) or ${servers()[0] ?? 'a URL'}`);
  joinUrl(baseUrl, operation.path); // refuses a malformed URL with a usage error
  const body = parseBody(bodyFlag(flags));
  try {
    validateRequest(operation.operationId, body);
  } catch (error) {
    if (error instanceof KonaplateValidationError) throw new UsageError(validationLine(error));
    throw error;
  }
  let timeoutMs: number | undefined;
  if (flags['timeout-ms'] !== undefined) {
    timeoutMs = Number(flags['timeout-ms']);
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1)
      throw new UsageError('--timeout-ms must be a positive whole number of milliseconds');
  }
  const credentials = loadCredentials(io, flags, baseUrl);
  const encryption = loadKeys(io, flags);
  if (!encryption && flags['crypto-key-id'] !== undefined)
    throw new UsageError('--crypto-key-id needs --server-public-key and --client-private-key');

  let client: ReturnType<typeof createKonaplateClient>;
  try {
    client = createKonaplateClient({
      baseUrl: baseUrl.replace(/\/+$/, ''),
      aspId: credentials.aspId,
      accessKey: credentials.accessKey,
      secretKey: credentials.secretKey,
      timeZone: credentials.timeZone,
      ...(encryption ? { encryption } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
    });
  } catch (error) {
    if (error instanceof KonaplateConfigError)
      throw new UsageError(`${configSources[error.field] ?? error.field}: ${error.message}`);
    throw error;
  }
  warnAll(io, credentials);
  const { data, error } = await client.call(operation.operationId, body as never);
  if (error === undefined) {
    io.out(`${JSON.stringify(flags.reveal ? data : redact(data), null, 2)}\n`);
    return 0;
  }
  if (error instanceof KonaplateError) {
    const envelope = { response: { code: error.code, message: error.message, description: error.description } };
    io.out(`${maskCardNumbers(JSON.stringify(envelope, null, 2))}\n`);
    throw new Failure(
      `${error.code} ${maskCardNumbers(error.message)} (HTTP ${error.status}${error.correlationId ? `, ${header.correlationId} ${error.correlationId}` : ''})`,
    );
  }
  if (error instanceof KonaplateValidationError) throw new UsageError(validationLine(error));
  if (error instanceof KonaplateConfigError)
    throw new UsageError(`${configSources[error.field] ?? error.field}: ${error.message}`);
  if (error instanceof KonaplateContractError)
    throw new Failure(`the answer breaks the contract: ${error.field} (rule: ${error.rule}); HTTP ${error.status}`);
  if (error instanceof KonaplateTransportError || error instanceof KonaplateResponseError)
    throw new Failure(maskCardNumbers(error.message));
  throw new Failure(`${operation.operationId}: ${(error as Error).message}`);
}

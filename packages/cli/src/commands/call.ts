// konaplate call: signs (and encrypts), sends through the client, prints the answer. With --no-validate
// the body goes byte for byte: through the client with its request check off when it would send those
// bytes, else through the CLI's own signing path (the client re-serializes what it sends).
import { parseArgs } from 'node:util';
import {
  checkResponse,
  createKonaplateClient,
  defaultMaxResponseBytes,
  KonaplateConfigError,
  KonaplateContractError,
  KonaplateError,
  KonaplateResponseError,
  KonaplateTransportError,
  KonaplateValidationError,
  readBody,
  redact,
  TooLarge,
  validateRequest,
} from '../client.ts';
import { envelope as envelopeField, header, type Operation, operations, servers, successCode } from '../contract.ts';
import { env, loadCredentials, loadKeys, warnAll } from '../credentials.ts';
import { Failure, type Io, maskCardNumbers, UsageError } from '../io.ts';
import { decryptJwe, jweOf } from '../jwe.ts';
import { headerFlags, joinUrl, parseBody, requireOperation, validationLine, withHeaders } from './shared.ts';
import { bodyFlag, jsonHeaders, signingOptions, signRequest } from './sign.ts';

export const callHelp = `konaplate call: sign and send one call, print the JSON answer

Usage:
  konaplate call <operationId> --base-url <url> --body '<json>'

Operations:
${operations.map((o) => `  ${o.operationId.padEnd(28)} ${o.method.toUpperCase()} ${o.path}  ${o.summary}`).join('\n')}

Options:
  --base-url <url>             where to send (or KONAPLATE_BASE_URL): the local mock
                               http://127.0.0.1:4010, or ${servers()[0] ?? 'the sandbox'}
  --body <json> | --body-file <file>   the plaintext request body, checked against the spec first
                               (--body-file - reads standard input)
  -H, --header 'Name: value'   one more header (repeatable), e.g. -H 'Prefer: example=card-not-found' for
                               the mock; a header the command computes (${header.correlationId}, any
                               X-KM-* header, Content-Type) is replaced by yours, after signing
  --no-validate                send the body as given, byte for byte, even one the spec refuses or not JSON
                               at all, to see the server's own refusal: through the client with its check
                               off when it would send the same bytes, else signed and sent once by the CLI
                               (then --server-public-key alone encrypts it, --client-private-key reads the answer)
  --retries <n>                retry up to n times on no answer, 408, 429 or 5xx, for the operations the
                               spec marks idempotent (default 0: one attempt, as sent)
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
      ...signingOptions,
      'base-url': { type: 'string' },
      'timeout-ms': { type: 'string' },
      retries: { type: 'string' },
      reveal: { type: 'boolean', default: false },
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
  const given = headerFlags(flags.header);
  let timeoutMs: number | undefined;
  if (flags['timeout-ms'] !== undefined) {
    timeoutMs = Number(flags['timeout-ms']);
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1)
      throw new UsageError('--timeout-ms must be a positive whole number of milliseconds');
  }
  const retries = flags.retries === undefined ? 0 : Number(flags.retries);
  if (!/^\d+$/.test(flags.retries ?? '0') || retries > 10)
    throw new UsageError('--retries must be a whole number from 0 to 10');
  const text = await bodyFlag(flags, io);
  const reveal = flags.reveal;
  const noValidate = flags['no-validate'];
  let body: unknown;
  if (noValidate) {
    // The body goes byte for byte: through the client (its request check off) when it would send those
    // very bytes, else by the CLI itself (not JSON, or spelled otherwise than the client re-serializes it,
    // or encrypted with the server's key alone, when no answer could be decrypted by the client).
    let exact = false;
    try {
      body = JSON.parse(text);
      exact = JSON.stringify(body) === text;
    } catch {
      exact = false;
    }
    const keys = loadKeys(io, flags, 'optional');
    if (!exact || (keys && keys.clientPrivateKey === undefined)) {
      if (retries > 0)
        throw new UsageError(
          '--retries needs the client, and this body goes as given by the CLI itself, once (not compact JSON, or encrypted with --server-public-key alone)',
        );
      return sendAsGiven(io, { ...flags, reveal, timeoutMs, given }, operation, baseUrl, text);
    }
  } else {
    body = parseBody(text);
    try {
      validateRequest(operation.operationId, body);
    } catch (error) {
      if (error instanceof KonaplateValidationError) throw new UsageError(validationLine(error));
      throw error;
    }
  }
  const credentials = loadCredentials(io, flags, baseUrl);
  const encryption = loadKeys(io, flags, 'required');
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
      retry: retries > 0 ? { retries } : false,
      validateRequest: !noValidate,
      // QA's view: a success payload is held to the spec whole, not tolerated.
      validateResponse: 'strict',
      ...(encryption ? { encryption } : {}),
      timeoutMs: timeoutMs ?? 10_000,
      // Every attempt its full timeout, and the longest backoff between them.
      deadlineMs: (timeoutMs ?? 10_000) * (retries + 1) + 5_000 * retries,
      // -H headers go on last, after signing, so one of them may replace a header the client computed.
      ...(given.length > 0
        ? {
            fetch: async (request: Request) =>
              fetch(request.url, {
                method: request.method,
                headers: withHeaders(Object.fromEntries(request.headers), given),
                body: await request.text(),
                signal: request.signal,
              }),
          }
        : {}),
    });
  } catch (error) {
    if (error instanceof KonaplateConfigError) throw new UsageError(configLine(error));
    throw error;
  }
  warnAll(io, credentials);
  const { data, error } = await client.call(operation.operationId, body as never);
  if (error === undefined) {
    io.out(`${JSON.stringify(reveal ? data : redact(data), null, 2)}\n`);
    return 0;
  }
  if (error instanceof KonaplateError) {
    const envelope = { response: { code: error.code, message: error.message, description: error.description } };
    io.out(`${maskCardNumbers(JSON.stringify(envelope, null, 2))}\n`);
    throw new Failure(codeLine(error.code, error.message, error.status, error.correlationId));
  }
  if (error instanceof KonaplateValidationError) throw new UsageError(validationLine(error));
  if (error instanceof KonaplateConfigError) throw new UsageError(configLine(error));
  if (error instanceof KonaplateContractError)
    throw new Failure(`the answer breaks the contract: ${error.field} (rule: ${error.rule}); HTTP ${error.status}`);
  if (error instanceof KonaplateTransportError || error instanceof KonaplateResponseError)
    throw new Failure(maskCardNumbers(error.message));
  throw new Failure(`${operation.operationId}: ${(error as Error).message}`);
}

/** A client configuration refused, named by the flag or variable the CLI user gave it with. */
function configLine(error: KonaplateConfigError): string {
  // The client's own remedy names a configuration field no CLI user sets.
  if (error.field === 'baseUrl' && /https:\/\//.test(error.message))
    return '--base-url must be https:// for a host other than this machine (the client sends signed calls over plain http only to loopback)';
  return `${configSources[error.field] ?? error.field}: ${error.message}`;
}

/** The line for an answer with a code other than success: code, message, status and correlation id. */
function codeLine(code: string, message: string, status: number, correlationId: string | undefined): string {
  return `${code} ${maskCardNumbers(message)} (HTTP ${status}${correlationId ? `, ${header.correlationId} ${correlationId}` : ''})`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * --no-validate, for a body the client would not send byte for byte: the body text signed (encrypted first, with the server's key) and sent as given, once,
 * by the CLI itself; the answer read as the client reads it: bounded, decrypted with the client key
 * when given, the success payload checked against the spec, printed masked unless --reveal.
 */
async function sendAsGiven(
  io: Io,
  flags: Parameters<typeof signRequest>[1] & {
    reveal: boolean;
    timeoutMs: number | undefined;
    given: Array<[string, string]>;
  },
  operation: Operation,
  baseUrl: string,
  text: string,
): Promise<number> {
  const signed = await signRequest(io, flags, operation, text, baseUrl);
  const clientKey = loadKeys(io, flags, 'optional')?.clientPrivateKey;
  warnAll(io, signed.credentials);
  const id = operation.operationId;
  let response: Response;
  try {
    response = await fetch(`${baseUrl.replace(/\/+$/, '')}${operation.path}`, {
      method: operation.method.toUpperCase(),
      headers: withHeaders({ ...jsonHeaders, ...signed.headers }, flags.given),
      body: signed.bodyText,
      signal: AbortSignal.timeout(flags.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const why =
      (error as Error).name === 'TimeoutError'
        ? `timed out after ${flags.timeoutMs ?? 10_000} ms`
        : ((error as { cause?: { code?: string } }).cause?.code ?? 'network error');
    throw new Failure(`${id}: no answer (${why})`);
  }
  const status = response.status;
  const correlationId = response.headers.get(header.correlationId) ?? undefined;
  const raw = await readBody(response, defaultMaxResponseBytes);
  if (raw instanceof TooLarge)
    throw new Failure(`${id}: the answer is larger than ${raw.limit} bytes (HTTP ${status}; not read further)`);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new Failure(`${id}: the answer is not JSON (HTTP ${status}, ${raw.length} bytes)`);
  }
  if (isObject(body) && envelopeField in body && !('response' in body)) {
    const jwe = jweOf(raw);
    if (!clientKey || !jwe) {
      io.out(`${raw.trim()}\n`);
      io.err(
        `konaplate call: warning: the answer is encrypted (HTTP ${status}); give --client-private-key to read it\n`,
      );
      return status === 200 ? 0 : 1;
    }
    const plaintext = await decryptJwe(jwe, clientKey, 'client-private-key');
    try {
      body = JSON.parse(plaintext);
    } catch {
      throw new Failure(`${id}: the decrypted answer is not JSON (HTTP ${status})`);
    }
  }
  const result = isObject(body) && isObject(body.response) ? body.response : undefined;
  const code = typeof result?.code === 'string' ? result.code : undefined;
  if (code === successCode) {
    const [problem] = checkResponse(id, body);
    if (problem)
      throw new Failure(`the answer breaks the contract: ${problem.field} (rule: ${problem.rule}); HTTP ${status}`);
    io.out(`${JSON.stringify(flags.reveal ? body : redact(body), null, 2)}\n`);
    return 0;
  }
  // An error body is the server's text: card numbers in it are masked, --reveal or not.
  io.out(`${maskCardNumbers(JSON.stringify(redact(body), null, 2))}\n`);
  if (code === undefined) throw new Failure(`${id}: the answer has no response.code (HTTP ${status})`);
  throw new Failure(codeLine(code, String(result?.message ?? ''), status, correlationId));
}

// Sends each case and checks its answer. Requests are signed by the client
// (signHeaders over the exact bytes sent) and changed only after signing, as
// the case says; the encrypted scenario goes through the client whole.

import { brokenKeywords } from '@konaplate-contract/contract';
import {
  createKonaplateClient,
  defaultMaxResponseBytes,
  type EncryptionKeys,
  KonaplateError,
  readBody,
  type SigningCredentials,
  signHeaders,
  TooLarge,
} from '../client.ts';
import { type Guess, header, headerField, isSensitive } from '../contract.ts';
import { type Case, staleSeconds, tamper } from './cases.ts';
import { type Answer, checkAnswer, type Finding, type Sent } from './checks.ts';

export interface RunOptions {
  baseUrl: string;
  credentials: SigningCredentials & { secretKey: string; timeZone: string };
  keys?: EncryptionKeys;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  timeoutMs?: number;
  /** Checks of the answer not applied (--skip). */
  skipChecks?: ReadonlySet<string>;
}

export interface Outcome {
  case: Case;
  result: 'pass' | 'fail' | 'skip';
  failures: Finding[];
  warnings: Finding[];
  status?: number;
  code?: string;
  /** The field the answer's message names, if any. */
  named?: string;
  ms: number;
  conflicts: Guess[];
}

/** Header list in the order signed, with the case's changes applied (undefined removes). */
function applyHeaders(signed: Record<string, string>, changes: Record<string, string | undefined> = {}) {
  const merged: Record<string, string | undefined> = { ...signed };
  for (const [name, value] of Object.entries(changes)) merged[name] = value;
  return Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined);
}

function sentFacts(c: Case, headers: Array<[string, string]>, credentials: RunOptions['credentials']): Sent {
  const correlationId = headers.find(([n]) => n === header.correlationId)?.[1];
  const schema = headerField(header.correlationId)?.schema ?? {};
  const token = headers.find(([n]) => n === header.tranToken)?.[1] ?? '';
  const secrets = [
    { label: 'secret key', value: credentials.secretKey },
    { label: 'access key', value: credentials.accessKey },
    { label: 'tran token', value: token.split(':').at(-1) ?? '' },
  ].filter((s) => s.value.length >= 8);
  const body = 'json' in c.body ? c.body.json : 'encrypt' in c.body ? c.body.encrypt : undefined;
  const cardData =
    body && typeof body === 'object' && !Array.isArray(body)
      ? c.operation.body
          .filter(isSensitive)
          .map((f) => ({ label: f.name, value: (body as Record<string, unknown>)[f.name] }))
          .filter((f): f is { label: string; value: string } => typeof f.value === 'string' && f.value.length >= 8)
      : [];
  return {
    correlationId,
    correlationIdValid: correlationId !== undefined && brokenKeywords(schema, correlationId).length === 0,
    secrets,
    cardData,
  };
}

const tooLarge = `the answer is larger than ${defaultMaxResponseBytes} bytes (not read further)`;

/** An answer's text, read no further than the client would read it (a server may stream without end). */
async function answerText(response: Response): Promise<string> {
  const text = await readBody(response, defaultMaxResponseBytes);
  if (text instanceof TooLarge) throw new Error(tooLarge);
  return text;
}

async function sendRaw(c: Case, options: RunOptions): Promise<{ answer: Answer; sent: Sent }> {
  const text =
    'raw' in c.body
      ? c.body.raw
      : JSON.stringify('envelope' in c.body ? c.body.envelope : 'json' in c.body ? c.body.json : null);
  const credentials = {
    ...options.credentials,
    ...(c.signing === 'wrong-secret' ? { secretKey: `${options.credentials.secretKey}-not-the-secret` } : {}),
    ...(c.signing === 'stale' ? { now: () => Date.now() - (staleSeconds ?? 0) * 1000 } : {}),
    ...(c.headers?.[header.cryptoKeyId] ? { cryptoKeyId: c.headers[header.cryptoKeyId] } : {}),
  };
  const signed = await signHeaders(credentials, text);
  const headers = applyHeaders(signed, c.headers);
  const body =
    c.signing === 'tampered' ? tamper(text) : c.signing === 'reserialized' ? text.replace(/^\{/, '{ ') : text;
  const response = await fetch(`${options.baseUrl}${c.operation.path}`, {
    method: c.operation.method.toUpperCase(),
    headers: [['Content-Type', c.contentType ?? 'application/json'], ['Accept', 'application/json'], ...headers],
    body,
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const answer = { status: response.status, headers: response.headers, text: await answerText(response) };
  return { answer, sent: sentFacts(c, headers, options.credentials) };
}

/** The encrypted scenario with real keys: through the client, which encrypts, signs and decrypts. */
async function sendEncrypted(c: Case, options: RunOptions): Promise<{ answer: Answer; sent: Sent }> {
  let request: Request | undefined;
  let raw: Answer | undefined;
  let oversized = false;
  const client = createKonaplateClient({
    baseUrl: options.baseUrl,
    aspId: options.credentials.aspId,
    accessKey: options.credentials.accessKey,
    secretKey: options.credentials.secretKey,
    timeZone: options.credentials.timeZone as 'KST',
    encryption: options.keys as EncryptionKeys,
    retry: false,
    // The runner checks the payload itself, so a bad one is reported with the rest, not as a thrown error.
    validateResponse: 'off',
    timeoutMs: options.timeoutMs ?? 10_000,
    deadlineMs: options.timeoutMs ?? 10_000,
    // The answer is read once, bounded, and handed to the client as a fresh response of that text.
    fetch: async (req) => {
      request = req;
      const response = await fetch(req);
      const text = await readBody(response, defaultMaxResponseBytes);
      if (text instanceof TooLarge) {
        oversized = true;
        throw new Error(tooLarge);
      }
      raw = { status: response.status, headers: response.headers, text };
      return new Response(text === '' ? null : text, { status: response.status, headers: response.headers });
    },
  });
  const { data, error } = await client.call(c.operation.operationId, (c.body as { encrypt: never }).encrypt);
  if (oversized) throw new Error(tooLarge);
  if (!raw || !request || (error !== undefined && !(error instanceof KonaplateError)))
    throw new Error(
      `the client could not complete the encrypted call: ${(error as Error | undefined)?.message ?? 'no answer'}`,
    );
  const headers = [...request.headers].map(([n, v]) => [headerField(n)?.name ?? n, v] as [string, string]);
  let decrypted: unknown;
  if (data !== undefined) decrypted = data;
  else if (error instanceof KonaplateError)
    decrypted = { response: { code: error.code, message: error.message, description: error.description } };
  return {
    answer: { ...(raw as Answer), ...(decrypted === undefined ? {} : { decrypted }) },
    sent: sentFacts(c, headers, options.credentials),
  };
}

async function runCase(c: Case, options: RunOptions): Promise<Outcome> {
  const started = performance.now();
  const base = { case: c, ms: 0, conflicts: [] as Guess[], failures: [] as Finding[], warnings: [] as Finding[] };
  if (c.skip) return { ...base, result: 'skip', warnings: [{ check: 'skipped', message: c.skip }] };
  try {
    const { answer, sent } = 'encrypt' in c.body ? await sendEncrypted(c, options) : await sendRaw(c, options);
    const verdict = checkAnswer(c, answer, sent, options.skipChecks);
    return {
      ...base,
      result: verdict.failures.length > 0 ? 'fail' : 'pass',
      failures: verdict.failures,
      warnings: verdict.warnings,
      status: answer.status,
      ...(verdict.code ? { code: verdict.code } : {}),
      ...(verdict.named ? { named: verdict.named } : {}),
      conflicts: verdict.conflicts,
      ms: performance.now() - started,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const message =
      (error as Error).name === 'TimeoutError'
        ? 'no answer (timed out)'
        : cause
          ? `no answer (${cause})`
          : (error as Error).message;
    return {
      ...base,
      result: 'fail',
      failures: [{ check: 'answer', message }],
      ms: performance.now() - started,
    };
  }
}

/** Runs every case, a few at a time; outcomes in the cases' order. */
export async function runCases(cases: Case[], options: RunOptions): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next;
      next += 1;
      outcomes[index] = await runCase(cases[index] as Case, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, cases.length) }, worker));
  return outcomes;
}

// One transport attempt: encrypt (when configured), sign the exact text, send
// once, read the body (bounded); the timeout covers it all. What came back is
// judged elsewhere (judge.ts); retries are retry.ts's.
import { type ClientSettings, headerOf } from './config.ts';
import { type OperationId, operations } from './contract.ts';
import type { Encryptor } from './encryption.ts';
import { KonaplateClientError } from './errors.ts';
import { failureOf } from './judge.ts';
import type { Outcome } from './retry.ts';
import { createSigner } from './signing.ts';
import { readBody, send, type TooLarge } from './transport.ts';

/** What one attempt sends, and whom it tells. */
export interface AttemptInput {
  operationId: OperationId;
  plaintext: string;
  /** The caller's signal: aborts the attempt (a `TimeoutError` reason is a timeout, any other an abort). */
  signal?: AbortSignal;
  /** The caller's extra headers, without the ones the client signs. */
  headers?: Record<string, string>;
  /** This attempt's time limit (the per-attempt timeout, or what is left of the deadline). */
  timeoutMs: number;
  /** X-KM-Correlation-Id to send (the caller's, on the first attempt); a fresh one otherwise. */
  correlationId?: string;
  /** Told once the attempt is signed, just before it is sent. */
  sending: (correlationId: string, method: string, url: string) => void;
}

/** One attempt of a call: its answer and body text, or why there was none. A client error (a bad key) is thrown. */
export type Attempt = (input: AttemptInput) => Promise<Outcome<string | TooLarge>>;

const correlationHeader = headerOf('correlationId');

/** Why the caller's signal ended the call: `AbortSignal.timeout()` is a timeout, anything else an abort. */
const callerFailure = (signal: AbortSignal, error: unknown): Outcome<never> => ({
  failure: (signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError' ? 'timeout' : 'aborted',
  error,
  retryable: false,
});

/** How finely attempts' time limits are shared: an attempt is timed out at most this much late. */
const grain = 50;
/** Timeout signals by the time they fall due (rounded up to the grain), each aborted then. */
const due = new Map<number, AbortSignal>();

/**
 * A signal aborted once `ms` have passed. Attempts that fall due within the same
 * 50 ms share one: creating an AbortController costs an attempt more CPU than all of its own work does
 * (Node 20), and an abort after an attempt has ended changes nothing. Its timer does not keep a process
 * alive.
 */
function timeoutSignal(ms: number): AbortSignal {
  const at = Math.ceil((performance.now() + ms) / grain) * grain;
  let signal = due.get(at);
  if (!signal) {
    const controller = new AbortController();
    signal = controller.signal;
    due.set(at, signal);
    const timer = setTimeout(() => {
      due.delete(at);
      controller.abort();
    }, at - performance.now());
    (timer as { unref?: () => void }).unref?.();
  }
  return signal;
}

/** The attempts of one client; `encryptor` is given when encryption is configured, and loads it on first use. */
export function createAttempt(settings: ClientSettings, encryptor?: () => Promise<Encryptor>): Attempt {
  const signer = createSigner(settings);
  const keyId = settings.encryption?.keyId;
  return async ({ operationId, plaintext, signal, headers: extra, timeoutMs, correlationId, sending }) => {
    if (signal?.aborted) return callerFailure(signal, signal.reason);
    // The time limit's signal, and the caller's if any: then the attempt has a controller of its own.
    const limit = timeoutSignal(timeoutMs);
    let controller: AbortController | undefined;
    const onAbort = (event: Event) => controller?.abort((event.target as AbortSignal).reason);
    if (signal) {
      controller = new AbortController();
      signal.addEventListener('abort', onAbort);
      limit.addEventListener('abort', onAbort);
    }
    try {
      const text = encryptor ? await (await encryptor()).encrypt(plaintext) : plaintext;
      const signed = signer(text, keyId, correlationId);
      const headers = signed instanceof Promise ? await signed : signed;
      headers['Content-Type'] = 'application/json';
      const op = operations[operationId];
      const method = op.method.toUpperCase();
      const url = settings.baseUrl + op.path;
      sending(headers[correlationHeader] as string, method, url);
      const response = await send(
        method,
        {
          url,
          headers: extra ? { ...extra, ...headers } : headers,
          body: text,
          signal: controller ? controller.signal : limit,
        },
        settings.fetch,
      );
      return { response, value: await readBody(response, settings.maxResponseBytes) };
    } catch (error) {
      if (error instanceof KonaplateClientError) throw error;
      if (signal?.aborted) return callerFailure(signal, error);
      if (limit.aborted) return { failure: 'timeout', error, retryable: true };
      return { error, ...failureOf(error) };
    } finally {
      signal?.removeEventListener('abort', onAbort);
      limit.removeEventListener('abort', onAbort);
    }
  };
}

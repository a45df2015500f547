// One transport attempt: encrypt (when configured), sign the exact text, send
// once, read the body (bounded); the timeout covers it all. What came back is
// judged elsewhere (judge.ts); retries are retry.ts's.
import type { ClientSettings } from './config.ts';
import { type OperationId, operations } from './contract.ts';
import type { Encryptor } from './encryption.ts';
import { KonaplateClientError, KonaplateTransportError } from './errors.ts';
import type { Outcome } from './retry.ts';
import { createSigner } from './signing.ts';
import { readBody, send, type TooLarge } from './transport.ts';

/** Per call: a caller's abort signal, and extra headers (such as the mock's `Prefer`; the signed headers win). */
export interface CallOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** One attempt of a call: its answer and body text, a network failure or timeout, or a thrown client error (abort, bad key). */
export type Attempt = (
  operationId: OperationId,
  plaintext: string,
  init: CallOptions,
) => Promise<Outcome<string | TooLarge>>;

/** The attempts of one client; `encryptor` is given when encryption is configured, and loads it on first use. */
export function createAttempt(settings: ClientSettings, encryptor?: () => Promise<Encryptor>): Attempt {
  const signer = createSigner(settings);
  return async (operationId, plaintext, init) => {
    const { signal } = init;
    if (signal?.aborted)
      throw new KonaplateTransportError('aborted', `${operationId}: aborted by the caller`, operationId);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, settings.timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort);
    try {
      const text = encryptor ? await (await encryptor()).encrypt(plaintext) : plaintext;
      const signed = signer(text, settings.encryption?.keyId);
      const headers = signed instanceof Promise ? await signed : signed;
      headers['Content-Type'] = 'application/json';
      const op = operations[operationId];
      const response = await send(
        op.method.toUpperCase(),
        {
          url: settings.baseUrl + op.path,
          headers: init.headers ? { ...init.headers, ...headers } : headers,
          body: text,
          signal: controller.signal,
        },
        settings.fetch,
      );
      return { response, value: await readBody(response, settings.maxResponseBytes) };
    } catch (error) {
      if (error instanceof KonaplateClientError) throw error;
      if (signal?.aborted)
        throw new KonaplateTransportError('aborted', `${operationId}: aborted by the caller`, operationId);
      return { failure: timedOut ? 'timeout' : 'network', error };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  };
}

import type { TransportReason } from './errors.ts';

export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  retries?: number;
  /** First backoff, doubled each retry, with full jitter (default 200 ms). */
  baseDelayMs?: number;
  /** Longest wait between attempts, Retry-After included (default 5,000 ms). */
  maxDelayMs?: number;
}

/** The retry policy the client uses unless told otherwise. */
export const defaultRetry: Required<RetryOptions> = { retries: 2, baseDelayMs: 200, maxDelayMs: 5000 };

/** What one attempt ended with: an HTTP answer (judged into `value`), or a failure before one. */
export type Outcome<T> =
  | { response: Response; value: T }
  | { failure: TransportReason; error: unknown; retryable: boolean; code?: string };

const retryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), or undefined. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface RetryControl {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Milliseconds left of the call's deadline: no retry whose wait would pass it. */
  left?: () => number;
  /** Told before each wait: the attempt that is retried, its outcome, the wait. */
  onRetry?: (attempt: number, outcome: Outcome<unknown>, delayMs: number) => void;
}

/**
 * Runs `attempt` until it gets an answer worth returning: retries failures
 * marked retryable, 408, 429 and 5xx with exponential backoff and full
 * jitter, honouring Retry-After, at most `retries` times and never past the
 * deadline; never a 400 (a business answer). The client calls it with
 * retries only for operations the spec marks `x-idempotent: true`, where a
 * second attempt cannot do anything twice.
 */
export async function withRetry<T>(
  attempt: (n: number) => Promise<Outcome<T>>,
  options: RetryOptions & RetryControl = {},
): Promise<{ outcome: Outcome<T>; attempts: number }> {
  const retries = options.retries ?? defaultRetry.retries;
  const baseDelayMs = options.baseDelayMs ?? defaultRetry.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? defaultRetry.maxDelayMs;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  for (let attempts = 1; ; attempts += 1) {
    const outcome = await attempt(attempts);
    const retryable = 'failure' in outcome ? outcome.retryable : retryableStatus(outcome.response.status);
    if (!retryable || attempts > retries) return { outcome, attempts };
    const asked =
      'response' in outcome
        ? retryAfterMs(outcome.response.headers.get('retry-after'), options.now?.() ?? Date.now())
        : undefined;
    if (asked !== undefined && asked > maxDelayMs) return { outcome, attempts }; // the server asks for longer than we wait
    const delay = asked ?? Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1)) * random();
    if (options.left && options.left() <= delay) return { outcome, attempts };
    options.onRetry?.(attempts, outcome, delay);
    await sleep(delay);
  }
}

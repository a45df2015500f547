export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  retries?: number;
  /** First backoff, doubled each retry, with full jitter (default 200 ms). */
  baseDelayMs?: number;
  /** Longest wait between attempts, Retry-After included (default 5,000 ms). */
  maxDelayMs?: number;
}

/** What one attempt ended with: an HTTP response, or a failure before one. */
export type Outcome<T> = { response: Response; value: T } | { failure: 'network' | 'timeout'; error: unknown };

const retryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), or undefined. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Runs `attempt` until it gets an answer worth returning: retries network
 * failures, timeouts, 408, 429 and 5xx with exponential backoff and full
 * jitter, honouring Retry-After, at most `retries` times; never a 400 (a
 * business answer). The client calls it only for operations the spec marks
 * `x-idempotent: true`, where a second attempt cannot do anything twice.
 */
export async function withRetry<T>(
  attempt: () => Promise<Outcome<T>>,
  options: RetryOptions & { sleep?: (ms: number) => Promise<void>; random?: () => number; now?: () => number } = {},
): Promise<{ outcome: Outcome<T>; attempts: number }> {
  const { retries = 2, baseDelayMs = 200, maxDelayMs = 5000 } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  for (let attempts = 1; ; attempts += 1) {
    const outcome = await attempt();
    const retryable = 'failure' in outcome || retryableStatus(outcome.response.status);
    if (!retryable || attempts > retries) return { outcome, attempts };
    const asked =
      'response' in outcome
        ? retryAfterMs(outcome.response.headers.get('retry-after'), options.now?.() ?? Date.now())
        : undefined;
    if (asked !== undefined && asked > maxDelayMs) return { outcome, attempts }; // the server asks for longer than we wait
    const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1)) * random();
    await sleep(asked ?? backoff);
  }
}

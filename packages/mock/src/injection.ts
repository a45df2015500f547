// Latency and fault injection for QA load tests: off unless asked for, from the
// command line for every request or from a header for one request.
import { echo } from './errors.ts';

/** Longest delay the mock will add to an answer, in ms. */
export const maxLatencyMs = 60_000;

/** A latency distribution in milliseconds. */
export type Latency =
  | { kind: 'fixed'; ms: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'lognormal'; p50: number; p99: number };

/** What an injected fault does: answer 503 in the platform envelope, drop the connection, or either at random. */
export type FaultMode = '503' | 'drop' | 'mixed';
export const faultModes: readonly FaultMode[] = ['503', 'drop', 'mixed'];

/** A fault for one request, as the per-request header names it (`none`: no fault, whatever the rate). */
export type RequestFault = '503' | 'drop' | 'none';
const requestFaults: readonly RequestFault[] = ['503', 'drop', 'none'];

export interface InjectionOptions {
  /** Delay before every answer; absent: none. */
  latency?: Latency;
  /** Share of requests (0 to 1) that get a fault; 0 by default. */
  faultRate?: number;
  /** What a fault does; '503' by default. */
  faultMode?: FaultMode;
  /** Random numbers in [0, 1); Math.random by default (tests pass their own). */
  random?: () => number;
}

export const latencyHeader = 'x-konaplate-mock-latency';
export const faultHeader = 'x-konaplate-mock-fault';

/** The grammar of `--latency` and of `X-Konaplate-Mock-Latency`, for messages and help. */
export const latencyGrammar = '<ms>, <min>-<max> (uniform) or p50=<ms>,p99=<ms> (log-normal)';

const wholeMs = (text: string) => (/^\d{1,5}$/.test(text) ? Number(text) : Number.NaN);

/** Parses `50`, `20-200` or `p50=40,p99=300`; a message naming the rule when it cannot. */
export function parseLatency(text: string): Latency | { error: string } {
  const value = text.trim();
  const bad = (why: string) => ({ error: `"${echo(text)}" is not a latency: ${why} (use ${latencyGrammar})` });
  const inRange = (...ms: number[]) => ms.every((n) => Number.isInteger(n) && n >= 0 && n <= maxLatencyMs);
  let match = /^(\d+)$/.exec(value);
  if (match) {
    const ms = wholeMs(match[1] ?? '');
    return inRange(ms) ? { kind: 'fixed', ms } : bad(`at most ${maxLatencyMs} ms`);
  }
  match = /^(\d+)\s*-\s*(\d+)$/.exec(value);
  if (match) {
    const [min, max] = [wholeMs(match[1] ?? ''), wholeMs(match[2] ?? '')];
    if (!inRange(min, max)) return bad(`each bound at most ${maxLatencyMs} ms`);
    if (min > max) return bad('the lower bound is above the upper one');
    return min === max ? { kind: 'fixed', ms: min } : { kind: 'uniform', min, max };
  }
  if (/^p\d/i.test(value)) {
    const parts = Object.fromEntries(
      value.split(',').map((part) => {
        const [name = '', ms = ''] = part.split('=').map((s) => s.trim().toLowerCase());
        return [name, wholeMs(ms)];
      }),
    );
    const names = Object.keys(parts).sort().join(',');
    if (names !== 'p50,p99') return bad('give exactly p50 and p99');
    const { p50 = Number.NaN, p99 = Number.NaN } = parts;
    if (!inRange(p50, p99)) return bad(`whole milliseconds, at most ${maxLatencyMs}`);
    if (p50 < 1) return bad('p50 must be at least 1 ms');
    if (p99 < p50) return bad('p99 is below p50');
    return p50 === p99 ? { kind: 'fixed', ms: p50 } : { kind: 'lognormal', p50, p99 };
  }
  return bad('unknown form');
}

/** The 99th percentile of the standard normal distribution. */
const z99 = 2.326_347_874_040_841;

/** One delay from the distribution, in whole ms, never above maxLatencyMs. */
export function sampleLatency(latency: Latency, random: () => number = Math.random): number {
  switch (latency.kind) {
    case 'fixed':
      return latency.ms;
    case 'uniform':
      return latency.min + Math.floor(random() * (latency.max - latency.min + 1));
    case 'lognormal': {
      // Log-normal through the two percentiles: median p50, and p99 at z = 2.326.
      const mu = Math.log(latency.p50);
      const sigma = Math.log(latency.p99 / latency.p50) / z99;
      const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      return Math.min(maxLatencyMs, Math.round(Math.exp(mu + sigma * z)));
    }
  }
}

export function describeLatency(latency: Latency | undefined): string {
  if (!latency || (latency.kind === 'fixed' && latency.ms === 0)) return 'latency off';
  switch (latency.kind) {
    case 'fixed':
      return `latency ${latency.ms} ms`;
    case 'uniform':
      return `latency ${latency.min}-${latency.max} ms (uniform)`;
    case 'lognormal':
      return `latency p50 ${latency.p50} ms, p99 ${latency.p99} ms (log-normal)`;
  }
}

export function describeFaults(rate = 0, mode: FaultMode = '503'): string {
  if (rate === 0) return 'faults off';
  const what = { '503': '503 answers', drop: 'dropped connections', mixed: '503 answers or dropped connections' }[mode];
  return `faults ${Number((rate * 100).toFixed(2))}% (${what})`;
}

export function parseRequestFault(text: string): RequestFault | { error: string } {
  const value = text.trim().toLowerCase() as RequestFault;
  return requestFaults.includes(value)
    ? value
    : { error: `"${echo(text)}" is not a fault: use ${requestFaults.join(', ')}` };
}

/** The fault a request gets under the configured rate and mode (before any per-request header). */
export function drawFault(options: InjectionOptions): RequestFault {
  const rate = options.faultRate ?? 0;
  if (rate <= 0) return 'none';
  const random = options.random ?? Math.random;
  if (random() >= rate) return 'none';
  const mode = options.faultMode ?? '503';
  if (mode !== 'mixed') return mode;
  return random() < 0.5 ? '503' : 'drop';
}

// The request journal: the most recent requests a server answered, for QA to inspect
// (`GET /__konaplate/requests`). Each process keeps its own last `bound` entries in a ring; a cluster's
// primary merges the workers' rings on request. The newest `bound` entries overall are always among each
// worker's newest `bound`, so the merge is exact. Bodies are redacted before they are kept: no entry ever
// holds a full card number or a secret.
import { maskCardNumbers, maskLast4 } from '@konaplate-contract/contract/protocol';

/** How many entries a process keeps (and the most a query returns): older ones are dropped as new ones come. */
export const journalBound = 1000;

/** One answered request, as QA reads it. */
export interface JournalEntry {
  /** When the answer went out (ISO 8601, UTC, milliseconds). */
  time: string;
  method: string;
  /** The path and query as requested. */
  path: string;
  /** The operation it was routed to; null for a path or method the contract does not have. */
  operationId: string | null;
  /** The answer's X-KM-Correlation-Id: the request's when it has the contract's form. */
  correlationId: string | null;
  /** What the request sent as its correlation id, when that is not the answer's (missing or malformed). */
  requestCorrelationId?: string | null;
  /** The example served, or what kind of refusal or fault (as in the log). */
  scenario: string;
  /** HTTP status; null for a dropped connection (injected fault). */
  status: number | null;
  /** The result code of the answer (`response.code`). */
  code: string | null;
  /** Why the request was refused (X-Konaplate-Mock-Reason). */
  reason: string | null;
  /** Strict signing's verdict: `valid`, `invalid`, or null when not checked (strict signing off, or refused first). */
  signature: 'valid' | 'invalid' | null;
  /** Time from the request's arrival to its answer, injected latency included (ms, 0.1 ms precision). */
  latencyMs: number;
  /** The request body, sensitive fields redacted (last four only, or `[redacted]`); null when there was none. */
  body: unknown;
  /** The process that answered (pid): in a cluster, which worker. */
  worker: number;
}

/** What a query asks for: at most `limit` entries, newest first, optionally those of one correlation id. */
export interface JournalQuery {
  limit: number;
  correlationId?: string;
}

/** An entry as kept: `at` is the answer's time in ms (sub-ms precision), for the merge of workers' rings. */
export type KeptEntry = Omit<JournalEntry, 'time'> & { at: number };

/** The last `bound` entries of this process, in a ring. */
export class Journal {
  private readonly ring: Array<KeptEntry | undefined>;
  private next = 0;
  private size = 0;

  constructor(readonly bound: number = journalBound) {
    this.ring = new Array(bound);
  }

  record(entry: KeptEntry): void {
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.bound;
    if (this.size < this.bound) this.size += 1;
  }

  /** The entries that match, newest first, at most `limit`. */
  query(query: JournalQuery): KeptEntry[] {
    const found: KeptEntry[] = [];
    for (let i = 1; i <= this.size && found.length < query.limit; i += 1) {
      const entry = this.ring[(this.next - i + this.bound) % this.bound] as KeptEntry;
      if (query.correlationId === undefined || matches(entry, query.correlationId)) found.push(entry);
    }
    return found;
  }

  /** Empties the ring; the number of entries dropped. */
  clear(): number {
    const dropped = this.size;
    this.ring.fill(undefined);
    this.next = 0;
    this.size = 0;
    return dropped;
  }
}

const matches = (entry: KeptEntry, id: string) => entry.correlationId === id || entry.requestCorrelationId === id;

/** Several processes' answers to one query merged: newest first, at most the limit. */
export function mergeEntries(lists: KeptEntry[][], limit: number): KeptEntry[] {
  return lists
    .flat()
    .sort((a, b) => b.at - a.at)
    .slice(0, limit);
}

/** Entries as the endpoint shows them: the time in ISO 8601. */
export function shown(entries: KeptEntry[]): JournalEntry[] {
  return entries.map(({ at, ...rest }) => ({ time: new Date(at).toISOString(), ...rest }));
}

/** A query string's journal query, or the one line saying what is wrong with it. */
export function readJournalQuery(search: string | undefined, bound: number): JournalQuery | { error: string } {
  const params = new URLSearchParams(search ?? '');
  const query: JournalQuery = { limit: bound };
  const limit = params.get('limit');
  if (limit !== null) {
    const value = Number(limit);
    if (!/^\d+$/.test(limit) || value < 1 || value > bound)
      return { error: `limit must be a whole number from 1 to ${bound}, got "${limit.slice(0, 20)}"` };
    query.limit = value;
  }
  const id = params.get('correlationId');
  if (id !== null) {
    if (id.length === 0 || id.length > 64) return { error: 'correlationId must be 1 to 64 characters' };
    query.correlationId = id;
  }
  return query;
}

/** How each sensitive field may be shown: the contract's sensitiveFields. */
export type Sensitive = Readonly<Record<string, 'last4' | 'hidden'>>;

/**
 * A copy of a JSON value with each field the spec marks sensitive shown as it may be (the last four of a
 * card or account number, else `[redacted]`), at any depth, and any other run of 12 to 19 digits in a
 * string masked to its last four: a card number sent in a field the contract does not know is not kept.
 */
export function redact(value: unknown, sensitive: Sensitive, depth = 0): unknown {
  if (typeof value === 'string') return /\d{12}/.test(value) ? maskCardNumbers(value) : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth > 16) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redact(item, sensitive, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    const mode = sensitive[key];
    copy[key] =
      mode === undefined
        ? redact(item, sensitive, depth + 1)
        : mode === 'last4' && typeof item === 'string' && item.length > 4
          ? maskLast4(item)
          : '[redacted]';
  }
  return copy;
}

/** A body that is not JSON, as the journal keeps it: card-number runs masked, at most 1,000 characters. */
export function redactText(text: string): string {
  const cut = text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
  return maskCardNumbers(cut.replace(/[^\x20-\x7e]/g, '?'));
}

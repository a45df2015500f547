// The mock's per-request log line: text (the default) or one JSON object per line (`--log-format json`),
// with the same fields. Card numbers only masked; secrets never (the request's headers are not logged).

export type LogFormat = 'text' | 'json';
export const logFormats: readonly LogFormat[] = ['text', 'json'];

/** One answered (or dropped) request. */
export interface LogRecord {
  /** When the answer went out, in ms since the epoch. */
  at: number;
  method: string;
  /** The path and query as requested. */
  url: string;
  /** HTTP status; null for a dropped connection. */
  status: number | null;
  scenario: string;
  /** Time from the request's arrival to its answer, in ms. */
  ms: number;
  correlationId?: string;
  operationId?: string;
  code?: string;
  /** Why the request was refused. */
  reason?: string;
  /** The request fields the spec lets a log show the last four of, masked (`cardNo=************1111`). */
  masked?: string;
}

let lastMs = Number.NaN;
let lastIso = '';

/** An instant in ISO 8601 (UTC, ms); the same millisecond's text reused (many lines share one under load). */
export function isoTime(at: number): string {
  const ms = Math.floor(at);
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

/** A text line (`<time> <method> <url> <status> <scenario> <ms>ms correlationId=… [fields] [reason="…"]`), or a JSON one. */
export function formatLog(record: LogRecord, format: LogFormat): string {
  const time = isoTime(record.at);
  if (format === 'json') {
    const fields: Record<string, unknown> = {
      time,
      method: record.method,
      path: record.url,
      status: record.status,
      scenario: record.scenario,
      ms: Math.round(record.ms * 10) / 10,
      correlationId: record.correlationId ?? null,
      operationId: record.operationId ?? null,
      code: record.code ?? null,
      reason: record.reason ?? null,
    };
    if (record.masked) fields.masked = record.masked;
    return JSON.stringify(fields);
  }
  const status = record.status === null ? 'DROP' : String(record.status);
  const correlation = record.correlationId ? ` correlationId=${record.correlationId}` : '';
  const masked = record.masked ? ` ${record.masked}` : '';
  const reason = record.reason ? ` reason=${JSON.stringify(record.reason)}` : '';
  return `${time} ${record.method} ${record.url} ${status} ${record.scenario} ${record.ms.toFixed(1)}ms${correlation}${masked}${reason}`;
}

/**
 * The most a log write holds: a pipe takes a write of up to PIPE_BUF (4,096 bytes on Linux, the least POSIX
 * allows is 512) whole, so the lines of two workers sharing stdout never interleave within a line.
 */
export const atomicWriteBytes = 4096;

/**
 * A writer that gathers the lines written in one turn of the event loop and writes them together (one
 * write instead of one per request, under load), before the loop waits for I/O again: in writes of at most
 * atomicWriteBytes, each ending at a line's end. `flush` writes what is pending now (at a stop).
 */
export function batchedLines(write: (text: string) => void): { line(text: string): void; flush(): void } {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const lines = pending;
    pending = [];
    let chunk = '';
    let bytes = 0;
    for (const line of lines) {
      const size = Buffer.byteLength(line) + 1;
      if (bytes > 0 && bytes + size > atomicWriteBytes) {
        write(chunk);
        chunk = '';
        bytes = 0;
      }
      chunk += `${line}\n`;
      bytes += size;
    }
    write(chunk);
  };
  return {
    line(text) {
      pending.push(text);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

/** A line about the mock itself (not a request): `<time> <text>`, or `{"time", "event", ...fields}` in JSON. */
export function formatEvent(
  event: string,
  text: string,
  fields: Record<string, unknown>,
  format: LogFormat,
  at = Date.now(),
): string {
  const time = new Date(at).toISOString();
  return format === 'json' ? JSON.stringify({ time, event, ...fields }) : `${time} ${text}`;
}

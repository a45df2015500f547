// What flows between the stages of the mock's pipeline (route -> validate -> authenticate -> choose ->
// respond): a request as HTTP delivered it, and the answer to send. No stage knows about sockets.

export interface MockRequest {
  method: string;
  path: string;
  /** The query string without `?` (read only for Prism's `__code`-style options). */
  query?: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The example served, or what kind of error. */
  scenario: string;
  /** The request's fields the spec lets a log show the last four of, masked (`cardNo=************1111`). */
  masked?: string;
  /** Injected latency: wait this long before answering. */
  delayMs?: number;
  /** Injected fault: close the connection instead of answering. */
  drop?: boolean;
}

/** A request's headers by lower-case name, repeated ones joined as HTTP allows (`a, b`). */
export type Headers = Record<string, string>;

export function lowerCaseHeaders(raw: MockRequest['headers']): Headers {
  const headers: Headers = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

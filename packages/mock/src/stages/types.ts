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
  /** The result code the answer carries (`response.code`), when it is one of the registry's. */
  code?: string;
  /** Why a request was refused (as X-Konaplate-Mock-Reason says it). */
  reason?: string;
  /** The answer's correlation id (the request's when it has the contract's form, else a fresh one). */
  correlationId?: string;
  /** The operation the request was routed to. */
  operationId?: string;
  /** Strict signing's verdict on the tran token; absent when it was not checked (strict signing off, or refused before). */
  signature?: 'valid' | 'invalid';
  /** The request body as received, with every field the spec marks sensitive redacted (for the journal). */
  request?: unknown;
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

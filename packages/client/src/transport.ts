/**
 * What openapi-fetch builds for each call instead of undici's Request: a plain
 * record of url, method, headers, body and signal. The client then hands
 * fetch `(url, init)` directly, sparing the two Request constructions (one by
 * openapi-fetch, one inside fetch) that cost ~110 µs a call on these machines.
 */
export class OutgoingRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | undefined;
  readonly signal: AbortSignal | null;

  constructor(
    url: string | URL,
    init: { method?: string; headers?: HeadersInit; body?: unknown; signal?: AbortSignal | null } = {},
  ) {
    this.url = String(url);
    this.method = init.method ?? 'GET';
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body === undefined || init.body === null ? undefined : String(init.body);
    this.signal = init.signal ?? null;
  }

  /** The body as sent (a string: the client only sends JSON). */
  async text(): Promise<string> {
    return this.body ?? '';
  }
}

/**
 * The fetch openapi-fetch calls: the platform's fetch with `(url, init)`, or a
 * caller's fetch, which is given a standard Request.
 */
export function transport(custom?: (request: Request) => Promise<Response>) {
  return (request: OutgoingRequest): Promise<Response> => {
    const init = { method: request.method, headers: request.headers, body: request.body, signal: request.signal };
    return custom ? custom(new Request(request.url, init)) : fetch(request.url, init);
  };
}

/** What one call sends: the platform's fetch gets `(url, init)`; a caller's fetch gets a standard Request. */
export interface Outgoing {
  url: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

export type CustomFetch = (request: Request) => Promise<Response>;

export function send(method: string, out: Outgoing, custom?: CustomFetch): Promise<Response> {
  const init = { method, headers: out.headers, body: out.body, signal: out.signal };
  return custom ? custom(new Request(out.url, init)) : fetch(out.url, init);
}

/** How much of an answer is read at most unless configured otherwise (`maxResponseBytes`): 1 MiB. */
export const defaultMaxResponseBytes = 1024 * 1024;

/** The body was larger than the limit; nothing past the limit was read. */
export class TooLarge {
  constructor(readonly limit: number) {}
}

/**
 * The body as text, refused without buffering it whole when it is larger than
 * `limit` bytes: a declared length over the limit is refused before reading,
 * an undeclared one is read in chunks and cancelled once past it.
 */
export async function readBody(response: Response, limit: number): Promise<string | TooLarge> {
  const declared = response.headers.get('content-length');
  const encoded = response.headers.has('content-encoding');
  if (declared !== null && Number(declared) > limit) {
    await response.body?.cancel().catch(() => undefined);
    return new TooLarge(limit);
  }
  // A declared, unencoded length within the limit: undici reads no more than that.
  if (declared !== null && !encoded) return response.text();
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return new TooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadContract } from '../src/contract.ts';
import { createMockServer, type MockServerOptions } from '../src/server.ts';

export const contract = loadContract();
export const spec = contract.spec as unknown as Record<string, unknown> & {
  components: { examples: Record<string, { value: unknown }> };
  paths: Record<
    string,
    Record<
      string,
      { responses: Record<string, { content: Record<string, { examples: Record<string, { $ref: string }> }> }> }
    >
  >;
};
export const CARD = '/api/v1/unregister/card/info';
export const VA = '/api/v1/card/virtual-account/inquiry';
export const validBodies: Record<string, Record<string, unknown>> = {
  [CARD]: { cardNo: '9491231111111111', expiryDate: '3108', cardCVC: '123' },
  [VA]: { cardNo: '9491231111111111' },
};
export const SECRET = 'test-only-sandbox-secret';
/** An X-KM-Crypto-Key-Id of the contract's form (the spec's example). */
export const KEY_ID = '5f0c2a9e41b7d3c86e2f1a0b9d4c7e13';

/**
 * The rows of a table derived from the spec, for `it.each`: an empty one is an error here, at collection,
 * since `it.each([])` would make every test over it vanish without a failure.
 */
export function rowsOf<T>(rows: T[], what: string): T[] {
  if (rows.length === 0) throw new Error(`${what}: no rows, so the tests over it would check nothing`);
  return rows;
}

/** A real mock server on a free loopback port; close() when done. */
export async function startMock(options: Partial<MockServerOptions> = {}) {
  const logs: string[] = [];
  const mock = await createMockServer({ contract, log: (line) => logs.push(line), ...options });
  const url = await mock.listen(0, '127.0.0.1');
  return { url, logs, server: mock.server, engine: mock.engine, close: () => mock.close() };
}

/** `yyyyMMddHHmmssSSS` of an instant, in KST. */
export function kstTime17(at: number): string {
  return new Date(at + 9 * 3_600_000)
    .toISOString()
    .replace(/[-T:.Z]/g, '')
    .slice(0, 17);
}

/** The seven common headers for a body, with a real HMAC tran token. */
export function signedHeaders(body: string, { secret = SECRET, at = Date.now() } = {}): Record<string, string> {
  const time17 = kstTime17(at);
  const mac = createHmac('sha256', secret).update(body).digest('base64');
  return {
    'content-type': 'application/json',
    'x-km-user-aspid': 'KMASP0000000001',
    'x-km-correlation-id': `${time17.slice(2, 14)}-${randomBytes(4).toString('hex').slice(0, 7)}`,
    'x-km-access-key': 'sandbox-access-key-not-a-real-key-000001',
    'x-km-tran-token': `KMV1:${time17}:${mac}`,
    'x-km-tran-time': time17.slice(0, 14),
    'x-km-time-zone': 'KST',
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  json: { response?: { code: string; message: string; description: string }; encData?: string; [key: string]: unknown };
}

/** POSTs `body` (an object, or raw text) with signed headers, `extra` headers merged in (undefined removes one). */
export async function post(
  base: URL,
  path: string,
  body: unknown,
  extra: Record<string, string | undefined> = {},
  signing: { secret?: string; at?: number } = {},
): Promise<Answer> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...signedHeaders(text, signing), ...extra }))
    if (v !== undefined) headers[k] = v;
  const res = await fetch(new URL(path, base), { method: 'POST', headers, body: text });
  const raw = await res.text();
  return { status: res.status, headers: res.headers, json: raw ? JSON.parse(raw) : {} };
}

/** The value of a named response example of an operation, from the bundle. */
export function exampleValue(path: string, status: string, key: string): unknown {
  const ref = spec.paths[path]?.post?.responses[status]?.content['application/json']?.examples[key]?.$ref ?? '';
  return spec.components.examples[ref.split('/').pop() ?? '']?.value;
}

export const requestExample = (name: string) =>
  (JSON.parse(readFileSync(new URL('../../../generated/openapi.json', import.meta.url), 'utf8')) as typeof spec)
    .components.examples[name]?.value;

import { readFileSync } from 'node:fs';
import { createKonaplateClient, type KonaplateClientConfig } from '../src/index.ts';

export interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

type Reply = Response | Error | ((sent: Sent) => Response | Promise<Response>);

/** A fetch that records every request and answers from a script (the last reply repeats). */
export function recorder(...replies: Reply[]) {
  const sent: Sent[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const entry: Sent = {
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    };
    sent.push(entry);
    const reply = replies[Math.min(sent.length - 1, replies.length - 1)] ?? ok({});
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply(entry) : reply.clone();
  };
  return { fetch, sent };
}

export const ok = (json: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(json), { status: 200, headers: { 'content-type': 'application/json' }, ...init });

export const platformError = (code: string, message: string, description = '설명') =>
  new Response(JSON.stringify({ response: { code, message, description } }), {
    status: 400,
    headers: { 'content-type': 'application/json', 'x-km-correlation-id': '261121103000-abc1234' },
  });

export const SECRET = 'test-only-secret-key-0001';
export const FIXED_NOW = Date.UTC(2026, 10, 21, 1, 30, 0, 123); // 10:30:00.123 KST

export const baseConfig = {
  baseUrl: 'http://127.0.0.1:9',
  aspId: 'KMASP0000000001',
  accessKey: 'sandbox-access-key-not-a-real-key-000001',
  secretKey: SECRET,
  now: () => FIXED_NOW,
  retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 20 },
} satisfies KonaplateClientConfig;

export function clientWith(fetch: KonaplateClientConfig['fetch'], extra: Partial<KonaplateClientConfig> = {}) {
  return createKonaplateClient({ ...baseConfig, fetch, ...extra });
}

export const vaSuccess = {
  response: { code: '000_000', message: 'Success.', description: '성공' },
  accountNo: '56201234567890',
  bankCode: '088',
  connectType: 'FIXATION',
  status: 'ACTIVE',
};

/** The spec's named examples (from the bundle), for answers that conform by construction. */
export const examples = (
  JSON.parse(readFileSync(new URL('../../../generated/openapi.json', import.meta.url), 'utf8')) as {
    components: { examples: Record<string, { value: unknown }> };
  }
).components.examples;

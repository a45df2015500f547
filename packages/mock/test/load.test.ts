// 5,000 requests at 50 concurrent connections: every answer right, none failed,
// and memory after the run within 20% of before.
import { Agent, request } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signedHeaders, startMock, VA } from './support.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let mock: Awaited<ReturnType<typeof startMock>>;
beforeAll(async () => {
  mock = await startMock({ log: undefined });
});
afterAll(() => mock.close());

const mix = [
  { body: '{"cardNo":"9491231111111111"}', status: 200, code: '000_000' },
  { body: '{"cardNo":"9491239999999991"}', status: 400, code: '003_029' },
  { body: '{"cardNo":"9491230000000082"}', status: 400, code: '003_067' },
  { body: '{"cardNo":"94912311"}', status: 400, code: '000_002' },
  { body: '{}', status: 400, code: '000_003' },
];

function send(agent: Agent, i: number): Promise<boolean> {
  const { body, status, code } = mix[i % mix.length] as (typeof mix)[number];
  return new Promise((resolve) => {
    const req = request(new URL(VA, mock.url), { method: 'POST', agent, headers: signedHeaders(body) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const json = JSON.parse(Buffer.concat(chunks).toString()) as { response: { code: string } };
        resolve(res.statusCode === status && json.response.code === code);
      });
    });
    req.on('error', () => resolve(false));
    req.end(body);
  });
}

async function run(total: number, connections: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  let next = 0;
  let wrong = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < total) {
        const i = next++;
        if (!(await send(agent, i))) wrong += 1;
      }
    }),
  );
  agent.destroy();
  return wrong;
}

it('serves 5,000 requests at 50 connections with no failed or wrong answer, without growing', async () => {
  await run(500, 50); // warm-up: JIT, Prism's validator cache
  gc();
  const before = process.memoryUsage().heapUsed;
  expect(await run(5000, 50)).toBe(0);
  gc();
  const after = process.memoryUsage().heapUsed;
  expect(after / before).toBeLessThan(1.2);
}, 60_000);

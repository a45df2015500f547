// The docs' Postman collections, run by newman (Postman's own runner) against
// the real mock in strict signing mode: the collection-level pre-request script
// must sign exactly as the platform checks (X-KM-* headers, HMAC tran token over
// the exact body), and every scenario request must pass its response.code test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDir } from '@konaplate-contract/codegen';
import { createMockServer, loadContract, utcOffsetsOf } from '@konaplate-contract/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCollection } from './support/newman.ts';

const contract = loadContract();
const secret = 'postman-collection-test-secret';
const credentials = {
  aspId: 'KMASP0000000001',
  accessKey: 'sandbox-access-key-not-a-real-key-000001',
  secretKey: secret,
  cryptoKeyId: '5f0c2a9e41b7d3c86e2f1a0b9d4c7e13',
};
let mock: Awaited<ReturnType<typeof createMockServer>>;
let baseUrl: string;
const seen: string[] = [];

beforeAll(async () => {
  mock = await createMockServer({
    contract,
    signing: { secret, windowSeconds: 300, now: Date.now, utcOffsets: utcOffsetsOf(contract) },
    log: (line) => seen.push(line),
  });
  baseUrl = (await mock.listen(0, '127.0.0.1')).href.replace(/\/$/, '');
});
afterAll(() => mock.close());

type Collection = {
  variable: Array<{ key: string; value: string }>;
  event: Array<{ listen: string; script: { exec: string[] } }>;
  item: Array<{ name: string; item: Array<{ name: string; event: Array<{ listen: string }> }> }>;
};

const run = runCollection;

const scenarioCount = contract.scenarios.operations.reduce((n, op) => n + op.scenarios.length, 0);

describe.each([
  ['English', 'docs/konaplate.postman_collection.json'],
  ['Korean', 'docs/ko/konaplate.postman_collection.json'],
])('the %s Postman collection', (_, file) => {
  const collection = JSON.parse(readFileSync(join(generatedDir, file), 'utf8')) as Collection;

  it('is v2.1, with the four variables, one collection-level pre-request script and a test on every request', () => {
    expect(JSON.stringify(collection)).toContain('collection/v2.1.0/collection.json');
    expect(collection.variable.map((v) => v.key)).toEqual(
      expect.arrayContaining(['baseUrl', 'aspId', 'accessKey', 'secretKey']),
    );
    expect(collection.event.map((e) => e.listen)).toEqual(['prerequest']);
    const requests = collection.item.flatMap((folder) => folder.item);
    expect(requests).toHaveLength(scenarioCount);
    for (const request of requests)
      expect(
        request.event.map((e) => e.listen),
        request.name,
      ).toEqual(['test']);
    const script = collection.event[0]?.script.exec.join('\n') ?? '';
    const parameters = (
      contract.spec.components as unknown as { parameters: Record<string, { name: string; in: string }> }
    ).parameters;
    const headers = Object.values(parameters)
      .filter((p) => p.in === 'header')
      .map((p) => p.name);
    expect(headers).toHaveLength(7);
    for (const header of headers) expect(script).toContain(JSON.stringify(header));
    expect(script).toContain("require('crypto-js')");
    expect(script).toContain('.HmacSHA256(body, ');
  });

  it('newman runs every request against the strict mock, and every test passes', async () => {
    const summary = await run(collection, { ...credentials, baseUrl });
    const stats = summary.run.stats;
    const failures = summary.run.failures.map((f) => `${f.source?.name ?? ''}: ${f.error.message}`);
    console.log(
      `newman (${file}): ${stats.requests.total} requests, ${stats.requests.failed} failed; ${stats.assertions.total} assertions, ${stats.assertions.failed} failed; pre-request scripts ${stats.prerequestScripts.total}, failed ${stats.prerequestScripts.failed}`,
    );
    expect(failures).toEqual([]);
    expect(summary.console, "the scripts' console output (a deprecation shows here)").toEqual([]);
    expect(stats.requests).toMatchObject({ total: scenarioCount, failed: 0 });
    expect(stats.assertions).toMatchObject({ total: scenarioCount, failed: 0 });
    expect(stats.prerequestScripts.failed).toBe(0);
    // Each scenario was reached by its own request: the mock names the example it served (a request
    // refused by validation, like the missing-value scenarios, is answered from the registry instead).
    const served = summary.run.executions.map((e) => e.response?.headers?.get('x-konaplate-mock-scenario'));
    const expected = contract.scenarios.operations.flatMap((op) =>
      op.scenarios.map((s) => ('invalid' in s.when ? undefined : s.example)),
    );
    expect(served).toEqual(expected);
  }, 60_000);

  it('with a wrong secret the mock refuses every request: it really checks the signature', async () => {
    const summary = await run(collection, { ...credentials, secretKey: 'not-the-secret', baseUrl });
    const answers = summary.run.executions.map((e) => {
      const body = JSON.parse(e.response?.stream?.toString() ?? '{}') as { response?: { message?: string } };
      return `${e.response?.code} ${body.response?.message}`;
    });
    expect(answers).toEqual(answers.map(() => '400 Invalid input parameter. X-KM-Tran-Token'));
  }, 60_000);

  it('a missing secret stops the script with a clear message, before anything is sent', async () => {
    const summary = await run(collection, { ...credentials, secretKey: '', baseUrl });
    const messages = summary.run.failures.map((f) => f.error.message);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]).toMatch(/secretKey/);
  }, 60_000);
});

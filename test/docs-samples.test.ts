// The docs' code samples work: each TypeScript sample runs against the real
// mock; each curl sample has every required header and the spec's example
// body, and runs for real (bash, openssl, curl) against the mock in strict mode.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { codeSamples, generatedDir, repoRoot } from '@konaplate-contract/codegen';
import type { JsonObject } from '@konaplate-contract/contract';
import { examplesOf, operationsOf, resolveLocal } from '@konaplate-contract/contract';
import { createMockServer, loadContract, utcOffsetsOf } from '@konaplate-contract/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from './support/bundle.ts';

const run = promisify(execFile);
const doc = loadBundle();
const contract = loadContract();
const secret = 'docs-sample-test-secret';
const env = {
  KONAPLATE_ASP_ID: 'KMASP0000000001',
  KONAPLATE_ACCESS_KEY: 'sandbox-access-key-not-a-real-key-000001',
  KONAPLATE_SECRET_KEY: secret,
};
const operations = operationsOf(doc).map(({ operation }) => ({
  operationId: operation.operationId,
  operation,
  samples: Object.fromEntries(codeSamples(doc, operation.operationId).map((s) => [s.label, s.source])),
  success: examplesOf(doc, operation).find((e) => e.where === '200' && e.key === 'success')?.example.value,
}));
const sampleDir = join(repoRoot, 'packages/client/.tmp-samples');
let mock: Awaited<ReturnType<typeof createMockServer>>;
let baseUrl: string;

beforeAll(async () => {
  mock = await createMockServer({
    contract,
    signing: { secret, windowSeconds: 300, now: Date.now, utcOffsets: utcOffsetsOf(contract) },
  });
  baseUrl = (await mock.listen(0)).href.replace(/\/$/, '');
  mkdirSync(sampleDir, { recursive: true });
});
afterAll(async () => {
  await mock.close();
  rmSync(sampleDir, { recursive: true, force: true });
});

it('has operations whose samples to run (read from the bundled spec)', () => {
  expect(operations.length).toBeGreaterThan(0);
});

describe.each(operations)('$operationId', ({ operationId, operation, samples, success }) => {
  it('the built docs page carries both samples', () => {
    const html = readFileSync(join(generatedDir, 'docs/index.html'), 'utf8');
    expect(Object.keys(samples)).toEqual(['curl', 'TypeScript client']);
    expect(html).toContain(`konaplate.${operationId}(`);
    expect(html).toContain('openssl dgst -sha256 -hmac');
  });

  it('the TypeScript sample runs against the mock and prints the typed success payload', async () => {
    // Inside the client package, so the sample's import resolves to it as a user's would.
    const file = join(sampleDir, `${operationId}.ts`);
    writeFileSync(file, samples['TypeScript client'] ?? '');
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const { stdout } = await run(process.execPath, [tsx, file], {
      env: { ...process.env, ...env, KONAPLATE_BASE_URL: baseUrl },
    });
    expect(JSON.parse(stdout)).toEqual(success);
  }, 30_000);

  it('the curl sample sends every required header and the example body', () => {
    const curl = samples.curl ?? '';
    const required = (operation.parameters ?? [])
      .map((p) => resolveLocal<JsonObject>(doc, p))
      .filter((p) => p.required);
    for (const p of required) expect(curl).toMatch(new RegExp(`-H "${String(p.name)}: `));
    expect(curl).toContain("-H 'Content-Type: application/json'");
    const body = /^BODY='(.*)'$/m.exec(curl)?.[1] ?? '';
    const plaintext = examplesOf(doc, operation).find((e) => e.where === 'request' && e.key === 'plaintext');
    expect(JSON.parse(body)).toEqual(plaintext?.example.value);
    expect(curl).toMatch(/openssl dgst -sha256 -hmac "\$KONAPLATE_SECRET_KEY" -binary \| base64/);
  });

  it('the curl sample runs, and the strict mock accepts its token', async () => {
    const { stdout } = await run('bash', ['-c', samples.curl ?? ''], {
      env: { ...process.env, ...env, KONAPLATE_BASE_URL: baseUrl },
    });
    expect(JSON.parse(stdout)).toEqual(success);
  }, 30_000);
});

// Adding an operation is a spec change and nothing else: a copy of spec/ gets
// a synthetic third operation (test/fixtures/third-operation), generation runs
// there, and the unchanged client source and mock pick it up: the client
// typechecks with a typed method for it, and the mock serves its success and
// error scenarios to that method.
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { downloadPaths, generateAll, repoRoot, writeGenerated } from '@konaplate-contract/codegen';
import { createMockServer, loadContract } from '@konaplate-contract/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

const fixture = join(repoRoot, 'test/fixtures/third-operation');
// Inside the repository (and ignored by git) so that the copied client resolves its dependencies as it does here.
const work = join(repoRoot, '.tmp/add-operation');
const added = parseDocument(await readFile(join(fixture, 'operations.yaml'), 'utf8')).toJS() as {
  path: string;
  ref: string;
  operationId: string;
  codes: string[];
};

/** A consumer of the new method: compiles only if the method exists and is typed from the spec. */
const consumer = `import { createKonaplateClient, type DataOf, isKonaplateError } from '../src/index.ts';

const client = createKonaplateClient({
  baseUrl: 'http://127.0.0.1:4010',
  aspId: 'KMASP0000000001',
  accessKey: 'sandbox-access-key-not-a-real-key-000001',
  secretKey: 'sandbox-secret',
});

export async function points(cardNo: string): Promise<number> {
  const { data, error } = await client.${added.operationId}({ cardNo });
  if (error) {
    if (isKonaplateError(error, '003_029')) return -1;
    // @ts-expect-error the registry does not list 003_067 for the new operation
    if (isKonaplateError(error, '003_067')) return -2;
    return -3;
  }
  const typed: DataOf<'${added.operationId}'> = data;
  // @ts-expect-error the payload has no such field
  typed.accountNo;
  return typed.totalPoint;
}

// @ts-expect-error the request is typed from the spec
client.${added.operationId}({ cardNo: 17 });
export const viaOrThrow: Promise<DataOf<'${added.operationId}'>> = client.orThrow.${added.operationId}({ cardNo: '9491230000000017' });
`;

let generatedNames: string[];

beforeAll(async () => {
  await rm(work, { recursive: true, force: true });
  await cp(join(repoRoot, 'spec'), join(work, 'spec'), { recursive: true });
  for (const dir of ['paths', 'components']) await cp(join(fixture, dir), join(work, 'spec', dir), { recursive: true });
  const root = parseDocument(await readFile(join(work, 'spec/openapi.yaml'), 'utf8'));
  root.setIn(['paths', added.path], root.createNode({ $ref: added.ref }));
  await writeFile(join(work, 'spec/openapi.yaml'), root.toString());

  const files = await generateAll(join(work, 'spec/openapi.yaml'));
  generatedNames = files.map((f) => f.path);
  await writeGenerated(join(work, 'generated'), files);
  // The client's source and manifest, unchanged, beside the new generated/.
  await cp(join(repoRoot, 'packages/client/src'), join(work, 'packages/client/src'), { recursive: true });
  await cp(join(repoRoot, 'packages/client/package.json'), join(work, 'packages/client/package.json'));
  await mkdir(join(work, 'packages/client/app'));
  await writeFile(join(work, 'packages/client/app/points.ts'), consumer);
  await writeFile(
    join(work, 'tsconfig.json'),
    JSON.stringify({
      extends: join(repoRoot, 'tsconfig.base.json'),
      compilerOptions: { noEmit: true, allowImportingTsExtensions: true, types: ['node'] },
      include: ['packages/client/src/**/*.ts', 'packages/client/app/*.ts', 'generated/**/*.ts'],
    }),
  );
}, 120_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe(`a third operation (${added.operationId}) added to the spec alone`, () => {
  it('reaches every generated artifact', async () => {
    const read = (path: string) => readFile(join(work, 'generated', path), 'utf8');
    const committed = await readdir(join(repoRoot, 'generated'), { recursive: true, withFileTypes: true });
    // The downloads are packed from the packages after the rest is written (`pnpm generate`), not generated
    // from the spec: test/downloads.test.ts checks them.
    const packed = new Set(downloadPaths());
    const names = committed
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(join(repoRoot, 'generated/').length))
      .filter((name) => !packed.has(name));
    // The docs have one Markdown page per operation for coding agents, in each edition: the new operation adds its own.
    expect([...generatedNames].sort()).toEqual(
      [...names, `docs/md/${added.operationId}.md`, `docs/ko/md/${added.operationId}.md`].sort(),
    );
    expect(JSON.parse(await read('openapi.json')).paths[added.path].post.operationId).toBe(added.operationId);
    expect(await read('client/contract.ts')).toContain(`"${added.operationId}": {`);
    expect(await read('types/openapi.ts')).toContain(`${added.operationId}: {`);
    expect(JSON.stringify(JSON.parse(await read('mock/scenarios.json')))).toContain(added.operationId);
    expect(await read('docs/index.html')).toContain('Inquire the points of a card');
    expect(await read('docs/ko/index.html')).toContain('카드 포인트 조회');
    expect(await read('docs/konaplate.postman_collection.json')).toContain('/api/v1/card/point/inquiry');
    expect(await read('docs/llms.txt')).toContain(`(md/${added.operationId}.md)`);
  });

  it('spec/registry/ is untouched, and the registry lists it for exactly the codes its examples return', async () => {
    const copied = await readdir(join(work, 'spec/registry/codes'));
    for (const file of copied)
      expect(await readFile(join(work, 'spec/registry/codes', file), 'utf8'), file).toBe(
        await readFile(join(repoRoot, 'spec/registry/codes', file), 'utf8'),
      );
    const registry = JSON.parse(await readFile(join(work, 'generated/openapi.json'), 'utf8'))[
      'x-error-registry'
    ] as Record<string, { operations: string[] }>;
    const listing = Object.entries(registry)
      .filter(([, entry]) => entry.operations.includes(added.operationId))
      .map(([code]) => code);
    expect(added.codes.length).toBeGreaterThan(0);
    expect(listing).toEqual(added.codes);
  });

  it('the unchanged client typechecks with a typed method for it', async () => {
    const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
    const result = await promisify(execFile)(process.execPath, [tsc, '-p', join(work, 'tsconfig.json')]).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    expect(result.stdout).toBe('');
  }, 60_000);

  it('the mock serves its success and error scenarios to the new method', async () => {
    const mock = await createMockServer({ contract: loadContract(join(work, 'generated')) });
    const baseUrl = (await mock.listen(0)).href.replace(/\/$/, '');
    try {
      const copy = (await import(
        pathToFileURL(join(work, 'packages/client/src/index.ts')).href
      )) as typeof import('@konaplate-contract/client');
      const client = copy.createKonaplateClient({
        baseUrl,
        aspId: 'KMASP0000000001',
        accessKey: 'sandbox-access-key-not-a-real-key-000001',
        secretKey: 'sandbox-secret',
      }) as unknown as Record<
        string,
        (body: unknown, init?: unknown) => Promise<{ data?: unknown; error?: unknown }>
      > & {
        call(id: string, body: unknown): Promise<{ data?: unknown; error?: unknown }>;
      };
      const method = client[added.operationId];
      expect(method).toBeTypeOf('function');
      const success = await method?.({ cardNo: '9491230000000017' });
      expect(success?.error).toBeUndefined();
      expect(success?.data).toMatchObject({ response: { code: '000_000' }, totalPoint: 12300 });
      const notFound = await client.call(added.operationId, { cardNo: '9491239999999991' });
      expect(notFound.error).toMatchObject({ kind: 'platform', code: '003_029', status: 400 });
      const missing = await method?.(
        { cardNo: '9491230000000017' },
        { headers: { Prefer: 'example=missing-required-values' } },
      );
      expect(missing?.error).toMatchObject({ kind: 'platform', code: '000_003' });
      const refused = await method?.({ cardNo: '12' });
      expect(refused?.error).toMatchObject({ kind: 'validation', field: 'cardNo', rule: 'minLength' });
    } finally {
      await mock.close();
    }
  });
});

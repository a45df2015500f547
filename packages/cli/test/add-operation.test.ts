// A third operation added to a copy of spec/ (the repository's fixture
// test/fixtures/third-operation) reaches the CLI with no edit to its source:
// sign, call and conformance know it, and the QA quick start lists its scenarios.
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateEverything, writeGenerated } from '@konaplate-contract/codegen';
import { type OpenApiDocument, utcOffsets } from '@konaplate-contract/contract';
import { createMockServer, loadContract } from '@konaplate-contract/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { repoRoot, SECRET } from './support.ts';

const fixture = join(repoRoot, 'test/fixtures/third-operation');
// Inside the repository (ignored by git), so the copies resolve their dependencies as they do here.
const work = join(repoRoot, '.tmp/cli-add-operation');
const added = parseDocument(await readFile(join(fixture, 'operations.yaml'), 'utf8')).toJS() as {
  path: string;
  ref: string;
  operationId: string;
  codes: string[];
};

let quickStart: string;
let run: typeof import('../src/cli.ts').run;
let baseUrl: string;
let close: () => Promise<void>;

beforeAll(async () => {
  await rm(work, { recursive: true, force: true });
  await cp(join(repoRoot, 'spec'), join(work, 'spec'), { recursive: true });
  for (const dir of ['paths', 'components']) await cp(join(fixture, dir), join(work, 'spec', dir), { recursive: true });
  const root = parseDocument(await readFile(join(work, 'spec/openapi.yaml'), 'utf8'));
  root.setIn(['paths', added.path], root.createNode({ $ref: added.ref }));
  await writeFile(join(work, 'spec/openapi.yaml'), root.toString());

  const { files, outside } = await generateEverything(join(work, 'spec/openapi.yaml'));
  await writeGenerated(join(work, 'generated'), files);
  quickStart = outside.find((f) => f.path === 'packages/mock/README.md')?.content ?? '';
  // The CLI's and the client's sources, unchanged, beside the new generated/.
  for (const dir of ['packages/cli/src', 'packages/client/src'])
    await cp(join(repoRoot, dir), join(work, dir), { recursive: true });
  for (const pkg of ['client', 'cli']) // the CLI's for its --version
    await cp(join(repoRoot, `packages/${pkg}/package.json`), join(work, `packages/${pkg}/package.json`));
  await mkdir(join(work, 'node_modules/@konaplate-contract'), { recursive: true });
  await symlink(join(work, 'packages/client'), join(work, 'node_modules/@konaplate-contract/client'));
  run = ((await import(pathToFileURL(join(work, 'packages/cli/src/cli.ts')).href)) as typeof import('../src/cli.ts'))
    .run;

  const contract = loadContract(join(work, 'generated'));
  const mock = await createMockServer({
    contract,
    signing: {
      secret: SECRET,
      windowSeconds: 300,
      now: Date.now,
      utcOffsets: utcOffsets(contract.spec as OpenApiDocument),
    },
  });
  baseUrl = (await mock.listen(0)).href.replace(/\/$/, '');
  close = () => mock.close();
}, 120_000);

afterAll(async () => {
  await close?.();
  await rm(work, { recursive: true, force: true });
});

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    env: { KONAPLATE_SECRET_KEY: SECRET },
  });
  return { code, out, err };
}

describe(`a third operation (${added.operationId}) added to the spec alone`, () => {
  it('is listed and called by the unchanged CLI', async () => {
    expect((await cli(['call', '--help'])).out).toContain(`${added.operationId}`);
    const ok = await cli(['call', added.operationId, '--base-url', baseUrl, '--body', '{"cardNo":"9491230000000017"}']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).response.code).toBe('000_000');
    const bad = await cli(['call', added.operationId, '--base-url', baseUrl, '--body', '{"cardNo":"12"}']);
    expect([bad.code, bad.err]).toEqual([
      2,
      'konaplate call: cardNo must be exactly 16 characters long, not 2 (rule: minLength). Run konaplate call --help\n',
    ]);
  });

  it('gets conformance cases of its own from the spec, and the mock passes them', async () => {
    const result = await cli(['conformance', '--base-url', baseUrl, '--operation', added.operationId]);
    expect(result.code).toBe(0);
    const scenarios = loadContract(join(work, 'generated')).scenarios.operations.find(
      (o) => o.operationId === added.operationId,
    )?.scenarios;
    expect(scenarios?.length).toBeGreaterThan(0);
    for (const s of scenarios ?? []) expect(result.out).toMatch(new RegExp(`ok +scenario +scenario ${s.example} `));
    expect(result.out).toMatch(/ok +missing +cardNo missing/);
    expect(result.out).toMatch(
      new RegExp(`conformance: \\d+ cases \\(\\d+ ${added.operationId}\\): \\d+ passed, 0 failed`),
    );
  });

  it('appears in the QA quick start with a line per scenario', () => {
    const rows = quickStart.split('\n').filter((l) => l.startsWith(`| \`${added.operationId}\` |`));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain(`--operation ${added.operationId} --body '`);
  });
});

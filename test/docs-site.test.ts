// The docs folder as a whole (generated/docs/): the downloads are the bundle,
// every link resolves, the Markdown pages name only codes, headers and lengths
// the spec has, partner texts carry no repo words, the Korean edition is Korean
// in every text, a missing Korean text fails generation and lint, and a third
// operation added to a copy of spec/ shows up everywhere with no other edit.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  buildBundle,
  bundleFiles,
  docsSiteFiles,
  docsSpec,
  generatedDir,
  mockFiles,
  mockScenarios,
  repoRoot,
  SpecError,
} from '@konaplate-contract/codegen';
import type { JsonObject } from '@konaplate-contract/contract';
import { createMockServer, loadContract, utcOffsetsOf } from '@konaplate-contract/mock';
import { lintWith } from '@konaplate-contract/spec-rules';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundle, propertyAt } from './support/bundle.ts';
import { runCollection } from './support/newman.ts';

const doc = loadBundle();
const scenarios = mockScenarios(doc);
const docsDir = join(generatedDir, 'docs');
const read = (path: string) => readFileSync(join(docsDir, path), 'utf8');
const markdownPages = ['md', 'ko/md'].flatMap((dir) => readdirSync(join(docsDir, dir)).map((f) => `${dir}/${f}`));
const agentFiles = ['llms.txt', 'ko/llms.txt', ...markdownPages];

const headerNames = new Set([
  ...Object.values(doc.components.parameters).map((p) => String(p.name)),
  ...Object.values(doc.paths).flatMap((item) =>
    Object.values(item.post?.responses ?? {}).flatMap((r) => Object.keys(r.headers ?? {})),
  ),
]);
const lengths = new Set<number>();
const collectLengths = (node: unknown) => {
  if (Array.isArray(node)) for (const item of node) collectLengths(item);
  else if (node && typeof node === 'object') {
    const o = node as JsonObject;
    for (const key of ['minLength', 'maxLength']) if (typeof o[key] === 'number') lengths.add(o[key] as number);
    for (const value of Object.values(o)) collectLengths(value);
  }
};
collectLengths(doc.components.schemas);

describe('the downloads beside the pages', () => {
  it('openapi.yaml and openapi.json are the bundle, byte for byte', () => {
    for (const file of ['openapi.yaml', 'openapi.json'])
      expect(read(file), file).toBe(readFileSync(join(generatedDir, file), 'utf8'));
  });

  it('has Markdown pages beside llms.txt (read from generated/docs/md/)', () => {
    expect(markdownPages.length).toBeGreaterThan(0);
  });

  it.each(agentFiles)('every relative link of %s leads to a file of the folder', (file) => {
    const links = [...read(file).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1] ?? '');
    for (const link of links.filter((l) => !/^[a-z]+:/.test(l)))
      expect(existsSync(resolve(dirname(join(docsDir, file)), link)), `${file} → ${link}`).toBe(true);
  });

  it.each(['llms.txt', 'ko/llms.txt'])('%s links a page for every operation and every guide', (file) => {
    const llms = read(file);
    for (const item of Object.values(doc.paths)) expect(llms).toContain(`(md/${item.post?.operationId}.md)`);
    for (const guide of doc['x-guides'] as Array<{ id: string }>) expect(llms).toContain(`(md/${guide.id}.md)`);
    expect(llms).toMatch(/^# .+\n\n> .+/);
  });

  it('the Korean pages are one for each English page, and Korean', () => {
    const english = markdownPages.filter((p) => p.startsWith('md/'));
    expect(english.length).toBeGreaterThan(0);
    expect(markdownPages.filter((p) => p.startsWith('ko/'))).toEqual(english.map((p) => `ko/${p}`));
    for (const page of ['ko/llms.txt', ...english.map((p) => `ko/${p}`)]) {
      // Korean prose, outside code, tables of values and the samples: most words are Hangul.
      const prose = read(page)
        .replace(/```[\s\S]*?```/g, '')
        .replace(/`[^`]*`/g, '')
        .replace(/\]\([^)]*\)/g, ']');
      const hangul = prose.match(/[\uAC00-\uD7A3]+/g)?.length ?? 0;
      const latin = prose.match(/\b[A-Za-z]{3,}\b/g)?.length ?? 0;
      expect(hangul, page).toBeGreaterThan(latin);
      expect(read(page), page).not.toMatch(/\bundefined\b/);
    }
  });
});

describe.each(markdownPages)('%s names only what the spec has', (file) => {
  const text = read(file);

  it('every result code in it is in the error registry', () => {
    const codes = [...text.matchAll(/\b\d{3}_(?:\d{3}|P\d{2})\b/g)].map((m) => m[0]);
    for (const code of codes) expect(doc['x-error-registry'], code).toHaveProperty([code]);
  });

  it('every X-KM-* header in it is a header of the spec', () => {
    for (const [header] of text.matchAll(/X-KM-[A-Za-z]+(?:-[A-Za-z]+)*/g))
      expect(headerNames, header).toContain(header);
  });

  it('every length in it is one the spec states, and each table row states its own', () => {
    // Outside the quoted disagreements (which name the pages' own, rejected lengths), every length is the spec's.
    const own = text
      .split('\n')
      .filter((l) => !/Source conflict\.|^- \*(The source pages|Evidence):\*/.test(l))
      .join('\n');
    for (const [, n] of own.matchAll(/(\d+) characters/g)) expect(lengths, `${n} characters`).toContain(Number(n));
    const operation = Object.values(doc.paths)
      .map((item) => item.post)
      .find((op) => file.endsWith(`md/${op?.operationId}.md`));
    const rows = text.split('\n').filter((line) => line.startsWith('| `'));
    for (const row of rows) {
      const cells = row.split(/(?<!\\)\|/).map((c) => c.trim());
      const name = cells[1]?.replace(/`/g, '').replace(/<br>.*$/, '') ?? '';
      if (name.startsWith('X-KM-')) {
        const parameter = Object.values(doc.components.parameters).find((p) => p.name === name) as JsonObject;
        const schema = propertyAt(doc, { properties: { h: parameter.schema } } as JsonObject, 'h').schema;
        const expected =
          schema.minLength === schema.maxLength ? `${schema.maxLength}` : `${schema.minLength}–${schema.maxLength}`;
        expect(cells.slice(2), `${file}: ${name}`).toContain(expected);
      } else if (operation && /^[a-z]/.test(name) && !name.includes('-') && cells.length > 6) {
        const oneOf = operation.requestBody?.content['application/json']?.schema?.oneOf as JsonObject[] | undefined;
        const request = oneOf?.[0] as JsonObject;
        const responses = Object.values(operation.responses).map(
          (r) =>
            ((r.content?.['application/json']?.schema?.oneOf as JsonObject[] | undefined)?.[0] ??
              r.content?.['application/json']?.schema) as JsonObject,
        );
        const found = [request, ...responses].flatMap((root) => {
          try {
            return [propertyAt(doc, root, name.replace(/\[\]\./g, '[].'))];
          } catch {
            return [];
          }
        });
        expect(found.length, `${file}: field ${name} is a field of the operation`).toBeGreaterThan(0);
        const schema = found[0]?.schema as JsonObject;
        const length = cells[4] ?? '';
        // An enum states no length (its values bound it).
        if (schema.type === 'string' && schema.maxLength !== undefined)
          expect(length, `${file}: ${name}`).toBe(
            schema.minLength === schema.maxLength
              ? `${schema.maxLength}`
              : `${schema.minLength ?? 0}–${schema.maxLength}`,
          );
        else expect(length).toBe('');
      }
    }
  });
});

describe('partner texts', () => {
  const views = (['en', 'ko'] as const).map((language) => ({ language, view: docsSpec(doc, scenarios, language) }));
  const partnerTexts = [
    ...agentFiles.map((file) => [file, read(file)]),
    ['konaplate.postman_collection.json', read('konaplate.postman_collection.json')],
    ['ko/konaplate.postman_collection.json', read('ko/konaplate.postman_collection.json')],
    ...views.map(({ language, view }) => [`the ${language} page's document`, JSON.stringify(view)]),
  ];

  it.each(partnerTexts)('%s never says "seed" nor gives a repo command', (_, text) => {
    expect(text).not.toMatch(/\bseeds?\b/i);
    expect(text).not.toMatch(/\bpnpm\b/);
  });

  it('the Korean page has every description, summary and title in Korean', () => {
    const ko = views[1]?.view as JsonObject;
    const english: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (Array.isArray(node)) for (const [i, item] of node.entries()) visit(item, `${path}[${i}]`);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'value' || key === 'examples' || key === 'x-codeSamples' || key === 'license') continue;
          if (['description', 'summary', 'x-displayName'].includes(key) && typeof value === 'string') {
            if (!/[\uAC00-\uD7A3]/.test(value)) english.push(`${path}.${key}: ${value.slice(0, 60)}`);
          } else visit(value, `${path}.${key}`);
        }
      }
    };
    visit(ko, '');
    // Named examples are checked separately: their summaries and descriptions are prose too.
    for (const [name, example] of Object.entries((ko.components as JsonObject).examples as Record<string, JsonObject>))
      for (const key of ['summary', 'description'])
        if (!/[\uAC00-\uD7A3]/.test(String(example[key]))) english.push(`examples.${name}.${key}`);
    expect(english).toEqual([]);
    expect(String((ko.info as JsonObject).title)).toMatch(/[\uAC00-\uD7A3]/);
  });

  it('a page shows the Korean of the guides, tags and operations', () => {
    const ko = views[1]?.view as JsonObject;
    const description = String((ko.info as JsonObject).description);
    for (const guide of doc['x-guides'] as Array<Record<string, string>>)
      expect(description).toContain(`# ${guide['x-ko-title']}`);
    for (const tag of doc.tags as JsonObject[])
      expect(ko.tags).toContainEqual(expect.objectContaining({ 'x-displayName': tag['x-ko-name'] }));
  });
});

// A copy of spec/ to edit as a partner of this repo would: plainly, in YAML.
const copies: string[] = [];
function specCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kona-spec-'));
  copies.push(dir);
  cpSync(join(repoRoot, 'spec'), dir, { recursive: true });
  return dir;
}
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});
const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(file, text.replace(from, to));
};

describe('a missing Korean text', () => {
  it('fails the Korean edition’s generation and the lint, naming where', async () => {
    const dir = specCopy();
    edit(
      join(dir, 'components/examples/VirtualAccountNotFound.yaml'),
      'x-ko: 카드는 있지만 연결된 가상계좌가 없습니다.\n',
      '',
    );
    const bundle = await buildBundle(join(dir, 'openapi.yaml'));
    const generation = (() => {
      try {
        docsSpec(bundle, mockScenarios(bundle), 'ko');
        return 'generated';
      } catch (error) {
        return error instanceof SpecError ? error.problems.join('\n') : String(error);
      }
    })();
    expect(generation).toBe(
      'components.examples.VirtualAccountNotFound: description has no Korean text (x-ko beside it)',
    );
    const findings = await lintWith(
      'kona-korean-texts',
      await buildBundle(join(dir, 'openapi.yaml'), { strict: false }),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        path: 'components.examples.VirtualAccountNotFound.description',
        message: 'description has no Korean text (x-ko beside it)',
      }),
    ]);
  }, 60_000);
});

describe('a third operation, added to a copy of spec/ and nothing else', () => {
  it('appears in both editions, the guides, the Postman collections and the Markdown', async () => {
    const dir = specCopy();
    const headers = readFileSync(join(dir, 'paths/api_v1_card_virtual-account_inquiry.yaml'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('components/parameters/'))
      .join('\n');
    writeFileSync(
      join(dir, 'paths/api_v1_card_balance_inquiry.yaml'),
      `post:
  operationId: inquireCardBalance
  tags:
    - Cards
  summary: Inquire the balance of a card
  x-ko-summary: 카드 잔액 조회
  description: Returns the card's balance, for this test.
  x-ko: 이 테스트를 위해 카드 잔액을 조회합니다.
  parameters:
${headers}
  requestBody:
    required: true
    content:
      application/json:
        schema:
          oneOf:
            - $ref: ../components/schemas/VirtualAccountInquiryRequest.yaml
            - $ref: ../components/schemas/EncryptedEnvelope.yaml
  responses:
    '200':
      description: The balance.
      x-ko: 잔액입니다.
      content:
        application/json:
          schema:
            $ref: ../components/schemas/VirtualAccountInquiryResponse.yaml
          examples:
            success:
              $ref: ../components/examples/VirtualAccountSuccess.yaml
    '400':
      description: Refused.
      x-ko: 거절되었습니다.
      content:
        application/json:
          schema:
            $ref: ../components/schemas/ErrorResponse.yaml
          examples:
            card-not-found:
              $ref: ../components/examples/VirtualAccountCardNotFound.yaml
`,
    );
    edit(
      join(dir, 'openapi.yaml'),
      'paths:\n',
      'paths:\n  /api/v1/card/balance/inquiry:\n    $ref: paths/api_v1_card_balance_inquiry.yaml\n',
    );
    const bundle = await buildBundle(join(dir, 'openapi.yaml'));
    const files = Object.fromEntries(
      (await docsSiteFiles(bundle, mockScenarios(bundle))).map((f) => [
        f.path,
        typeof f.content === 'string' ? f.content : '',
      ]),
    );
    for (const page of ['docs/index.html', 'docs/ko/index.html']) expect(files[page]).toContain('inquireCardBalance');
    expect(files['docs/ko/index.html']).toContain('카드 잔액 조회');
    expect(files['docs/md/inquireCardBalance.md']).toContain('POST /api/v1/card/balance/inquiry');
    expect(files['docs/llms.txt']).toContain('(md/inquireCardBalance.md)');
    for (const collection of ['docs/konaplate.postman_collection.json', 'docs/ko/konaplate.postman_collection.json']) {
      const folders = (JSON.parse(files[collection] ?? '{}') as { item: Array<{ name: string }> }).item;
      expect(folders).toHaveLength(3);
    }
    // Its requests are signed and answered like the others: newman against a strict mock of this copy.
    const generated = mkdtempSync(join(tmpdir(), 'kona-generated-'));
    copies.push(generated);
    for (const file of [...bundleFiles(bundle), ...mockFiles(bundle)]) {
      mkdirSync(dirname(join(generated, file.path)), { recursive: true });
      writeFileSync(join(generated, file.path), file.content);
    }
    const contract = loadContract(generated);
    const secret = 'third-operation-secret';
    const mock = await createMockServer({
      contract,
      signing: { secret, windowSeconds: 300, now: Date.now, utcOffsets: utcOffsetsOf(contract) },
    });
    try {
      const baseUrl = (await mock.listen(0, '127.0.0.1')).href.replace(/\/$/, '');
      const summary = await runCollection(JSON.parse(files['docs/konaplate.postman_collection.json'] ?? '{}'), {
        baseUrl,
        aspId: 'KMASP0000000001',
        accessKey: 'sandbox-access-key-not-a-real-key-000001',
        secretKey: secret,
      });
      const requests = summary.run.executions.filter((e) => e.item.name && /balance/.test(String(e.request.url)));
      expect(requests.length).toBe(2);
      expect(summary.run.failures.map((f) => f.error.message)).toEqual([]);
    } finally {
      await mock.close();
    }
    const guides = docsSpec(bundle, mockScenarios(bundle), 'en').info as JsonObject;
    expect(String(guides.description)).toContain('Inquire the balance of a card');
    for (const text of [
      String(guides.description),
      files['docs/md/signing.md'] ?? '',
      files['docs/md/scenarios.md'] ?? '',
    ])
      expect(text).not.toMatch(/\bboth operations\b|\btwo operations\b|\bneither operation\b/i);
  }, 120_000);
});

// The error registry and the examples agree, every seed Test Data scenario has
// its named example, and the derivation refuses a code or text it cannot vouch for.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import {
  bundleSpec,
  deriveBundle,
  registryEntryFiles,
  registrySchemaPath,
  SpecError,
  specEntry,
} from '@konaplate-contract/codegen';
import type { ErrorRegistry, JsonObject, OpenApiDocument } from '@konaplate-contract/contract';
import { examplesOf, operationsOf } from '@konaplate-contract/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorRegistry } from '../generated/types/error-codes.ts';
import { loadBundle } from './support/bundle.ts';

const doc = loadBundle();
const registry: ErrorRegistry = doc['x-error-registry'];
const registrySchema = JSON.parse(readFileSync(registrySchemaPath, 'utf8')) as JsonObject;

const responseExamples = operationsOf(doc).flatMap(({ operation }) =>
  examplesOf(doc, operation)
    .filter((e) => e.where !== 'request' && (e.example.value as JsonObject).response)
    .map((e) => ({
      operationId: operation.operationId,
      status: e.where,
      key: e.key,
      example: e.example,
      envelope: (e.example.value as { response: Record<string, string> }).response,
    })),
);

// The seeds' "Test Data" lists, verbatim, per operation.
const seedTestData: Record<string, string[]> = {
  inquireUnregisteredCard: [
    '400 - Card not found',
    '400 - The length of value does not match, cardNo.',
    '400 - Invalid input parameter. cardNo',
    '400 - Card is already registered user',
  ],
  inquireCardVirtualAccount: [
    '200 - 성공 테스트',
    '400 - 입력 파라미터 오류입니다.',
    '400 - 필수 파라미터가 누락되었습니다.',
    '400 - 카드번호를 잘못 입력하였거나 없는 정보입니다.',
    '400 - 매핑된 가상계좌 번호가 없음.',
  ],
};

describe('registry and examples agree', () => {
  it('has response examples and registry entries to compare (read from the bundled spec)', () => {
    expect(responseExamples.length).toBeGreaterThan(0);
    expect(Object.keys(registry).length).toBeGreaterThan(0);
  });

  it.each(responseExamples)('$operationId $status $key: code registered, status and texts match', (e) => {
    const entry = registry[e.envelope.code ?? ''];
    expect(entry, `code ${e.envelope.code}`).toBeDefined();
    expect(String(entry?.httpStatus)).toBe(e.status);
    expect(entry?.operations).toContain(e.operationId);
    const field = e.example['x-error-field'];
    expect(e.envelope.message).toBe(field ? entry?.messageWithField?.replace('{field}', field) : entry?.message);
    expect(e.envelope.description).toBe(entry?.description);
  });

  it.each(Object.entries(registry))(
    '%s has an example in every operation the registry says returns it',
    (code, entry) => {
      for (const operationId of entry.operations) {
        const found = responseExamples.some((e) => e.operationId === operationId && e.envelope.code === code);
        expect(found, `${operationId} has an example for ${code}`).toBe(true);
      }
    },
  );

  it('the published codes are exactly those of the seeds, and the rest are flagged provisional', () => {
    const published = Object.entries(registry).filter(([, e]) => e.status === 'published');
    expect(published.map(([code]) => code).sort()).toEqual(['000_000', '000_002', '000_003', '003_029', '003_067']);
    for (const [code, entry] of Object.entries(registry)) {
      expect(code.includes('_P'), `${code}: a placeholder code is exactly a provisional one`).toBe(
        entry.status === 'provisional',
      );
    }
  });

  it('the generated TypeScript registry is the spec registry', () => {
    expect(Object.keys(errorRegistry)).toEqual(Object.keys(registry));
    for (const [code, entry] of Object.entries(errorRegistry)) {
      expect([entry.httpStatus, entry.message, entry.status]).toEqual([
        registry[code]?.httpStatus,
        registry[code]?.message,
        registry[code]?.status,
      ]);
    }
  });
});

describe('seed Test Data scenarios', () => {
  it.each(Object.entries(seedTestData))('%s has a named example for each', (operationId, labels) => {
    const ours = responseExamples.filter((e) => e.operationId === operationId && e.example['x-seed-test-data']);
    expect(ours.map((e) => e.example['x-seed-test-data']).sort()).toEqual([...labels].sort());
    for (const e of ours) {
      const label = e.example['x-seed-test-data'] ?? '';
      expect(label.startsWith(`${e.status} - `), label).toBe(true);
      // The label is the seed's name for the outcome: its message, or its Korean description.
      const text = label.slice(6);
      expect([e.envelope.message, e.envelope.description]).toContain(text === '성공 테스트' ? '성공' : text);
    }
  });
});

// Derivation runs on Redocly's raw bundle, before anything is filled in.
let raw: OpenApiDocument;
beforeAll(async () => {
  raw = await bundleSpec(specEntry);
});

/** The raw bundle with the virtual-account-not-found example replaced by `value`. */
function docWith(value: unknown, extra: JsonObject = {}): OpenApiDocument {
  const fresh = structuredClone(raw);
  const example = fresh.components.examples.VirtualAccountNotFound as JsonObject;
  example.value = value;
  delete example.summary;
  Object.assign(example, extra);
  return fresh;
}

function problemsOf(d: OpenApiDocument): string[] {
  try {
    deriveBundle(d, registrySchema);
    return [];
  } catch (error) {
    if (error instanceof SpecError) return error.problems;
    throw error;
  }
}

describe('derivation', () => {
  it('derives exactly the committed bundle from the raw one', () => {
    expect(deriveBundle(structuredClone(raw), registrySchema)).toEqual(doc);
  });

  it('fills message, description and summary from the registry', () => {
    const d = docWith({ response: { code: '003_067' } });
    deriveBundle(d, registrySchema);
    const example = d.components.examples.VirtualAccountNotFound as JsonObject;
    expect(example.value).toEqual({
      response: { code: '003_067', message: 'Not found virtual account.', description: '매핑된 가상계좌 번호가 없음.' },
    });
    expect(example.summary).toBe('400 - Not found virtual account.');
  });

  it('names the field when the example says which', () => {
    const d = docWith({ response: { code: '000_002' } }, { 'x-error-field': 'cardNo' });
    deriveBundle(d, registrySchema);
    expect((d.components.examples.VirtualAccountNotFound as JsonObject).value).toMatchObject({
      response: { message: 'Invalid input parameter. cardNo' },
    });
  });

  it.each([
    ['an unregistered code', { response: { code: '003_999' } }, /result code "003_999" is not in the error registry/],
    [
      'a success code under 400',
      { response: { code: '000_000' } },
      /: 000_000 is HTTP 200 in the registry, but the example is under 400/,
    ],
    [
      'a hand-written message',
      { response: { code: '003_067', message: 'Not found virtual account.' } },
      /response\.message is filled from the registry/,
    ],
  ])('refuses %s', (_, value, problem) => {
    expect(problemsOf(docWith(value))).toEqual([expect.stringMatching(problem)]);
  });

  it('refuses a field name for a code with no field template', () => {
    expect(problemsOf(docWith({ response: { code: '003_067' } }, { 'x-error-field': 'cardNo' }))).toEqual([
      expect.stringMatching(/003_067 has no messageWithField template/),
    ]);
  });

  it('refuses a registry entry without its provisional explanation', () => {
    const d = structuredClone(raw);
    delete d['x-error-registry']['003_P01']?.['x-source-conflicts'];
    expect(problemsOf(d)).toEqual([
      expect.stringMatching(/x-error-registry\.003_P01: must have required property 'x-source-conflicts'/),
    ]);
  });

  it('derives which operations return a code from their examples, in the document order', () => {
    const d = structuredClone(raw);
    expect(Object.values(d['x-error-registry']).every((entry) => !('operations' in entry))).toBe(true);
    deriveBundle(d, registrySchema);
    expect(d['x-error-registry']['003_067']?.operations).toEqual(['inquireCardVirtualAccount']);
    expect(d['x-error-registry']['000_000']?.operations).toEqual([
      'inquireUnregisteredCard',
      'inquireCardVirtualAccount',
    ]);
    // A code shown by another operation's example now lists that operation too.
    const e = docWith({ response: { code: '000_P01' } });
    deriveBundle(e, registrySchema);
    expect(e['x-error-registry']['000_P01']?.operations).toContain('inquireCardVirtualAccount');
  });

  it('refuses an operations list written in a code file; a code no operation returns lists none', () => {
    const d = structuredClone(raw);
    Object.assign(d['x-error-registry']['003_067'] as object, { operations: ['inquireCardVirtualAccount'] });
    expect(problemsOf(d)).toEqual([
      "x-error-registry.003_067.operations: derived from the operations' examples; remove it from registry/codes/003_067.yaml",
    ]);
    const e = docWith({ response: { code: '003_029' } });
    deriveBundle(e, registrySchema);
    expect(e['x-error-registry']['003_067']?.operations).toEqual([]);
  });
});

describe('the registry source: one file per code', () => {
  const specDir = dirname(specEntry);

  it('lists each code once, as a $ref to codes/<code>.yaml, and every file in codes/ is listed', async () => {
    const files = await registryEntryFiles(specDir);
    for (const [code, file] of files) expect(relative(specDir, file)).toBe(`registry/codes/${code}.yaml`);
    const onDisk = readdirSync(join(specDir, 'registry/codes')).map((f) => f.replace(/\.yaml$/, ''));
    expect(onDisk.sort()).toEqual([...files.keys()].sort());
    expect([...files.keys()]).toEqual(Object.keys(registry));
  });

  it('refuses an entry written inline in the index, naming the code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kona-registry-'));
    try {
      mkdirSync(join(dir, 'registry'));
      writeFileSync(join(dir, 'registry/error-codes.yaml'), "'000_000':\n  httpStatus: 200\n");
      await expect(registryEntryFiles(dir)).rejects.toThrow(/000_000 must be a \$ref to its own file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Every operation's samples (curl, Node, Python, Java), copied from the generated docs as a partner copies
// them: the fenced blocks of md/<operationId>.md (and ko/md/ when it is generated), and the x-codeSamples
// of both editions' pages. The English page carries the Markdown's samples exactly, the Korean one the same
// code with Korean comments; each distinct copy is run against the strict mock on a free port and must print
// the operation's documented success answer. A wrong secret key gets the refusal printed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDir } from '@konaplate-contract/codegen';
import { examplesOf, headerName, operationsOf, registryOf } from '@konaplate-contract/contract';
import { environmentVariables } from '@konaplate-contract/contract/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from './support/bundle.ts';
import {
  commentsOf,
  docsFile,
  fencedBlocks,
  java,
  pageSamples,
  python,
  runSample,
  sampleTimeout,
  strictMock,
  titled,
  withoutComments,
} from './support/samples.ts';

const doc = loadBundle();
const secret = 'samples-test-only-secret';
const settings = {
  [environmentVariables.aspId]: 'KMASP0000000001',
  [environmentVariables.accessKey]: 'sandbox-access-key-not-a-real-key-000001',
  [environmentVariables.secretKey]: secret,
};
const fences = { Shell: 'bash', TypeScript: 'ts', Python: 'python', Java: 'java' } as Record<string, string>;
const hangul = /[\uAC00-\uD7A3]/;

/** The fenced blocks of a page's last section (its samples: "## Samples", in Korean "## 예제 코드"), by fence. */
function markdownSamples(path: string): Record<string, string> {
  const page = docsFile(path);
  const section = page.slice(page.lastIndexOf('\n## '));
  return Object.fromEntries(fencedBlocks(section).map((b) => [b.fence, b.source]));
}

const pages = { en: pageSamples(docsFile('index.html')), ko: pageSamples(docsFile('ko/index.html')) };
const operations = operationsOf(doc).map(({ operation }) => {
  const id = operation.operationId;
  const koMarkdown = join(generatedDir, 'docs/ko/md', `${id}.md`);
  return {
    operationId: id,
    markdown: markdownSamples(`md/${id}.md`),
    koMarkdown: existsSync(koMarkdown) ? markdownSamples(`ko/md/${id}.md`) : undefined,
    en: pages.en.get(id) ?? [],
    ko: pages.ko.get(id) ?? [],
    success: examplesOf(doc, operation).find((e) => e.where === '200' && e.key === 'success')?.example.value,
  };
});

/** Each distinct copy to run: the English Markdown's (the English page's are the same) and the Korean page's. */
const runs = operations.flatMap((op) =>
  (['en', 'ko'] as const).flatMap((edition) =>
    op[edition].map((sample) => ({
      operationId: op.operationId,
      edition,
      label: sample.label,
      fence: fences[sample.lang] ?? sample.lang,
      source: sample.source,
      success: op.success,
    })),
  ),
);
const toolOf = (fence: string) => (fence === 'python' ? python : fence === 'java' ? java : { ok: true, reason: '' });

let mock: Awaited<ReturnType<typeof strictMock>>;
let baseUrl: string;
beforeAll(async () => {
  mock = await strictMock(secret);
  baseUrl = mock.baseUrl;
});
afterAll(async () => {
  await mock?.close();
});

it('has operations, pages and samples to check (read from the bundle and the generated docs)', () => {
  expect(operations.length).toBeGreaterThan(0);
  for (const op of operations) {
    expect(op.success, op.operationId).toBeDefined();
    expect(Object.keys(op.markdown), op.operationId).toEqual(['bash', 'ts', 'python', 'java']);
    if (op.koMarkdown) expect(Object.keys(op.koMarkdown), op.operationId).toEqual(['bash', 'ts', 'python', 'java']);
  }
  expect(runs.length).toBe(operations.length * 8);
});

describe.each(operations)('$operationId: the copies agree', (op) => {
  it('the English page carries the Markdown page’s samples exactly: curl, Node, Python, Java', () => {
    expect(op.en.map((s) => s.label)).toEqual(['curl', 'Node', 'Python', 'Java']);
    expect(Object.fromEntries(op.en.map((s) => [fences[s.lang], s.source.replace(/\n*$/, '\n')]))).toEqual(op.markdown);
  });

  it('the Korean page carries the same code, its comments in Korean', () => {
    expect(op.ko.map((s) => s.label)).toEqual(op.en.map((s) => s.label));
    for (const [i, sample] of op.ko.entries()) {
      const english = op.en[i]?.source ?? '';
      expect(withoutComments(sample.source), sample.label).toBe(withoutComments(english));
      expect(commentsOf(sample.source), sample.label).toMatch(hangul);
      expect(commentsOf(sample.source), sample.label).not.toBe(commentsOf(english));
    }
  });

  const koMarkdown = {
    ok: op.koMarkdown !== undefined,
    reason: `generated/docs/ko/md/${op.operationId}.md is not generated`,
  };
  it.skipIf(!koMarkdown.ok)(titled('the Korean Markdown page carries the Korean page’s samples', koMarkdown), () => {
    expect(Object.fromEntries(op.ko.map((s) => [fences[s.lang], s.source.replace(/\n*$/, '\n')]))).toEqual(
      op.koMarkdown,
    );
  });
});

describe.concurrent.each(runs)('$operationId, $edition page: $label', (run) => {
  const tool = toolOf(run.fence);
  it.skipIf(!tool.ok)(
    titled('runs against the strict mock and prints the documented success answer', tool),
    async () => {
      const { code, stdout, stderr } = await runSample(run.fence, run.source, {
        ...settings,
        [environmentVariables.baseUrl]: baseUrl,
      });
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(JSON.parse(stdout)).toEqual(run.success);
    },
    sampleTimeout,
  );
});

describe.concurrent.each(runs.filter((r) => r.edition === 'en' && r.fence === 'python'))(
  '$operationId: $label with a wrong secret key',
  (run) => {
    const tool = toolOf(run.fence);
    it.skipIf(!tool.ok)(
      titled("prints the mock's refusal of the token, as JSON", tool),
      async () => {
        const { code, stdout } = await runSample(run.fence, run.source, {
          ...settings,
          [environmentVariables.secretKey]: 'not-the-secret',
          [environmentVariables.baseUrl]: baseUrl,
        });
        const answer = JSON.parse(stdout) as { response: { code: string; message: string } };
        expect(code).toBe(0);
        expect(registryOf(doc)[answer.response.code]?.httpStatus).toBe(400);
        expect(answer.response.message.endsWith(headerName(doc, 'tranToken'))).toBe(true);
      },
      sampleTimeout,
    );
  },
);

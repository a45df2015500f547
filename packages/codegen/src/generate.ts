// Generation: the bundle, then every target in turn (one module each under targets/), then the index of
// generated/. Writes nothing itself; writeGenerated replaces generated/ with the files.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildBundle } from './build.ts';
import { downloadPaths } from './downloads.ts';
import { mockScenarios } from './mock-scenarios.ts';
import type { GeneratedFile, Target } from './target.ts';
import { bundleTarget } from './targets/bundle.ts';
import { clientContractTarget } from './targets/client-contract.ts';
import { docsTarget } from './targets/docs.ts';
import { errorCodesTarget } from './targets/error-codes.ts';
import { llmsTarget } from './targets/llms.ts';
import { mockScenariosTarget } from './targets/mock-scenarios.ts';
import { typesTarget } from './targets/openapi-types.ts';
import { pdfTarget } from './targets/pdf.ts';
import { postmanTarget } from './targets/postman.ts';
import { qaQuickStartTarget } from './targets/qa-quick-start.ts';
import { readmeOperationsTarget } from './targets/readme-operations.ts';
import { testKeysTarget } from './targets/test-keys.ts';

/** Every target, in the order they run. */
export const targets: readonly Target[] = [
  bundleTarget,
  typesTarget,
  errorCodesTarget,
  mockScenariosTarget,
  clientContractTarget,
  docsTarget,
  postmanTarget,
  llmsTarget,
  pdfTarget,
  readmeOperationsTarget,
  qaQuickStartTarget,
  testKeysTarget,
];

/** Runs every generator from the spec (or a copy of it, by its entry file); returns the files, in a stable order. Writes nothing. */
export async function generateAll(entry?: string): Promise<GeneratedFile[]> {
  return (await generateEverything(entry)).files;
}

/**
 * generateAll's files under generated/, and `outside`: the files beyond it
 * whose generated region is rewritten (paths relative to the repository root).
 */
export async function generateEverything(
  entry?: string,
): Promise<{ files: GeneratedFile[]; outside: Array<GeneratedFile & { content: string }> }> {
  const doc = await buildBundle(entry);
  const context = { scenarios: mockScenarios(doc) };
  const results = await Promise.all(
    targets.map(async (target) => ({ target, files: await target.files(doc, context) })),
  );
  const files = results.filter((r) => r.target.kind === 'generated').flatMap((r) => r.files);
  const outside = results
    .filter((r) => r.target.kind === 'region')
    .flatMap((r) => r.files)
    .map((f) => {
      if (typeof f.content !== 'string') throw new Error(`${f.path}: a generated region is text`);
      return { path: f.path, content: f.content };
    });
  files.push(readmeFile([...files.map((f) => f.path), ...downloadPaths()]));
  return { files: files.sort((a, b) => a.path.localeCompare(b.path)), outside };
}

/** generated/README.md: what generated/ is, and every file in it (the downloads too, packed after the rest). */
export function readmeFile(paths: string[]): GeneratedFile {
  const list = [...paths, 'README.md']
    .sort()
    .map((p) => `- \`${p}\``)
    .join('\n');
  return {
    path: 'README.md',
    content: `# generated/

Everything here is derived from \`spec/\` by \`pnpm generate\`, committed so that
consumers can read it without a build, and never edited by hand:
\`pnpm check:drift\` (part of \`pnpm test\`) fails when it differs from a fresh
generation. Change the spec, then run \`pnpm generate\`.

${list}
`,
  };
}
/** Replaces the contents of `outDir` with `files`, so a target that is gone leaves no stale file. */
export async function writeGenerated(outDir: string, files: GeneratedFile[]): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  for (const file of files) {
    const target = join(outDir, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
}

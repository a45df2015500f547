// `pnpm docs`: only the partner docs folder, generated/docs/, from the spec (also part of `pnpm generate`).

import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  buildBundle,
  committedDownloads,
  docsSiteFiles,
  downloadFiles,
  downloadsDir,
  generatedDir,
  mockScenarios,
  SpecError,
} from '@konaplate-contract/codegen';

/** Rebuilds generated/docs/ (nothing stale left in it; the downloads kept, or packed when out of date); returns the files written. */
export async function buildDocs(): Promise<string[]> {
  const doc = await buildBundle();
  const previous = await committedDownloads();
  const files = await docsSiteFiles(doc, mockScenarios(doc));
  await rm(join(generatedDir, 'docs'), { recursive: true, force: true });
  const downloads = await downloadFiles(previous, { build: true });
  files.push(...downloads.files.filter((f) => f.path.startsWith(`${downloadsDir}/`)));
  for (const file of files) {
    const target = join(generatedDir, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  return files.map((f) => f.path);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const started = performance.now();
    const files = await buildDocs();
    console.log(`built generated/docs/ (${files.length} files) in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    console.error(error instanceof SpecError ? error.message : `docs failed: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

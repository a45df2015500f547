import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { docsSiteFiles } from './docs-site.ts';
import { mockScenarios } from './mock-scenarios.ts';
import type { GeneratedFile } from './targets.ts';
import {
  buildBundle,
  bundleFiles,
  clientFiles,
  errorCodeFiles,
  mockFiles,
  outsideFiles,
  readmeFile,
  typeFiles,
} from './targets.ts';

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
): Promise<{ files: GeneratedFile[]; outside: GeneratedFile[] }> {
  const doc = await buildBundle(entry);
  const files = [
    ...bundleFiles(doc),
    ...(await typeFiles(doc)),
    ...errorCodeFiles(doc),
    ...mockFiles(doc),
    ...clientFiles(doc),
    ...(await docsSiteFiles(doc, mockScenarios(doc))),
  ];
  files.push(readmeFile(files));
  return { files: files.sort((a, b) => a.path.localeCompare(b.path)), outside: await outsideFiles(doc) };
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

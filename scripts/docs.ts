// `pnpm docs`: only the docs page, from the spec (also part of `pnpm generate`).

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SpecError } from './lib/derive.ts';
import { docsHtml, docsSpec } from './lib/docs.ts';
import { mockScenarios } from './lib/mock-scenarios.ts';
import { generatedDir } from './lib/paths.ts';
import { buildBundle } from './lib/targets.ts';

/** Builds generated/docs/index.html; returns its path. */
export async function buildDocs(): Promise<string> {
  const doc = await buildBundle();
  const target = join(generatedDir, 'docs/index.html');
  await mkdir(join(generatedDir, 'docs'), { recursive: true });
  await writeFile(target, await docsHtml(docsSpec(doc, mockScenarios(doc))));
  return target;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(`built ${await buildDocs()}`);
  } catch (error) {
    console.error(error instanceof SpecError ? error.message : `docs failed: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

// `pnpm generate`: every generator from the spec, in one go, writing under generated/ (and the
// generated regions of files outside it, such as the QA quick start in the mock README).
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { generatedDir, generateEverything, repoRoot, SpecError, writeGenerated } from '@konaplate-contract/codegen';

const started = performance.now();
try {
  const { files, outside } = await generateEverything();
  await writeGenerated(generatedDir, files);
  for (const f of outside) {
    await writeFile(`${repoRoot}${f.path}`, f.content);
    console.log(`  ${`${f.path} (generated region)`.padEnd(36)} ${Buffer.byteLength(f.content)} bytes`);
  }
  for (const f of files) {
    console.log(
      `  ${relative(repoRoot, `${generatedDir}/${f.path}`).padEnd(36)} ${Buffer.byteLength(f.content)} bytes`,
    );
  }
  console.log(`generated ${files.length} files in ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  console.error(error instanceof SpecError ? error.message : `generate failed: ${(error as Error).message}`);
  process.exitCode = 1;
}

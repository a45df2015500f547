// `pnpm generate`: every generator from the spec, in one go, writing under generated/ (and the
// generated regions of files outside it, such as the QA quick start in the mock README); then the
// packages as downloads in the docs folder, packed only when what they are built from changed
// (`--repack` packs them all again).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import {
  committedDownloads,
  downloadFiles,
  generatedDir,
  generateEverything,
  repoRoot,
  SpecError,
  writeGenerated,
} from '@konaplate-contract/codegen';

// One flag: --repack. Anything else is one line and exit 2, not silently ignored.
const unknown = process.argv.slice(2).filter((arg) => arg !== '--repack');
if (unknown.length > 0) {
  console.error(`generate: unknown argument ${unknown[0]} (the only flag is --repack: pack the downloads again)`);
  process.exit(2);
}

const started = performance.now();
const size = (content: string | Uint8Array) =>
  typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
try {
  const previous = await committedDownloads();
  const { files, outside } = await generateEverything();
  await writeGenerated(generatedDir, files);
  for (const f of outside) {
    await writeFile(`${repoRoot}${f.path}`, f.content);
    console.log(`  ${`${f.path} (generated region)`.padEnd(36)} ${size(f.content)} bytes`);
  }
  const downloads = await downloadFiles(previous, { build: true, force: process.argv.includes('--repack') });
  for (const f of downloads.files) {
    await mkdir(dirname(join(generatedDir, f.path)), { recursive: true });
    await writeFile(join(generatedDir, f.path), f.content);
  }
  for (const f of [...files, ...downloads.files].sort((a, b) => a.path.localeCompare(b.path))) {
    const packed = downloads.built.some((file) => f.path.endsWith(`/${file}`)) ? ' (packed now)' : '';
    console.log(`  ${relative(repoRoot, `${generatedDir}/${f.path}`).padEnd(36)} ${size(f.content)} bytes${packed}`);
  }
  console.log(
    `generated ${files.length + downloads.files.length} files in ${Math.round(performance.now() - started)} ms` +
      (downloads.built.length ? ` (${downloads.built.length} package(s) packed)` : ''),
  );
} catch (error) {
  console.error(error instanceof SpecError ? error.message : `generate failed: ${(error as Error).message}`);
  process.exitCode = 1;
}

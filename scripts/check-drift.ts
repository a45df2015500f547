// `pnpm check:drift`: fails when committed generated/ differs from a fresh generation.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  committedDownloads,
  downloadFiles,
  generatedDir,
  generateEverything,
  repoRoot,
  SpecError,
} from '@konaplate-contract/codegen';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

// A spec that does not generate (or a README without its region markers) is one message, not a stack.
const { files, outside } = await generateEverything().catch((error: Error) => {
  console.error(error instanceof SpecError ? error.message : `check:drift: ${error.message}`);
  process.exit(1);
});
// The downloads: a tarball whose inputs changed since it was packed is out of date (packing takes seconds,
// so this checks the record of its inputs; the packaging tests pack them all and compare the bytes).
const downloads = await downloadFiles(await committedDownloads(), { build: false });
const fresh = new Map([...files, ...downloads.files].map((f) => [f.path, f.content]));
const committed = await listFiles(generatedDir);
const problems: string[] = downloads.outdated.map(
  (path) => `differs: generated/${path} (what it is built from changed since it was packed)`,
);
for (const [path, content] of fresh) {
  const current = await readFile(join(generatedDir, path)).catch(() => undefined);
  if (current === undefined) problems.push(`missing: generated/${path}`);
  else if (typeof content !== 'string') {
    // A binary file (the PDFs): byte for byte.
    if (!current.equals(content)) problems.push(`differs: generated/${path} (binary)`);
  } else if (current.toString('utf8') !== content) {
    const a = current.toString('utf8').split('\n');
    const b = content.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]) + 1;
    problems.push(`differs: generated/${path} (first at line ${line})`);
  }
}
for (const path of committed)
  if (!fresh.has(path) && !downloads.outdated.includes(path))
    problems.push(`stale: generated/${path} is no longer generated`);
for (const { path, content } of outside) {
  if ((await readFile(join(repoRoot, path), 'utf8').catch(() => undefined)) !== content)
    problems.push(`differs: the generated region of ${path}`);
}

if (problems.length > 0) {
  console.error(`generated/ is out of date with spec/:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  console.error('Run `pnpm generate` and commit the result.');
  process.exitCode = 1;
} else {
  console.log(
    `generated/ matches a fresh generation (${fresh.size} files, ${outside.length} generated region(s) outside it)`,
  );
}

// Printed by `pnpm start` after generation: what the contract holds and what was produced.
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { generatedDir, loadBundleFile, repoRoot } from '@konaplate-contract/codegen';
import { examplesOf, operationsOf, registryOf } from '@konaplate-contract/contract';

const doc = loadBundleFile();
const info = doc.info as { title: string; version: string };
console.log(`\n${info.title} ${info.version}\n`);
for (const { method, path, operation } of operationsOf(doc)) {
  const examples = examplesOf(doc, operation).filter((e) => e.where !== 'request');
  console.log(`  ${method.toUpperCase()} ${path}  (${operation.operationId})`);
  for (const e of examples) console.log(`      ${e.where}  ${e.key.padEnd(30)} ${e.example.summary ?? ''}`);
}
console.log('\n  Error registry:');
for (const [code, entry] of Object.entries(registryOf(doc))) {
  const flag = entry.status === 'provisional' ? '  [provisional]' : '';
  console.log(`      ${code}  HTTP ${entry.httpStatus}  ${entry.message}${flag}`);
}
console.log('\n  Produced:');
for (const entry of await readdir(generatedDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const file = join(entry.parentPath, entry.name);
  console.log(`      ${relative(repoRoot, file).padEnd(36)} ${(await stat(file)).size} bytes`);
}

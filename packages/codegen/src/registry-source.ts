// The error-code registry as it is written in spec/: an index (registry/error-codes.yaml, the
// file `x-error-registry` references) mapping each code to its own file, `$ref: codes/<code>.yaml`.
// For tools that grow a copy of the spec (tests, bench/scale.ts): which file holds a code, and
// listing one more operation under codes.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { SpecError } from '@konaplate-contract/contract';
import { parse, parseDocument } from 'yaml';

/** The index file of the registry under a spec folder. */
const registryIndexPath = (specDir: string) => resolve(specDir, 'registry/error-codes.yaml');

/** Each code of the registry under `specDir`, with the path of the file that holds its entry, in the index's order. */
export async function registryEntryFiles(specDir: string): Promise<Map<string, string>> {
  const index = registryIndexPath(specDir);
  const entries = parse(await readFile(index, 'utf8')) as Record<string, { $ref?: unknown }> | null;
  const files = new Map<string, string>();
  for (const [code, entry] of Object.entries(entries ?? {})) {
    if (typeof entry?.$ref !== 'string')
      throw new SpecError([`registry/error-codes.yaml: ${code} must be a $ref to its own file (codes/${code}.yaml)`]);
    files.set(code, resolve(dirname(index), entry.$ref));
  }
  return files;
}

/** Adds `operationId` to the `operations` of each code (those it already lists are left as they are). */
export async function addOperationToCodes(
  specDir: string,
  operationId: string,
  codes: Iterable<string>,
): Promise<void> {
  const files = await registryEntryFiles(specDir);
  for (const code of codes) {
    const file = files.get(code);
    if (!file) throw new SpecError([`registry/error-codes.yaml has no code ${code}`]);
    const doc = parseDocument(await readFile(file, 'utf8'));
    const list = doc.get('operations') as { toJSON(): string[]; add(value: string): void };
    if (!list.toJSON().includes(operationId)) list.add(operationId);
    await writeFile(file, doc.toString());
  }
}

/** The operations each code lists, by code. */
export async function operationsByCode(specDir: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const [code, file] of await registryEntryFiles(specDir)) {
    const entry = parse(await readFile(file, 'utf8')) as { operations?: string[] };
    out.set(code, entry.operations ?? []);
  }
  return out;
}

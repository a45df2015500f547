// The error-code registry as it is written in spec/: an index (registry/error-codes.yaml, the
// file `x-error-registry` references) mapping each code to its own file, `$ref: codes/<code>.yaml`.
// For tools that read a copy of the spec (tests): which file holds a code. (Which operations return a
// code is not written here: generation derives it from the operations' examples.)
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { SpecError } from '@konaplate-contract/contract';
import { parse } from 'yaml';

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

// The contract the mock serves, read from disk: the bundled spec and the scenario table, both from
// generated/. What the spec says is asked of @konaplate-contract/contract; this file only reads the files.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OpenApiDocument } from '@konaplate-contract/contract';
import type { MockScenarios } from './scenarios.ts';

/** What the mock serves: the bundled spec and the scenario table, both from generated/. */
export interface Contract {
  spec: OpenApiDocument;
  scenarios: MockScenarios;
}

/**
 * Where the contract is read from by default: the copy the build puts beside
 * the bundled code (dist/contract/, in the published package), otherwise the
 * repository's generated/ (running from source).
 */
const packagedDir = new URL('./contract/', import.meta.url);
export const defaultGeneratedDir = existsSync(new URL('openapi.json', packagedDir))
  ? packagedDir
  : new URL('../../../generated/', import.meta.url);

export function loadContract(generatedDir: URL | string = defaultGeneratedDir): Contract {
  const base = typeof generatedDir === 'string' ? pathToFileURL(`${resolve(generatedDir)}/`) : generatedDir;
  const read = (file: string) => {
    try {
      return JSON.parse(readFileSync(new URL(file, base), 'utf8'));
    } catch (error) {
      throw new Error(
        `cannot read ${new URL(file, base).pathname} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): point --generated-dir at a folder with openapi.json and mock/scenarios.json, or run \`pnpm generate\` in the repository`,
      );
    }
  };
  return { spec: read('openapi.json'), scenarios: read('mock/scenarios.json') };
}

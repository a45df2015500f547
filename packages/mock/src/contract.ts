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

/** The bytes each spec was read from, by the parsed spec (so a contract with another spec never gets them). */
const texts = new WeakMap<object, string>();

/** The bundled spec as served at /__konaplate/openapi.json: the bytes it was read from, else serialized. */
export function specTextOf(contract: Contract): string {
  return texts.get(contract.spec) ?? JSON.stringify(contract.spec);
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
      return readFileSync(new URL(file, base), 'utf8');
    } catch (error) {
      throw new Error(
        `cannot read ${new URL(file, base).pathname} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): point --generated-dir at a folder with openapi.json and mock/scenarios.json, or run \`pnpm generate\` in the repository`,
      );
    }
  };
  const specText = read('openapi.json');
  const parse = (file: string, text: string) => {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Error(
        `cannot read ${new URL(file, base).pathname} (not JSON: ${(error as Error).message}): point --generated-dir at a folder with openapi.json and mock/scenarios.json, or run \`pnpm generate\` in the repository`,
      );
    }
  };
  const spec = parse('openapi.json', specText);
  texts.set(spec, specText);
  return { spec, scenarios: parse('mock/scenarios.json', read('mock/scenarios.json')) };
}

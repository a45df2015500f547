import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MockScenarios } from './scenarios.ts';

/** What the mock serves: the bundled spec and the scenario table, both from generated/. */
export interface Contract {
  spec: Record<string, unknown> & { 'x-error-registry': Registry };
  scenarios: MockScenarios;
}

export type Registry = Record<
  string,
  { httpStatus: number; message: string; messageWithField?: string; description: string; status: string }
>;

/**
 * The registry's codes for the refusals the mock makes beyond schema validation (a body that is not JSON, a
 * bad Prefer option, a bad token, an unknown path): the code of an invalid value (the `type` keyword's) and
 * of a missing one (`required`'s), from the scenario table generated from the registry's validationKeywords.
 */
export function refusalCodes(contract: Contract): { invalid: string; missing: string } {
  const { type: invalid, required: missing } = contract.scenarios.validationCodes;
  if (!invalid || !missing)
    throw new Error(
      "the error registry must give codes for the 'type' and 'required' validation keywords (validationKeywords)",
    );
  return { invalid, missing };
}

/**
 * How far X-KM-Tran-Time may be from the clock, in seconds: the contract's assumption, `x-time-window-seconds`
 * on the header parameter that carries it (undefined when the spec gives none).
 */
export function timeWindowOf(contract: Contract): number | undefined {
  const parameters = (contract.spec.components as { parameters?: Record<string, Record<string, unknown>> }).parameters;
  const window = Object.values(parameters ?? {}).find((p) => typeof p['x-time-window-seconds'] === 'number');
  return window?.['x-time-window-seconds'] as number | undefined;
}

/** The field that makes a body the encrypted envelope (`encData`): the one required field of `EncryptedEnvelope`. */
export function envelopeFieldOf(contract: Contract): string {
  const schemas = (contract.spec.components as { schemas: Record<string, { required?: string[] }> }).schemas;
  const field = schemas.EncryptedEnvelope?.required?.[0];
  if (!field) throw new Error('the spec has no EncryptedEnvelope schema with its required field (encData)');
  return field;
}

/** The headers the mock reads or writes itself, named by what fills them (the parameter's `x-value`). */
export interface HeaderNames {
  timeZone: string;
  cryptoKeyId: string;
  correlationId: string;
  tranTime: string;
  tranToken: string;
}

/** The names of the headers the mock works with, from the spec's `x-value`s; a spec without one of them cannot be served. */
export function headerNamesOf(contract: Contract): HeaderNames {
  const parameters = (contract.spec.components as { parameters?: Record<string, Record<string, unknown>> }).parameters;
  const bySource = new Map<string, string>();
  for (const p of Object.values(parameters ?? {}))
    if (p.in === 'header' && typeof p['x-value'] === 'string') bySource.set(p['x-value'], String(p.name));
  const name = (source: keyof HeaderNames): string => {
    const found = bySource.get(source);
    if (found === undefined) throw new Error(`the spec names no header for ${source} (x-value on a header parameter)`);
    return found;
  };
  return {
    timeZone: name('timeZone'),
    cryptoKeyId: name('cryptoKeyId'),
    correlationId: name('correlationId'),
    tranTime: name('tranTime'),
    tranToken: name('tranToken'),
  };
}

/** The zones the spec lets the mock read X-KM-Tran-Time in (`x-utc-offsets` on TimeZone). */
export function utcOffsetsOf(contract: Contract): Record<string, number> {
  const schemas = (contract.spec.components as { schemas: Record<string, Record<string, unknown>> }).schemas;
  return (schemas.TimeZone?.['x-utc-offsets'] ?? {}) as Record<string, number>;
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

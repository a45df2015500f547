import { readFileSync } from 'node:fs';
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

/** The zones the spec lets the mock read X-KM-Tran-Time in (`x-utc-offsets` on TimeZone). */
export function utcOffsetsOf(contract: Contract): Record<string, number> {
  const schemas = (contract.spec.components as { schemas: Record<string, Record<string, unknown>> }).schemas;
  return (schemas.TimeZone?.['x-utc-offsets'] ?? {}) as Record<string, number>;
}

export const defaultGeneratedDir = new URL('../../../generated/', import.meta.url);

export function loadContract(generatedDir: URL | string = defaultGeneratedDir): Contract {
  const base = typeof generatedDir === 'string' ? new URL(`file://${generatedDir.replace(/\/?$/, '/')}`) : generatedDir;
  const read = (file: string) => {
    try {
      return JSON.parse(readFileSync(new URL(file, base), 'utf8'));
    } catch (error) {
      throw new Error(
        `cannot read ${new URL(file, base).pathname}: run \`pnpm generate\` first (${(error as Error).message})`,
      );
    }
  };
  return { spec: read('openapi.json'), scenarios: read('mock/scenarios.json') };
}

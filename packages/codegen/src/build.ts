// The start of generation: spec/ bundled by Redocly, then every derivation applied (registry texts,
// operations by code, accepted zones, source-conflict paragraphs).
import { readFile } from 'node:fs/promises';
import type { JsonObject, OpenApiDocument } from '@konaplate-contract/contract';
import { type DeriveOptions, deriveBundle } from './derive.ts';
import { registrySchemaPath, specEntry } from './paths.ts';
import { bundleSpec } from './redocly.ts';

/** The bundled spec with everything derived from the registry filled in. */
export async function buildBundle(entry = specEntry, options: DeriveOptions = {}): Promise<OpenApiDocument> {
  const registrySchema = JSON.parse(await readFile(registrySchemaPath, 'utf8')) as JsonObject;
  return deriveBundle(await bundleSpec(entry), registrySchema, options);
}

import { readFileSync } from 'node:fs';
import type { OpenApiDocument } from '@konaplate-contract/contract';
import { generatedDir } from './paths.ts';

/** The committed bundle, generated/openapi.json. */
export function loadBundleFile(): OpenApiDocument {
  return JSON.parse(readFileSync(`${generatedDir}/openapi.json`, 'utf8')) as OpenApiDocument;
}

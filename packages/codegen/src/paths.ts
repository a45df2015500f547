import { fileURLToPath } from 'node:url';

/** Repository root, resolved from this file so scripts work from any cwd. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const specEntry = `${repoRoot}spec/openapi.yaml`;
export const registrySchemaPath = `${repoRoot}spec/registry/error-codes.schema.json`;
export const generatedDir = `${repoRoot}generated`;

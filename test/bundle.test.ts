// The bundle is a valid OpenAPI 3.1 document by an independent validator, the
// source never puts siblings beside a $ref, and generation is deterministic.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateAll, generatedDir, repoRoot } from '@konaplate-contract/codegen';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadBundle } from './support/bundle.ts';

describe('bundle validity', () => {
  it('is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)', async () => {
    const result = await new Validator().validate(loadBundle() as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the validator rejects a broken document', async () => {
    const broken = loadBundle() as Record<string, unknown>;
    (broken.paths as Record<string, unknown>)['/api/v1/unregister/card/info'] = { post: { responses: 'none' } };
    expect((await new Validator().validate(broken as never)).valid).toBe(false);
  });

  it('declares OpenAPI 3.1 with the JSON Schema 2020-12 dialect', () => {
    const doc = loadBundle();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('the changelog has an entry for info.version, newest first', () => {
    const doc = loadBundle();
    const entries = doc['x-changelog'] as Array<{ version: string; date: string; changes: string[] }>;
    expect(entries[0]?.version).toBe((doc.info as { version: string }).version);
    for (const entry of entries) {
      expect(entry.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.changes.length).toBeGreaterThan(0);
    }
  });

  it('the YAML and JSON bundles are the same document', () => {
    const yaml = parse(readFileSync(join(generatedDir, 'openapi.yaml'), 'utf8'));
    expect(yaml).toEqual(loadBundle());
  });
});

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => join(e.parentPath, e.name));
}

function refsWithSiblings(node: unknown, path: string, found: string[]): string[] {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) refsWithSiblings(item, `${path}/${i}`, found);
  } else if (node && typeof node === 'object') {
    const keys = Object.keys(node);
    if (keys.includes('$ref') && keys.length > 1)
      found.push(`${path} has ${keys.filter((k) => k !== '$ref').join(', ')} beside $ref`);
    for (const [key, value] of Object.entries(node)) refsWithSiblings(value, `${path}/${key}`, found);
  }
  return found;
}

describe('source rules', () => {
  const files = yamlFiles(join(repoRoot, 'spec'));

  it('has YAML files under spec/ to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => relative(repoRoot, f)))('%s puts nothing beside a $ref (use allOf)', (file) => {
    const doc = parse(readFileSync(join(repoRoot, file), 'utf8'));
    expect(refsWithSiblings(doc, '#', [])).toEqual([]);
  });

  it('the check finds a sibling beside a $ref', () => {
    expect(refsWithSiblings({ a: { $ref: './X.yaml', maxLength: 3 } }, '#', [])).toEqual([
      '#/a has maxLength beside $ref',
    ]);
  });

  it('keeps every source file small (one thing per file)', () => {
    const large = files.filter((f) => readFileSync(f).byteLength > 8 * 1024).map((f) => relative(repoRoot, f));
    expect(large).toEqual([]);
  });
});

describe('generation', () => {
  // Two whole generations (Redocly's bundle and docs build each time): a deadline for a loaded machine.
  it('is deterministic: two runs give the same bytes', { timeout: 120_000 }, async () => {
    const [a, b] = [await generateAll(), await generateAll()];
    expect(b).toEqual(a);
  });
});

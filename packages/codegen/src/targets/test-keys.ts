// Target: the TEST-ONLY key files the spec names (on EncryptedEnvelope, read by testKeysOf), copied into the docs
// folder at the same relative path (generated/docs/keys/…), so the encryption guide links them and the mock
// answers to them. Each must open with a TEST-ONLY comment line and hold the PEM block its role needs.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OpenApiDocument } from '@konaplate-contract/contract';
import { SpecError, testKeysOf } from '@konaplate-contract/contract';
import { pemBlock } from '@konaplate-contract/contract/protocol';
import { specEntry } from '../paths.ts';
import type { GeneratedFile, Target } from '../target.ts';

export async function testKeyFiles(doc: OpenApiDocument): Promise<GeneratedFile[]> {
  const keys = testKeysOf(doc);
  const problems: string[] = [];
  const files = await Promise.all(
    Object.entries(keys).map(async ([role, path]) => {
      const content = await readFile(join(dirname(specEntry), path), 'utf8').catch(() => {
        problems.push(`spec/${path} (${role}) does not exist`);
        return '';
      });
      if (content && !content.startsWith('# TEST-ONLY'))
        problems.push(`spec/${path} must start with a "# TEST-ONLY" comment line`);
      if (content && !pemBlock(content, role.endsWith('PublicKey') ? 'PUBLIC KEY' : 'PRIVATE KEY'))
        problems.push(`spec/${path} holds no ${role.endsWith('PublicKey') ? 'SPKI' : 'PKCS#8'} PEM block`);
      return { path: `docs/${path}`, content };
    }),
  );
  if (problems.length > 0) throw new SpecError(problems);
  return files;
}

export const testKeysTarget: Target = { name: 'test-keys', kind: 'generated', files: testKeyFiles };

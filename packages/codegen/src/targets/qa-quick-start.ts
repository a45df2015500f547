// Target: the QA quick start in packages/mock/README.md (its generated region).
import type { OpenApiDocument } from '@konaplate-contract/contract';
import { mockReadme, quickStartReadme } from '../qa-quick-start.ts';
import type { GeneratedFile, Target } from '../target.ts';

/** packages/mock/README.md with its QA quick-start region from the spec. */
export async function qaQuickStartFiles(doc: OpenApiDocument): Promise<GeneratedFile[]> {
  return [{ path: mockReadme.path, content: await quickStartReadme(doc) }];
}

export const qaQuickStartTarget: Target = { name: 'QA quick start', kind: 'region', files: qaQuickStartFiles };

// Target: llms.txt and one Markdown page per operation and guide, for coding agents (generated/docs/).
import type { OpenApiDocument } from '@konaplate-contract/contract';
import { llmsFiles } from '../llms.ts';
import type { GeneratedFile, Target, TargetContext } from '../target.ts';

export function llmsTargetFiles(doc: OpenApiDocument, { scenarios }: TargetContext): GeneratedFile[] {
  return llmsFiles(doc, scenarios).map((f) => ({ path: `docs/${f.path}`, content: f.content }));
}

export const llmsTarget: Target = { name: 'llms', kind: 'generated', files: llmsTargetFiles };

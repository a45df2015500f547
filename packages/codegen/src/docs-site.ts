// Everything under generated/docs/: the docs, Postman and llms targets together (the two editions, the
// downloads beside them, and the Markdown for coding agents), for the docs-only build and the tests.
import type { MockScenarios, OpenApiDocument } from '@konaplate-contract/contract';
import type { GeneratedFile } from './target.ts';
import { docsFiles } from './targets/docs.ts';
import { llmsTargetFiles } from './targets/llms.ts';
import { postmanFiles } from './targets/postman.ts';

/** The docs folder's files, paths relative to generated/. */
export async function docsSiteFiles(bundle: OpenApiDocument, scenarios: MockScenarios): Promise<GeneratedFile[]> {
  const context = { scenarios };
  return [...(await docsFiles(bundle, context)), ...postmanFiles(bundle, context), ...llmsTargetFiles(bundle, context)];
}

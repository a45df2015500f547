// Everything under generated/docs/: the docs, Postman, llms, pdf and test-keys targets together (the two
// editions, the downloads beside them, the Markdown for coding agents, the printable PDFs, the TEST-ONLY key
// files), for the docs-only build and the tests.
import type { MockScenarios, OpenApiDocument } from '@konaplate-contract/contract';
import type { GeneratedFile } from './target.ts';
import { docsFiles } from './targets/docs.ts';
import { llmsTargetFiles } from './targets/llms.ts';
import { pdfFiles } from './targets/pdf.ts';
import { postmanFiles } from './targets/postman.ts';
import { testKeyFiles } from './targets/test-keys.ts';

/** The docs folder's files, paths relative to generated/. */
export async function docsSiteFiles(bundle: OpenApiDocument, scenarios: MockScenarios): Promise<GeneratedFile[]> {
  const context = { scenarios };
  return [
    ...(await docsFiles(bundle, context)),
    ...postmanFiles(bundle, context),
    ...llmsTargetFiles(bundle, context),
    ...(await pdfFiles(bundle, context)),
    ...(await testKeyFiles(bundle)),
  ];
}

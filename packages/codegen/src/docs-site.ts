// Everything under generated/docs/: the two editions, the downloads beside them
// (the bundle, the Postman collections), and the Markdown for coding agents.
// Deployable as is to any static host; every link in it is relative.
import type { MockScenarios, OpenApiDocument } from '@konaplate-contract/contract';
import { docsHtml, docsSpec, editionDir } from './docs.ts';
import { languages } from './docs-text.ts';
import { llmsFiles } from './llms.ts';
import { postmanCollection } from './postman.ts';
import { bundleFiles, type GeneratedFile } from './targets.ts';

/** The docs folder's files, paths relative to generated/. */
export async function docsSiteFiles(bundle: OpenApiDocument, scenarios: MockScenarios): Promise<GeneratedFile[]> {
  const pages = await Promise.all(
    languages.map(async (language) => ({
      path: `docs/${editionDir[language]}index.html`,
      content: await docsHtml(docsSpec(bundle, scenarios, language), language),
    })),
  );
  const collections = languages.map((language) => ({
    path: `docs/${editionDir[language]}konaplate.postman_collection.json`,
    content: `${JSON.stringify(postmanCollection(bundle, scenarios, language), null, 2)}\n`,
  }));
  return [
    ...pages,
    ...bundleFiles(bundle).map((f) => ({ path: `docs/${f.path}`, content: f.content })),
    ...collections,
    ...llmsFiles(bundle, scenarios).map((f) => ({ path: `docs/${f.path}`, content: f.content })),
  ];
}

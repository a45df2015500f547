// Target: the partner site's pages (generated/docs/index.html, ko/index.html) and the bundle beside
// them as a download. Deployable as is to any static host; every link in it is relative.
import type { OpenApiDocument } from '@konaplate-contract/contract';
import { docsHtml, docsSpec, editionDir } from '../docs.ts';
import { languages } from '../docs-text.ts';
import type { GeneratedFile, Target, TargetContext } from '../target.ts';
import { bundleFiles } from './bundle.ts';

/** Both editions' pages and the bundle's downloads, paths relative to generated/. */
export async function docsFiles(doc: OpenApiDocument, { scenarios }: TargetContext): Promise<GeneratedFile[]> {
  const pages = await Promise.all(
    languages.map(async (language) => ({
      path: `docs/${editionDir[language]}index.html`,
      content: await docsHtml(docsSpec(doc, scenarios, language), language),
    })),
  );
  return [...pages, ...bundleFiles(doc).map((f) => ({ path: `docs/${f.path}`, content: f.content }))];
}

export const docsTarget: Target = { name: 'docs', kind: 'generated', files: docsFiles };

// Target: a Postman collection per docs edition, signing every request (generated/docs/…postman_collection.json).
import type { OpenApiDocument } from '@konaplate-contract/contract';
import { editionDir } from '../docs.ts';
import { languages } from '../docs-text.ts';
import { postmanCollection } from '../postman.ts';
import type { GeneratedFile, Target, TargetContext } from '../target.ts';

export function postmanFiles(doc: OpenApiDocument, { scenarios }: TargetContext): GeneratedFile[] {
  return languages.map((language) => ({
    path: `docs/${editionDir[language]}konaplate.postman_collection.json`,
    content: `${JSON.stringify(postmanCollection(doc, scenarios, language), null, 2)}\n`,
  }));
}

export const postmanTarget: Target = { name: 'Postman', kind: 'generated', files: postmanFiles };

// Target: TypeScript types of the bundle (generated/types/openapi.ts), by openapi-typescript.
import type { OpenApiDocument } from '@konaplate-contract/contract';
import openapiTS, { astToString } from 'openapi-typescript';
import { banner, type GeneratedFile, type Target } from '../target.ts';

export async function typeFiles(doc: OpenApiDocument): Promise<GeneratedFile[]> {
  const ast = await openapiTS(structuredClone(doc) as never, { alphabetize: false });
  return [{ path: 'types/openapi.ts', content: banner('spec/') + astToString(ast) }];
}
export const typesTarget: Target = { name: 'types', kind: 'generated', files: typeFiles };

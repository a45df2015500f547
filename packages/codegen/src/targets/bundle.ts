// Target: the bundled spec, as YAML and JSON (generated/openapi.*; the docs folder carries a copy).
import type { OpenApiDocument } from '@konaplate-contract/contract';
import { stringify } from 'yaml';
import type { GeneratedFile, Target } from '../target.ts';

export function bundleFiles(doc: OpenApiDocument): GeneratedFile[] {
  return [
    {
      path: 'openapi.yaml',
      content: stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false, version: '1.1', singleQuote: true }),
    },
    { path: 'openapi.json', content: `${JSON.stringify(doc, null, 2)}\n` },
  ];
}
export const bundleTarget: Target = { name: 'bundle', kind: 'generated', files: bundleFiles };

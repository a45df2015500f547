// Target: the operation list in the root README.md (its generated region).
import { readFile } from 'node:fs/promises';
import type { OpenApiDocument } from '@konaplate-contract/contract';
import { clientContract } from '../client-contract.ts';
import { repoRoot } from '../paths.ts';
import { withRegion } from '../regions.ts';
import type { GeneratedFile, Target } from '../target.ts';

/** The operations of the spec as a Markdown list: method, path, operationId and summary. */
export function operationsMarkdown(doc: OpenApiDocument): string {
  const { operations } = clientContract(doc);
  const lines = Object.entries(operations).map(
    ([id, op]) =>
      `- \`${op.method.toUpperCase()} ${op.path}\`: \`${id}\`, ${op.summary.charAt(0).toLowerCase()}${op.summary.slice(1)}.`,
  );
  return `<!-- Generated from spec/ by \`pnpm generate\`: do not edit between the markers. -->
The spec's ${lines.length} operations (each is a client method, a mock route, a CLI operation and a docs page):

${lines.join('\n')}`;
}
/** README.md with its operations region from the spec. */
export async function readmeOperationsFiles(doc: OpenApiDocument): Promise<GeneratedFile[]> {
  const readme = await readFile(`${repoRoot}README.md`, 'utf8');
  return [{ path: 'README.md', content: withRegion('README.md', readme, 'operations', operationsMarkdown(doc)) }];
}

export const readmeOperationsTarget: Target = {
  name: 'README operations',
  kind: 'region',
  files: readmeOperationsFiles,
};

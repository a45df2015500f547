// What a generation target is: one module under targets/, one entry, the files it writes for a bundle.
import type { MockScenarios, OpenApiDocument } from '@konaplate-contract/contract';

/** A generated file: its path (under generated/, or from the repository root for a region) and its exact content (bytes for a binary file, such as a PDF). */
export interface GeneratedFile {
  path: string;
  content: string | Uint8Array;
}

/** What every target is handed besides the bundle: the scenario table, derived once. */
export interface TargetContext {
  scenarios: MockScenarios;
}

/**
 * One target of generation. `generated` files land under generated/ (the drift check compares them);
 * `region` files are generated regions of hand-written files elsewhere (READMEs), paths from the root.
 */
export interface Target {
  name: string;
  kind: 'generated' | 'region';
  files(doc: OpenApiDocument, context: TargetContext): GeneratedFile[] | Promise<GeneratedFile[]>;
}

/** The first line of a generated source file. */
export const banner = (source: string) =>
  `// Generated from ${source} by \`pnpm generate\`. Do not edit: change the spec and regenerate.\n`;

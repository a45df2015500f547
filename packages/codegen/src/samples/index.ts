// The docs' code samples: for each operation curl, Node (the TypeScript client), Python and Java, as Redoc's
// x-codeSamples tabs and as fenced blocks of the Markdown pages; for the encryption guide Python and Java.
// Each is run by the tests against the mock, copied from the generated docs as a partner would copy it.
import type { OpenApiDocument } from '@konaplate-contract/contract';
import type { Language } from '../docs-text.ts';
import { curlSample } from './curl.ts';
import { callFacts } from './facts.ts';
import { javaSample } from './java.ts';
import { nodeSample } from './node.ts';
import { pythonSample } from './python.ts';

/** One sample as Redoc's x-codeSamples takes it. The label is the same in both editions. */
export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

/** Each sample's Redoc language, tab label, Markdown fence and renderer, in the order of the tabs. */
const kinds = [
  { lang: 'Shell', label: 'curl', fence: 'bash', render: curlSample },
  { lang: 'TypeScript', label: 'Node', fence: 'ts', render: nodeSample },
  { lang: 'Python', label: 'Python', fence: 'python', render: pythonSample },
  { lang: 'Java', label: 'Java', fence: 'java', render: javaSample },
] as const;

/** The samples of one operation, comments in the edition's language (the code is the same in both). */
export function operationSamples(doc: OpenApiDocument, operationId: string, language: Language): CodeSample[] {
  const facts = callFacts(doc, operationId, language);
  return kinds.map(({ lang, label, render }) => ({ lang, label, source: render(facts, language) }));
}

/** The Markdown fence of a sample's language (`bash`, `ts`, `python`, `java`). */
export function fenceOf(lang: string): string {
  const kind = kinds.find((k) => k.lang === lang);
  if (!kind) throw new Error(`no Markdown fence for a ${lang} sample`);
  return kind.fence;
}

/** A sample in a Markdown page: its label, then a fenced block a partner copies as is. */
export function sampleMarkdown(sample: CodeSample): string {
  return `${sample.label}:\n\n\`\`\`${fenceOf(sample.lang)}\n${sample.source.trimEnd()}\n\`\`\``;
}

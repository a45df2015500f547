/** The error-code registry (`x-error-registry`): one entry per result code. */
import { ext } from './extensions.ts';
export interface SourceConflict {
  pages: string;
  evidence: string;
  decision: string;
}

export interface RegistryEntry {
  httpStatus: number;
  message: string;
  messageWithField?: string;
  description: string;
  meaning: string;
  /** Derived at generation from the operations' examples (never written in spec/registry/). */
  operations: string[];
  status: 'published' | 'provisional';
  validationKeywords?: string[];
  sources: string[];
  [ext.sourceConflicts]?: SourceConflict[];
}

export type ErrorRegistry = Record<string, RegistryEntry>;

/** Placeholder codes (`NNN_Pnn`) stand for outcomes the platform names without a code. */
export const placeholderCode = /^[0-9]{3}_P[0-9]{2}$/;

/** The registry's success codes: its 2xx entries (a valid registry has exactly one). */
export function successCodesOf(registry: ErrorRegistry): string[] {
  return Object.entries(registry)
    .filter(([, entry]) => entry.httpStatus < 300)
    .map(([code]) => code);
}

/** A problem found in an example, with the path below the example object that it concerns. */
export interface ExampleProblem {
  message: string;
  path: Array<string | number>;
}

export interface ResponseExample {
  value?: unknown;
  summary?: string;
  [ext.errorField]?: string;
}

/** The message a code returns, naming the field when the example says which and the registry has a template. */
export function expectedMessage(entry: RegistryEntry, field: string | undefined): string | undefined {
  if (field === undefined) return entry.message;
  return entry.messageWithField?.replace('{field}', field);
}

/**
 * What is wrong with a response example against the registry: an unknown code,
 * a code under another HTTP status than the registry says, or a message or
 * description that differs from the registry's. (Which operations return a code
 * is not the registry's to say: the operations' examples say it.) Texts that are
 * absent are not a problem here (generation fills them).
 */
export function registryProblems(registry: ErrorRegistry, status: string, example: ResponseExample): ExampleProblem[] {
  const envelope = (example.value as { response?: Record<string, unknown> } | undefined)?.response;
  if (!envelope || typeof envelope !== 'object') return [];
  const codePath = ['value', 'response', 'code'];
  const code = envelope.code;
  const entry = typeof code === 'string' ? registry[code] : undefined;
  if (!entry) return [{ message: `result code ${JSON.stringify(code)} is not in the error registry`, path: codePath }];
  const problems: ExampleProblem[] = [];
  if (String(entry.httpStatus) !== status) {
    problems.push({
      message: `${code} is HTTP ${entry.httpStatus} in the registry, but the example is under ${status}`,
      path: codePath,
    });
  }
  const field = example[ext.errorField];
  const message = expectedMessage(entry, field);
  if (message === undefined) {
    problems.push({ message: `${code} has no messageWithField template to name ${field}`, path: [ext.errorField] });
  }
  const texts = { message, description: entry.description };
  for (const [key, expected] of Object.entries(texts)) {
    if (key in envelope && expected !== undefined && envelope[key] !== expected) {
      problems.push({
        message: `response.${key} ${JSON.stringify(envelope[key])} differs from the registry's ${JSON.stringify(expected)} for ${code}`,
        path: ['value', 'response', key],
      });
    }
  }
  return problems;
}

/** The field an error example's message names (its extension), if it names one. */
export function errorFieldOf(example: { [key: string]: unknown }): string | undefined {
  const field = example[ext.errorField];
  return typeof field === 'string' ? field : undefined;
}

// The Korean edition's texts live in the spec beside the English ones. This is
// the one definition of which English texts need a Korean twin and where it is,
// shared by the kona-korean-texts rule and the docs generator.
import { ext, koreanPrefix, koreanTwin, toolExt } from './extensions.ts';
import { errorFieldOf, expectedMessage, type RegistryEntry } from './registry.ts';
import { registryOf as rawRegistryOf } from './walk.ts';

type Json = { [key: string]: unknown };
export type TextPath = Array<string | number>;

export { koreanTwin };

export type TextKey = keyof typeof koreanTwin;

/** One English text of the document and its Korean twin (undefined when missing). */
export interface BilingualText {
  /** The object holding both texts. */
  owner: Json;
  /** Path of the owner in the document. */
  path: TextPath;
  key: TextKey;
  koreanKey: (typeof koreanTwin)[TextKey];
  english: string | string[];
  korean: unknown;
}

/** Values, not prose: never walked (example payloads, enums, test vectors, mock triggers, provenance). */
const values = new Set([
  'value',
  'example',
  'enum',
  'const',
  'default',
  'sources',
  ext.testVector,
  ext.mockWhen,
  ext.businessRule,
  ext.utcOffsets,
  toolExt.codeSamples,
]);

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A Korean text has Hangul in it (a copy of the English would not). */
export const hangul = /[\uAC00-\uD7A3]/;

/**
 * The summary generation gives an error example from the registry, when the
 * spec has none (`<HTTP> - <message>`, flagged when provisional). Such a summary
 * is derived; its Korean twin is derived the same way from the Korean description.
 */
export function registrySummary(entry: RegistryEntry, field: string | undefined, language: 'en' | 'ko'): string {
  const text = language === 'en' ? expectedMessage(entry, field) : `${entry.description}${field ? ` (${field})` : ''}`;
  const flag = entry.status !== 'provisional' ? '' : language === 'en' ? ' (provisional code)' : ' (임시 코드)';
  return `${entry.httpStatus} - ${text}${flag}`;
}

function registryEntryOf(doc: Json, example: Json): RegistryEntry | undefined {
  const code = (example.value as { response?: { code?: unknown } } | undefined)?.response?.code;
  const registry = rawRegistryOf(doc);
  return typeof code === 'string' && isObject(registry[code])
    ? (registry[code] as unknown as RegistryEntry)
    : undefined;
}

/** An example summary that generation filled from the registry (not written in the spec). */
export function isDerivedSummary(doc: Json, example: Json): boolean {
  const entry = registryEntryOf(doc, example);
  const field = errorFieldOf(example);
  return entry !== undefined && example.summary === registrySummary(entry, field, 'en');
}

/** The Korean summary of a derived example summary. */
export function derivedKoreanSummary(doc: Json, example: Json): string | undefined {
  const entry = registryEntryOf(doc, example);
  const field = errorFieldOf(example);
  return entry && registrySummary(entry, field, 'ko');
}

/**
 * Every English text of a bundled document that partners read, with its Korean
 * twin: `description` (but not a registry entry's, which is the platform's own
 * Korean text), `summary` (but not one derived from the registry), `title` of
 * `info` and of each guide, `name` of each tag, a registry entry's `meaning`,
 * the three parts of each source conflict, and each changelog entry's `changes`.
 */
export function bilingualTexts(doc: Json): BilingualText[] {
  const found: BilingualText[] = [];
  const add = (owner: Json, path: TextPath, key: TextKey) => {
    const english = owner[key];
    if (typeof english === 'string' || (Array.isArray(english) && english.every((e) => typeof e === 'string')))
      found.push({ owner, path, key, koreanKey: koreanTwin[key], english, korean: owner[koreanTwin[key]] });
  };
  const visit = (node: unknown, path: TextPath, parentKey: string | number | undefined) => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) visit(item, [...path, i], parentKey);
      return;
    }
    if (!isObject(node)) return;
    const inRegistry = path.length === 2 && path[0] === ext.errorRegistry;
    if (!inRegistry) add(node, path, 'description');
    if (typeof node.summary === 'string' && !isDerivedSummary(doc, node)) add(node, path, 'summary');
    if (parentKey === ext.sourceConflicts)
      for (const key of ['pages', 'evidence', 'decision'] as const) add(node, path, key);
    if (inRegistry) add(node, path, 'meaning');
    if (path.length === 1 && path[0] === 'info') add(node, path, 'title');
    if (path.length === 2 && path[0] === ext.guides) add(node, path, 'title');
    if (path.length === 2 && path[0] === 'tags') add(node, path, 'name');
    if (path.length === 2 && path[0] === ext.changelog) add(node, path, 'changes');
    for (const [key, value] of Object.entries(node)) {
      if (values.has(key) || key.startsWith(koreanPrefix)) continue;
      // A schema's `examples` is a list of values; a media type's is a map of Example objects.
      if (key === 'examples' && Array.isArray(value)) continue;
      visit(value, [...path, key], key);
    }
  };
  visit(doc, [], undefined);
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w:/.-]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

/** What is wrong with one text's Korean twin, or undefined when it is fine. */
export function koreanProblem(text: BilingualText): string | undefined {
  const { key, koreanKey, english, korean } = text;
  if (korean === undefined) return `${key} has no Korean text (${koreanKey} beside it)`;
  if (Array.isArray(english)) {
    if (!Array.isArray(korean) || korean.length !== english.length)
      return `${koreanKey} must list one Korean text for each of the ${english.length} entries of ${key}`;
    const bad = korean.findIndex((k) => typeof k !== 'string' || !hangul.test(k));
    return bad === -1 ? undefined : `${koreanKey}[${bad}] is not Korean text`;
  }
  if (typeof korean !== 'string' || !hangul.test(korean)) return `${koreanKey} is not Korean text (no Hangul in it)`;
  const [en, ko] = [placeholders(english), placeholders(korean)];
  // Named without their braces: Spectral would read {{name}} in a message as its own template.
  const list = (names: string[]) => (names.length ? names.join(', ') : 'none');
  if (en.join() !== ko.join()) return `${koreanKey} uses the placeholders ${list(ko)}, but ${key} uses ${list(en)}`;
  return undefined;
}

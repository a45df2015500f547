import type { Json } from '@konaplate-contract/contract';
import { type BilingualText, bilingualTexts, ext } from '@konaplate-contract/contract';
import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';

export interface KoreanCompleteOptions {
  /** The fewest Korean characters (outside code and placeholders) a text may have per English word. */
  perWord: number;
  /** English texts shorter than this many words are not measured (a label says little either way). */
  minWords: number;
}

/** What is prose in a text: placeholders, code spans and link targets left out. */
const prose = (text: string) =>
  text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\]\([^)]*\)/g, ']');

/** English words: tokens with a letter or a digit. */
export const englishWords = (text: string) =>
  prose(text)
    .split(/\s+/)
    .filter((w) => /[A-Za-z0-9]/.test(w)).length;

/** Korean characters: everything but white space. */
export const koreanCharacters = (text: string) => prose(text).replace(/\s+/g, '').length;

/**
 * The English a Korean twin answers for. A description in the bundle ends with one "Source conflict"
 * paragraph per conflict on it (rendered at bundle time, each with its own Korean twins), which the twin
 * of the description does not repeat, so those paragraphs are left out.
 */
export function ownEnglish(text: BilingualText, english: string): string {
  const conflicts = (text.owner[ext.sourceConflicts] as unknown[] | undefined)?.length ?? 0;
  if (text.key !== 'description' || conflicts === 0) return english;
  const paragraphs = english.split('\n\n');
  for (let n = conflicts; n > 0 && paragraphs.length > 1 && paragraphs.at(-1)?.startsWith('**'); n -= 1)
    paragraphs.pop();
  return paragraphs.join('\n\n');
}

export interface MeasuredPair {
  /** Where the English text is. */
  path: Array<string | number>;
  key: string;
  koreanKey: string;
  words: number;
  characters: number;
}

/** Every pair of texts as measured: where, English words, Korean characters. */
export function measuredPairs(doc: Json): MeasuredPair[] {
  return bilingualTexts(doc).flatMap((text) => {
    const english = Array.isArray(text.english) ? text.english : [text.english];
    const korean = Array.isArray(text.korean) ? text.korean : [text.korean];
    return english.map((e, i) => ({
      path: Array.isArray(text.english) ? [...text.path, text.key, i] : [...text.path, text.key],
      words: englishWords(ownEnglish(text, e)),
      characters: typeof korean[i] === 'string' ? koreanCharacters(korean[i] as string) : 0,
      koreanKey: text.koreanKey,
      key: text.key,
    }));
  });
}

/**
 * A Korean twin much shorter than its English says less than it: Korean takes about 2.5 characters
 * (outside code) for an English word in this spec's well-translated texts, so a twin under `perWord`
 * characters a word has left something out.
 */
export default createRulesetFunction<Json, KoreanCompleteOptions>(
  {
    input: { type: 'object' },
    options: {
      type: 'object',
      properties: { perWord: { type: 'number' }, minWords: { type: 'number' } },
      required: ['perWord', 'minWords'],
      additionalProperties: false,
    },
  },
  (doc, { perWord, minWords }) => {
    const results: IFunctionResult[] = [];
    for (const pair of measuredPairs(doc)) {
      if (pair.words < minWords || pair.characters === 0 || pair.characters >= perWord * pair.words) continue;
      results.push({
        message: `${pair.koreanKey} says less than ${pair.key}: ${pair.characters} Korean characters for ${pair.words} English words (at least ${perWord} a word expected)`,
        path: pair.path,
      });
    }
    return results;
  },
);

// The words of each pattern the client checks ("16 digits", "YYMM"), for its messages. From source they
// are computed when asked (words.ts); the published bundle carries them computed at build time instead:
// scripts/build.ts loads this module as a table of the contract's own patterns, so the describer is not
// shipped to browsers. Either way, the words are the describer's.
import { patternInWords } from './words.ts';

/** The pattern in words, or undefined when it cannot be said. */
export const wordsOf = (pattern: string): string | undefined => patternInWords(pattern);

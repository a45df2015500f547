// A pattern of the spec said in words, derived from the regular expression itself (no field is named
// here): `^[0-9]{16}$` is "16 digits", `^[0-9]{2}(0[1-9]|1[0-2])$` is "YYMM" (two digits before a
// month, the month read from the range its group matches), `^[A-Z]{3}$` is "3 capital letters". A
// pattern it cannot read (alternation at the top, nested groups, a class it has no word for) has no
// words, and the message quotes the pattern instead.

/** Character classes with a word, by their body. */
const classWords: Record<string, string> = {
  '0-9': 'digit',
  '0-9A-Fa-f': 'hex digit',
  '0-9A-F': 'capital hex digit',
  'A-Z': 'capital letter',
  'a-z': 'small letter',
  'A-Za-z': 'letter',
  'A-Za-z0-9': 'alphanumeric character',
  '!-~': 'printable ASCII character',
  '^\\x00-\\x1F\\x7F': 'printable character',
};

/** Two-digit ranges that are a part of a date or a time (the second 00–59 in a row is seconds). */
const dateParts: Record<string, string> = { '1-12': 'MM', '1-31': 'DD', '0-23': 'hh', '0-59': 'mm' };

/** The date part two digits are, from their classes (`0[1-9]|1[0-2]` is 01–12: a month), or undefined. */
function datePart(alternatives: string): string | undefined {
  let lo = 99;
  let hi = 0;
  for (const alternative of alternatives.split('|')) {
    const parts = alternative.match(/\[\d(-?\d)*\]|\d/g) ?? [];
    if (parts.length !== 2 || parts.join('') !== alternative) return undefined;
    const [a, b] = parts.map((part) => part.match(/\d/g) as string[]) as [string[], string[]];
    lo = Math.min(lo, Number(a[0]) * 10 + Number(b[0]));
    hi = Math.max(hi, Number(a.at(-1)) * 10 + Number(b.at(-1)));
  }
  return dateParts[`${lo}-${hi}`];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The pattern in words, or undefined when it cannot be said. */
export function patternInWords(source: string): string | undefined {
  // A class with its count, a group, or a literal character (escaped or not).
  const token = /\[([^\]]+)\](?:\{(\d+)(,(\d*))?\}|(\+))?|\(([^()]+)\)|\\(.)|([^[\](){}|^$.*+?\\])/y;
  const pair = /\[(\d-\d)\](?![{+])/y;
  const words: string[] = [];
  let last: string | undefined; // the date part just before: date parts run together (YYMMDD)
  let digits = 0; // digits counted just before: the year, if a month follows
  let quoting = false; // literal characters run together too
  let at = 1;
  const end = source.length - 1;
  if (source[0] !== '^' || source[end] !== '$') return undefined;
  while (at < end) {
    token.lastIndex = at;
    const m = token.exec(source);
    if (!m) return undefined;
    at = token.lastIndex;
    const [, cls, n, comma, max, some, group, escaped, plain] = m;
    const literal = escaped ?? plain;
    const before = digits;
    digits = 0;
    let date = group === undefined ? undefined : datePart(group);
    if (group !== undefined && !date) return undefined;
    if (cls && !n && !some && /^\d-\d$/.test(cls)) {
      // A digit paired with the next: [0-5][0-9] is 00–59.
      pair.lastIndex = at;
      const next = pair.exec(source);
      date = next ? datePart(`[${cls}][${next[1]}]`) : undefined;
      if (date) at = pair.lastIndex;
    }
    if (date) {
      if (date === 'MM' && (before === 2 || before === 4)) {
        words[words.length - 1] = 'Y'.repeat(before);
        last = 'YY';
      }
      if (date === 'mm' && last === 'mm') date = 'ss';
      if (last) words[words.length - 1] += date;
      else words.push(date);
      last = date;
      quoting = false;
      continue;
    }
    last = undefined;
    if (cls !== undefined) {
      const word = classWords[cls];
      if (!word) return undefined;
      const count = Number(n ?? 1);
      words.push(
        some
          ? `one or more ${word}s`
          : comma === undefined
            ? plural(count, word)
            : max
              ? `${n} to ${plural(Number(max), word)}`
              : `at least ${plural(count, word)}`,
      );
      if (word === 'digit' && !comma && !some) digits = count;
      quoting = false;
    } else {
      if (quoting) words[words.length - 1] = `${words.at(-1)?.slice(0, -1)}${literal}'`;
      else words.push(`'${literal}'`);
      quoting = true;
    }
  }
  return words.join(' then ');
}

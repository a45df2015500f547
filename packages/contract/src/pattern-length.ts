/**
 * The one length every match of an anchored pattern has, or null when matches
 * can differ in length (or the pattern is too rich to tell). Understands
 * literals, escapes, character classes, groups whose alternatives share one
 * length, and fixed `{n}` quantifiers: the shapes fixed-length fields use.
 */
export function fixedLengthOfPattern(pattern: string): number | null {
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return null;
  const body = pattern.slice(1, -1);
  const [length, end] = sequenceLength(body, 0);
  return end === body.length ? length : null;
}

/** Length of the sequence starting at `i`, up to `|`, `)` or the end; and where it stopped. */
function sequenceLength(source: string, start: number): [number | null, number] {
  let total: number | null = 0;
  let i = start;
  while (i < source.length && source[i] !== '|' && source[i] !== ')') {
    let atom: number | null;
    [atom, i] = atomLength(source, i);
    const quantified = quantifier(source, i);
    i = quantified.end;
    if (atom === null || quantified.times === null || total === null) total = null;
    else total += atom * quantified.times;
  }
  return [total, i];
}

function atomLength(source: string, i: number): [number | null, number] {
  const char = source[i];
  if (char === '\\') return [1, i + 2];
  if (char === '[') {
    let j = i + 1;
    if (source[j] === ']') j += 1;
    while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
    return [1, j + 1];
  }
  if (char === '(') {
    let j = i + 1;
    if (source.startsWith('?:', j)) j += 2;
    let length: number | null | undefined;
    for (;;) {
      const [alternative, end] = sequenceLength(source, j);
      length = length === undefined || length === alternative ? alternative : null;
      j = end + 1;
      if (source[end] !== '|') break;
    }
    return [length ?? null, j];
  }
  if (char === '.') return [1, i + 1];
  if (char === '^' || char === '$') return [null, i + 1];
  return [1, i + 1];
}

function quantifier(source: string, i: number): { times: number | null; end: number } {
  const char = source[i];
  if (char === '*' || char === '+' || char === '?') return { times: null, end: i + 1 };
  if (char === '{') {
    const close = source.indexOf('}', i);
    const inside = source.slice(i + 1, close);
    return { times: /^[0-9]+$/.test(inside) ? Number(inside) : null, end: close + 1 };
  }
  return { times: 1, end: i };
}

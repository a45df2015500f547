// The anchors of the guides' headings: the same in both editions, from the English heading. Redoc makes a
// section's id from its heading's text (`section/개요` in Korean, `section/overview` in English), so a
// link copied from one edition would lead nowhere in the other. Each heading of the page's Markdown gets
// an explicit id (a Markdoc annotation, which Redoc takes as the id) made from the English heading in the
// same place; the Korean guide must have the same headings, in the same order and levels, as the English.
import { SpecError } from './derive.ts';
import { plainText } from './docs-text.ts';

interface Heading {
  line: number;
  level: number;
  text: string;
}

/** The ATX headings of a Markdown text, outside fenced code. */
export function headingsOf(markdown: string): Heading[] {
  const found: Heading[] = [];
  let fence: string | undefined;
  for (const [line, text] of markdown.split('\n').entries()) {
    const marker = /^\s*(```|~~~)/.exec(text)?.[1];
    if (marker && (fence === undefined || fence === marker)) fence = fence ? undefined : marker;
    const heading = fence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
    if (heading) found.push({ line, level: heading[1]?.length ?? 1, text: heading[2] ?? '' });
  }
  return found;
}

/** A heading's anchor: its English words, lower case, joined by hyphens (ASCII, so it survives copying). */
export const slug = (heading: string) =>
  plainText(heading)
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');

/**
 * `markdown` (one guide, in the edition's language) with each heading given the id of the English heading
 * in the same place: `section/<slug>` for the guide's `#` heading, `<slug>` below it (Redoc puts it under
 * the guide's). Throws when the two texts' headings differ in number or level.
 */
export function anchoredGuide(id: string, markdown: string, english: string): string {
  const own = headingsOf(markdown);
  const theirs = headingsOf(english);
  const shape = (hs: Heading[]) => hs.map((h) => h.level).join(',');
  if (shape(own) !== shape(theirs))
    throw new SpecError([
      `guide ${id}: the Korean text's headings (levels ${shape(own) || 'none'}) are not the English text's (levels ${shape(theirs) || 'none'}): both editions share the anchors, so each heading needs its twin, in order`,
    ]);
  const lines = markdown.split('\n');
  const used = new Set<string>();
  for (const [i, heading] of own.entries()) {
    const englishHeading = theirs[i] as Heading;
    const base = slug(englishHeading.text) || `part-${i + 1}`;
    let anchor = base;
    for (let n = 2; used.has(anchor); n += 1) anchor = `${base}-${n}`;
    used.add(anchor);
    const full = heading.level === 1 ? `section/${anchor}` : anchor;
    lines[heading.line] = `${'#'.repeat(heading.level)} ${heading.text} {% id="${full}" %}`;
  }
  return lines.join('\n');
}

// Generated regions of hand-written files (READMEs): the text between
// `<!-- name:start -->` and `<!-- name:end -->` is rewritten by `pnpm generate`
// and checked by `pnpm check:drift`; the rest of the file stays the author's.
import { SpecError } from './derive.ts';

export const regionMarkers = (name: string) => ({ start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` });

/** `file`'s text with the region `name` replaced by `body` (the markers must be there, in order). */
export function withRegion(file: string, text: string, name: string, body: string): string {
  const { start, end } = regionMarkers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1 || to < from) {
    throw new SpecError([`${file} needs the markers ${start} and ${end} (in that order) around its generated ${name}`]);
  }
  return `${text.slice(0, from)}${start}\n${body.trim()}\n${end}${text.slice(to + end.length)}`;
}

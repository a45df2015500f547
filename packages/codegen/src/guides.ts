// The docs' guides (spec/guides/*.yaml), listed by `x-guides` in spec/openapi.yaml.
// Redocly's bundler does not follow references inside an extension, so the
// bundle step inlines them here; every reader of the bundle then sees them.

import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { OpenApiDocument } from '@konaplate-contract/contract';
import { ext, koreanTwin } from '@konaplate-contract/contract';
import { parse } from 'yaml';
import { SpecError } from './derive.ts';

/** A guide: Markdown with {{placeholders}}, in English and Korean. */
export interface Guide {
  id: string;
  title: string;
  [koreanTwin.title]: string;
  description: string;
  [koreanTwin.description]: string;
}

const required = ['id', 'title', koreanTwin.title, 'description', koreanTwin.description] as const;

/** Replaces each `{$ref}` of `x-guides` with the guide file it names (relative to the spec entry); in place. */
export async function inlineGuides(doc: OpenApiDocument, entry: string): Promise<OpenApiDocument> {
  const list = doc[ext.guides];
  if (list === undefined) return doc;
  if (!Array.isArray(list)) throw new SpecError([`${ext.guides} must be a list of $refs to guide files`]);
  const problems: string[] = [];
  const guides = await Promise.all(
    list.map(async (item, i) => {
      const ref = (item as { $ref?: unknown }).$ref;
      if (typeof ref !== 'string') {
        problems.push(`${ext.guides}[${i}] is not a $ref to a guide file`);
        return item;
      }
      const guide = parse(await readFile(resolve(dirname(entry), ref), 'utf8')) as Record<string, unknown>;
      for (const key of required)
        if (typeof guide?.[key] !== 'string' || guide[key] === '') problems.push(`${ref}: ${key} is missing`);
      return guide;
    }),
  );
  const ids = guides.map((g) => (g as Guide).id);
  for (const id of ids.filter((id, i) => ids.indexOf(id) !== i))
    problems.push(`${ext.guides}: the id ${id} is used twice`);
  if (problems.length > 0) throw new SpecError(problems);
  doc[ext.guides] = guides;
  return doc;
}

/** The guides of a bundle, in order. */
export function guidesOf(doc: OpenApiDocument): Guide[] {
  return (doc[ext.guides] ?? []) as Guide[];
}

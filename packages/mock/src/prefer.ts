// Prism's request-specific mock options, as Prism 5 reads them: the `Prefer`
// header (RFC 7240) with `code`, `example`, `dynamic` and `seed`, or, when
// the request has no Prefer header, the query parameters `__code`,
// `__example`, `__dynamic` and `__seed`.

/** The options a request asked for, and where they came from (for error messages). */
export interface Preferences {
  code?: string;
  example?: string;
  dynamic?: string;
  seed?: string;
  /** `Prefer` or `query` (`__code`, ...). */
  source: 'Prefer' | 'query';
}

const keys = ['code', 'example', 'dynamic', 'seed'] as const;

/** Splits at a separator outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\\' && quoted) i += 1;
    else if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"'))
    return trimmed.slice(1, -1).replace(/\\(.)/g, '$1');
  return trimmed;
}

/**
 * The mock options of a `Prefer` header: preferences separated by commas
 * (`code=400, example=card-not-found`), names case-insensitive, values plain
 * or quoted; the first occurrence of a name wins (RFC 7240). A `;` between
 * them is read as a separator too. Other preferences (`return=minimal`, ...)
 * are ignored, as RFC 7240 asks.
 */
export function parsePrefer(header: string): Omit<Preferences, 'source'> {
  const found: Omit<Preferences, 'source'> = {};
  for (const preference of splitOutsideQuotes(header, ',')) {
    for (const part of splitOutsideQuotes(preference, ';')) {
      const at = part.indexOf('=');
      const name = (at < 0 ? part : part.slice(0, at)).trim().toLowerCase();
      const key = keys.find((k) => k === name);
      if (key && found[key] === undefined) found[key] = at < 0 ? '' : unquote(part.slice(at + 1));
    }
  }
  return found;
}

/** The request's options: from `Prefer` when it has one, otherwise from `__code`-style query parameters. */
export function readPreferences(prefer: string | undefined, query: string | undefined): Preferences | undefined {
  if (prefer !== undefined && prefer.trim() !== '') return { ...parsePrefer(prefer), source: 'Prefer' };
  if (!query) return undefined;
  const params = new URLSearchParams(query);
  const found: Preferences = { source: 'query' };
  for (const key of keys) {
    const value = params.get(`__${key}`);
    if (value !== null) found[key] = value;
  }
  return keys.some((key) => found[key] !== undefined) ? found : undefined;
}

/** How to name an option in a message: `Prefer code` or `__code`. */
export const optionName = (prefs: Preferences, key: (typeof keys)[number]) =>
  prefs.source === 'Prefer' ? `Prefer ${key}` : `__${key}`;

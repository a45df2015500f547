// The Markdown the docs' pages are written in, as HTML, for the printable edition: the subset the guides
// and the generated pages use (ATX headings, paragraphs, bullet and numbered lists, GFM tables with `\|`
// and `<br>` in cells, fenced code, inline code, links, bold and italics). Anything else is text, escaped.

/** Text made safe inside HTML (element content and quoted attributes). */
export const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export interface MarkdownOptions {
  /** The href a link's target becomes (undefined: the link's text only). */
  href?: (target: string) => string | undefined;
  /** The id of a heading, from its level and text (undefined: none). */
  headingId?: (level: number, text: string) => string | undefined;
  /** Let a line break after each dot of inline code (`cardDataInfo.cardPointInfo[].pointName`), and nowhere else in it. */
  breakCodeAtDots?: boolean;
}

/** Inline Markdown as HTML: code spans (their text literal), links, bold, italics; `<br>` kept. */
export function inlineHtml(text: string, options: MarkdownOptions = {}): string {
  const codes: string[] = [];
  let out = escapeHtml(
    text.replace(/`([^`]*)`/g, (_, code: string) => {
      const html = escapeHtml(code);
      codes.push(`<code>${options.breakCodeAtDots ? html.replace(/\.(?=[\w$])/g, '.<wbr>') : html}</code>`);
      return `\uE000${codes.length - 1}\uE000`;
    }),
  ).replace(/&#60;br&#62;/g, '<br>');
  out = out.replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, (_, label: string, target: string) => {
    const href = options.href?.(target.replace(/&#38;/g, '&'));
    return href === undefined ? label : `<a href="${escapeHtml(href)}">${label}</a>`;
  });
  out = out.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  out = out.replace(/(^|[^\w*])\*([^*\s][^*]*)\*(?!\w)/g, '$1<em>$2</em>');
  return out.replace(/\uE000(\d+)\uE000/g, (_, i: string) => codes[Number(i)] ?? '');
}

/** The cells of a table row, split on unescaped pipes (a code span may hold `\|`). */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** A whole Markdown text as HTML. */
export function markdownHtml(markdown: string, options: MarkdownOptions = {}): string {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  const inline = (text: string) => inlineHtml(text, options);
  const isBlockStart = (line: string) =>
    /^(#{1,6})\s/.test(line) || /^\s*(```|~~~)/.test(line) || /^\s*([-*]|\d+\.)\s/.test(line) || /^\|/.test(line);
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const fence = /^\s*(```|~~~)\s*([\w-]*)/.exec(line);
    if (fence) {
      const code: string[] = [];
      i += 1;
      while (i < lines.length && !(lines[i] ?? '').trim().startsWith(fence[1] ?? '```')) code.push(lines[i++] ?? '');
      i += 1;
      const language = fence[2] ? ` class="language-${fence[2]}"` : '';
      out.push(`<pre><code${language}>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      const id = options.headingId?.(level, heading[2] ?? '');
      out.push(`<h${level}${id ? ` id="${escapeHtml(id)}"` : ''}>${inline(heading[2] ?? '')}</h${level}>`);
      i += 1;
      continue;
    }
    if (/^\|/.test(line) && /^\|?\s*:?-{3,}/.test(lines[i + 1] ?? '')) {
      const head = cells(line);
      i += 2;
      const rows: string[][] = [];
      while (i < lines.length && /^\|/.test(lines[i] ?? '')) rows.push(cells(lines[i++] ?? ''));
      out.push(
        `<table><thead><tr>${head.map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`,
      );
      continue;
    }
    const item = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      // A list, items possibly nested by indentation; an item's following indented lines continue it.
      const html: string[] = [];
      const stack: Array<{ indent: number; tag: string }> = [];
      while (i < lines.length) {
        const current = lines[i] ?? '';
        const m = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(current);
        if (!m) {
          if (current.trim() !== '' && /^\s+/.test(current) && html.length > 0) {
            html[html.length - 1] = `${html[html.length - 1]} ${inline(current.trim())}`;
            i += 1;
            continue;
          }
          break;
        }
        const indent = m[1]?.length ?? 0;
        const tag = /\d/.test(m[2] ?? '') ? 'ol' : 'ul';
        while (stack.length > 0 && indent < (stack.at(-1)?.indent ?? 0)) html.push(`</li></${stack.pop()?.tag}>`);
        const top = stack.at(-1);
        if (!top || indent > top.indent) {
          stack.push({ indent, tag });
          html.push(`<${tag}><li>${inline(m[3] ?? '')}`);
        } else html.push(`</li><li>${inline(m[3] ?? '')}`);
        i += 1;
        if ((lines[i] ?? '').trim() === '' && /^\s*([-*]|\d+\.)\s/.test(lines[i + 1] ?? '')) i += 1;
      }
      while (stack.length > 0) html.push(`</li></${stack.pop()?.tag}>`);
      out.push(html.join(''));
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      (lines[i] ?? '').trim() !== '' &&
      !(paragraph.length > 0 && isBlockStart(lines[i] ?? ''))
    )
      paragraph.push((lines[i++] ?? '').trim());
    out.push(`<p>${inline(paragraph.join(' '))}</p>`);
  }
  return out.join('\n');
}

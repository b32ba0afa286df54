/**
 * Markdown escaping for the rule catalog. The templates run with Handlebars' HTML escaping off
 * (noEscape): Handlebars would turn `'` into `&#x27;` and `=` into `&#x3D;`, which Markdown shows
 * literally inside code spans and fenced KQL. Each value is escaped here for the place it goes.
 */

/** Prose (descriptions, names): inline Markdown and HTML punctuation, and block markers that start a line. */
export function markdownText(value: unknown): string {
  return escapeInline(String(value ?? '').replace(/\r\n?/g, '\n'))
    // "# x", "- x", "+ x", "1. x" and "1) x" at a line start would become headings and lists.
    .replace(/^([ \t]*)(#{1,6}|[-+]|\d{1,9}[.)])(?=[ \t]|$)/gm, (_m, indent: string, marker: string) => `${indent}${marker.replace(/[#\-+.)]$/, '\\$&')}`)
    // A line of only "=" or "-" would turn the line above into a heading.
    .replace(/^([ \t]*)([=-]+)[ \t]*$/gm, (_m, indent: string, run: string) => `${indent}\\${run}`);
}

/** A table cell: inline escaping only (a cell cannot start a block), line breaks kept as <br>. */
export function markdownCell(value: unknown): string {
  return escapeInline(String(value ?? '').replace(/\r\n?/g, '\n')).replace(/\n+/g, '<br>');
}

/** Backslash-escapes what would start emphasis, code, links, HTML, table cells or strikethrough. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/**
 * An inline code span that holds any text: the fence is longer than the longest backtick run inside.
 * In a table cell a `|` splits the cell even inside backticks (GFM reads pipes before code spans),
 * so `inTable` escapes it; GFM then shows a plain `|` in the code.
 */
export function markdownCode(value: unknown, { inTable = false }: { inTable?: boolean } = {}): string {
  const text = String(value ?? '').replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim()) ? ' ' : '';
  return `${fence}${pad}${inTable ? text.replace(/\|/g, '\\|') : text}${pad}${fence}`;
}

/** A fenced code block whose fence cannot be closed by the content. */
export function markdownFence(value: string, info: string): string {
  const longest = Math.max(2, ...(value.match(/^`{3,}/gm) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${value.replace(/\s+$/, '')}\n${fence}`;
}

import fs from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
type Token = MarkdownIt.Token;

/** GitHub-flavoured enough for the catalog: tables and strikethrough on, inline HTML allowed (for <br>). */
const md = new MarkdownIt({ html: true });

export function parseMarkdown(text: string): Token[] {
  return md.parse(text, {});
}

export function headings(tokens: readonly Token[], tag: 'h1' | 'h2' | 'h3'): string[] {
  return tokens.flatMap((t, i) => (t.type === 'heading_open' && t.tag === tag ? [plainText(tokens[i + 1])] : []));
}

export interface TableRow {
  /** Cell texts as markdown-it reads them (it drops cells beyond the header's count). */
  readonly cells: string[];
  readonly inline: Token[];
  /** How many cells the source line really has: unescaped pipes, so a stray `|` cannot hide. */
  readonly sourceCells: number;
}

/** Each table of a Markdown text as rows (header first). */
export function tables(text: string): TableRow[][] {
  const tokens = parseMarkdown(text);
  const lines = text.split('\n');
  const out: TableRow[][] = [];
  let table: TableRow[] | undefined;
  let row: { cells: string[]; inline: Token[]; sourceCells: number } | undefined;
  tokens.forEach((t, i) => {
    if (t.type === 'table_open') table = [];
    else if (t.type === 'table_close') out.push(table!), (table = undefined);
    else if (t.type === 'tr_open') row = { cells: [], inline: [], sourceCells: lines[t.map![0]].trim().split(/(?<!\\)\|/).length - 2 };
    else if (t.type === 'tr_close') table!.push(row!), (row = undefined);
    else if ((t.type === 'th_open' || t.type === 'td_open') && row) {
      row.cells.push(plainText(tokens[i + 1]));
      row.inline.push(tokens[i + 1]);
    }
  });
  return out;
}

/** The text a reader sees in an inline token: text and code content, line breaks as newlines. */
export function plainText(inline: Token): string {
  return (inline.children ?? [])
    .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' || (c.type === 'html_inline' && /^<br\s*\/?>$/i.test(c.content)) ? '\n' : ''))
    .join('');
}

export function fences(tokens: readonly Token[]): { info: string; content: string }[] {
  return tokens.filter((t) => t.type === 'fence').map((t) => ({ info: t.info.trim(), content: t.content }));
}

/** Every link and image target in the document. */
export function targets(tokens: readonly Token[]): string[] {
  return tokens.flatMap((t) => t.children ?? []).flatMap((c) => (c.type === 'link_open' ? [c.attrGet('href')!] : c.type === 'image' ? [c.attrGet('src')!] : []));
}

/** Relative targets that do not resolve to a file, from a page at `page` (absolute path). */
export function brokenRelativeTargets(tokens: readonly Token[], page: string): string[] {
  return targets(tokens)
    .filter((href) => !/^[a-z]+:/i.test(href))
    .filter((href) => !fs.existsSync(path.resolve(path.dirname(page), decodeURIComponent(href.split('#')[0]))));
}

/** Renders rows as an aligned plain-text table, the way a terminal user reads a query result. */
export function formatTable(columns: readonly { name: string }[], rows: readonly Record<string, unknown>[], maxWidth = 60): string {
  const names = columns.map((c) => c.name);
  const cell = (v: unknown): string => {
    const text = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return text.length > maxWidth ? `${text.slice(0, maxWidth - 1)}…` : text;
  };
  const body = rows.map((r) => names.map((n) => cell(r[n])));
  const widths = names.map((n, i) => Math.max(n.length, ...body.map((b) => b[i].length)));
  const line = (values: string[]): string => values.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  return [line(names), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), `(${rows.length} row${rows.length === 1 ? '' : 's'})`].join('\n');
}

/**
 * Writes CSV the way Sentinel's watchlist upload reads it: a header row, one line per row, fields
 * quoted only when they hold a comma, quote, line break or edge whitespace. LF line endings keep
 * dist/ byte-identical across operating systems.
 */
export function renderCsv(header: readonly string[], rows: readonly Readonly<Record<string, string>>[]): string {
  const lines = [header.map(field).join(',')];
  for (const row of rows) lines.push(header.map((name) => field(row[name] ?? '')).join(','));
  return `${lines.join('\n')}\n`;
}

function field(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

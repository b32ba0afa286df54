import { parse } from 'csv-parse/sync';

/** One data row of a reference CSV, with the 1-based line it ends on for messages. */
export interface AsimCsvRow {
  readonly record: Readonly<Record<string, string>>;
  readonly line: number;
}

/**
 * Parses a reference CSV with a header row and checks that the columns the generator reads are
 * there, so a changed export fails naming the file and the missing columns rather than yielding
 * an empty catalog.
 */
export function readAsimCsv(text: string, source: string, required: readonly string[]): AsimCsvRow[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, { columns: true, info: true, bom: true, skip_empty_lines: true });
  } catch (error) {
    throw new Error(`${source}: not readable as CSV: ${(error as Error).message}`);
  }
  const headers = rows.length > 0 ? Object.keys(rows[0].record) : [];
  const missing = required.filter((h) => !headers.includes(h));
  if (rows.length === 0 || missing.length > 0) {
    throw new Error(
      `${source}: expected a header row with ${required.join(', ')}; ` +
        (rows.length === 0 ? 'the file has no data rows.' : `missing ${missing.join(', ')}.`),
    );
  }
  return rows.map((r) => ({ record: r.record, line: r.info.lines }));
}

/** A cell's trimmed text ('' when absent). */
export function cell(row: AsimCsvRow, column: string): string {
  return (row.record[column] ?? '').trim();
}

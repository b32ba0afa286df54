import { parse } from 'csv-parse/sync';

/** One data row of a watchlist CSV with the line it starts on, for diagnostics. */
export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

export interface ParsedCsv {
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

export class CsvParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Parses watchlist rows with csv-parse, keeping each record's line; throws CsvParseError with a position. */
export function readWatchlistCsv(text: string): ParsedCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as typeof records;
  } catch (error) {
    const err = error as { message: string; lines?: number; column?: number };
    throw new CsvParseError(err.message.replace(/^Invalid Record Length: /, ''), err.lines ?? 1, 1);
  }
  if (records.length === 0) throw new CsvParseError('the CSV is empty; it needs a header row naming the columns', 1, 1);
  const header = records[0].record.map((h) => h.trim());
  const rows = records.slice(1).map(({ record, info }) => {
    const values: Record<string, string> = {};
    header.forEach((name, i) => (values[name] = record[i]));
    return { line: info.lines, values };
  });
  return { header, rows };
}

import { readWatchlistCsv } from '../load/read-watchlist-csv';

export interface WatchlistTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * Parses watchlist CSV (a file, or an ARM template's rawContent after its skipped lines) with the
 * reader the project uses for its own watchlist rows, so an import accepts exactly what `validate`
 * reads back. Throws CsvParseError with the line, counted in `text`.
 */
export function parseWatchlistCsv(text: string, skipLines = 0): WatchlistTable {
  const lines = text.split(/\r?\n/);
  // Skipped lines are blanked rather than removed so that reported line numbers stay those of `text`.
  const body = skipLines > 0 ? [...lines.slice(0, skipLines).map(() => ''), ...lines.slice(skipLines)].join('\n') : text;
  const parsed = readWatchlistCsv(body);
  return { header: parsed.header, rows: parsed.rows.map((r) => parsed.header.map((h) => r.values[h] ?? '')) };
}

/**
 * Turns a watchlist's inline `rawContent` into rows, the way Sentinel does on a PUT:
 * skip `numberOfLinesToSkip` lines, read the header, and require the `itemsSearchKey` column.
 */
import { parse } from 'csv-parse/sync';
import { badRequest } from '../cloud-error';

/** Sentinel's documented limit for one line of watchlist content. */
export const MAX_LINE_CHARS = 10_240;

export interface WatchlistContent {
  readonly columns: string[];
  readonly rows: Record<string, string>[];
}

export interface WatchlistContentOptions {
  readonly contentType?: string;
  readonly numberOfLinesToSkip?: number;
  readonly itemsSearchKey: string;
}

export function parseWatchlistContent(raw: string, options: WatchlistContentOptions): WatchlistContent {
  const contentType = (options.contentType ?? '').toLowerCase();
  if (contentType !== 'text/csv' && contentType !== 'text/tsv') {
    throw badRequest(`Watchlist rawContent needs contentType 'text/csv' or 'text/tsv' (got '${options.contentType ?? ''}').`);
  }
  const skip = options.numberOfLinesToSkip ?? 0;
  const lines = raw.split(/\r?\n/);
  const longLine = lines.findIndex((l) => l.length > MAX_LINE_CHARS);
  if (longLine >= 0) {
    throw badRequest(`Watchlist rawContent line ${longLine + 1} has ${lines[longLine].length} characters; a line may have at most ${MAX_LINE_CHARS}.`);
  }
  let records: string[][];
  try {
    records = parse(raw, { from_line: skip + 1, bom: true, skip_empty_lines: true, delimiter: contentType === 'text/tsv' ? '\t' : ',' }) as string[][];
  } catch (e) {
    throw badRequest(`Watchlist rawContent could not be parsed as ${contentType}: ${(e as Error).message}`);
  }
  if (records.length === 0) throw badRequest(`Watchlist rawContent has no header line after skipping ${skip} line(s).`);
  const columns = records[0].map((c) => c.trim());
  const blank = columns.findIndex((c) => c === '');
  if (blank >= 0) throw badRequest(`Watchlist rawContent header column ${blank + 1} has no name.`);
  const duplicate = columns.find((c, i) => columns.findIndex((o) => o.toLowerCase() === c.toLowerCase()) !== i);
  if (duplicate) throw badRequest(`Watchlist rawContent header names the column '${duplicate}' twice.`);
  if (!columns.includes(options.itemsSearchKey)) {
    throw badRequest(`The itemsSearchKey '${options.itemsSearchKey}' is not a column of the watchlist content. Columns: ${columns.join(', ')}.`);
  }
  const rows = records.slice(1).map((record) => Object.fromEntries(columns.map((c, i) => [c, record[i]])));
  return { columns, rows };
}

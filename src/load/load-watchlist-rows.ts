import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../check/diagnostic';
import type { WatchlistProps } from '../model/watchlist';
import type { DefinitionSource } from './loaded-project';
import { projectRelative } from './project-layout';
import { CsvParseError, readWatchlistCsv, type CsvRow } from './read-watchlist-csv';

interface RowsContext {
  readonly root: string;
  readonly dir: string;
  readonly source: DefinitionSource;
  readonly diagnostics: Diagnostic[];
}

export interface WatchlistRows {
  readonly csvFile: string;
  readonly rows: readonly CsvRow[] | undefined;
  readonly header: readonly string[] | undefined;
}

/** Reads the CSV a watchlist definition names; the content checks (keys, types) run later in check/. */
export function loadWatchlistRows(props: WatchlistProps, ctx: RowsContext): WatchlistRows {
  const absolute = path.resolve(ctx.dir, String(props.rows ?? ''));
  const csvFile = projectRelative(ctx.root, absolute);
  return readWatchlistRowsFile(absolute, csvFile, ctx.source, ctx.diagnostics);
}

/** Shared with deploy, where each environment supplies its own rows file for a watchlist. */
export function readWatchlistRowsFile(absolute: string, csvFile: string, source: DefinitionSource, diagnostics: Diagnostic[]): WatchlistRows {
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch {
    diagnostics.push({
      code: 'WATCHLIST_CSV_MISSING',
      severity: 'error',
      message: `watchlist rows file ${csvFile} cannot be read`,
      file: source.file,
      ...source.locate(['rows']),
      hint: 'create the CSV (header row = the declared columns) or fix the path, which is relative to the definition',
    });
    return { csvFile, rows: undefined, header: undefined };
  }
  try {
    const parsed = readWatchlistCsv(text);
    return { csvFile, rows: parsed.rows, header: parsed.header };
  } catch (error) {
    if (!(error instanceof CsvParseError)) throw error;
    diagnostics.push({ code: 'WATCHLIST_CSV_SYNTAX', severity: 'error', message: error.message, file: csvFile, line: error.line, column: error.column });
    return { csvFile, rows: undefined, header: undefined };
  }
}

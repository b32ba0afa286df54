import path from 'node:path';
import { CsvParseError } from '../load/read-watchlist-csv';
import { ConversionContext } from './conversion-context';
import { convertWatchlist } from './convert-watchlist';
import { skippedFile, type ReadResult } from './imported-item';
import { START, type SourceDocument } from './source-document';
import { parseWatchlistCsv } from './watchlist-rows';

/** Watchlist aliases: 3-64 letters, digits, _ or -, starting and ending with a letter or digit. */
function aliasFromFileName(file: string): string {
  const base = path.basename(file, path.extname(file)).replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return (base.length >= 3 ? base : `${base}-watchlist`).slice(0, 64).replace(/[^A-Za-z0-9]+$/, '');
}

/**
 * A bare CSV file is a watchlist's rows. It names nothing else, so the alias comes from the file
 * name and the search key is the first column (the portal's default too); the import says so.
 */
export function readCsvFile(file: string, text: string): ReadResult {
  const doc: SourceDocument = { file, locate: () => START };
  const ctx = new ConversionContext(doc, 'watchlist CSV', []);
  let table;
  try {
    table = parseWatchlistCsv(text);
  } catch (error) {
    if (!(error instanceof CsvParseError)) throw error;
    return { items: [], skipped: [skippedFile(file, 'IMPORT_CSV_SYNTAX')], diagnostics: [{ code: 'IMPORT_CSV_SYNTAX', severity: 'error', message: `invalid CSV: ${error.message}`, file, line: error.line, column: error.column, hint: 'every row needs as many fields as the header' }] };
  }
  const alias = aliasFromFileName(file);
  const searchKey = table.header[0] ?? '';
  ctx.report('IMPORT_DEFAULTED', 'info', undefined, `a CSV names no alias or search key: imported as watchlist ${alias} with search key ${searchKey}; change them in the definition if needed`);
  const item = convertWatchlist({ alias, displayName: alias, description: `Imported from ${path.basename(file)}.`, searchKey }, table, ctx);
  return { items: [item], skipped: [], diagnostics: ctx.diagnostics };
}

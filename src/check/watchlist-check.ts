import type { Check } from './check';
import { ShapeAssertions } from './shape-assertions';
import { COLUMN_TYPES, type ColumnType } from '../model/column-types';
import type { LoadedWatchlist } from '../load/loaded-project';
import type { Report } from './check';

const ALIAS = /^[a-zA-Z0-9][a-zA-Z0-9_-]{1,62}[a-zA-Z0-9]$/;
const MAX_LINE = 10_240;

/**
 * Watchlist definitions and their CSV rows: alias format, typed columns, a header that matches the
 * declared columns, unique non-empty search keys, values that parse as their column's type, and
 * Sentinel's per-line size limit. Row problems point at the CSV line.
 */
export const watchlistCheck: Check = {
  name: 'watchlist',
  watchlist(watchlist, _ctx, report) {
    const a = new ShapeAssertions(watchlist, report);
    a.pattern(['alias'], ALIAS, '3-64 characters of letters, digits, _ or -, starting and ending with a letter or digit', { required: true });
    a.string(['displayName'], { required: true, max: 256 });
    a.string(['description'], { required: true, max: 5000 });
    a.string(['rows'], { required: true });
    const columns = a.object(['columns']);
    if (!columns) return void a.required(['columns']);
    for (const name of Object.keys(columns)) a.oneOf(['columns', name], COLUMN_TYPES);
    a.oneOf(['searchKey'], Object.keys(columns), { required: true });
    checkRows(watchlist, columns as Record<string, ColumnType>, report);
  },
};

function checkRows(watchlist: LoadedWatchlist, columns: Record<string, ColumnType>, report: Report): void {
  const { header, rows, csvFile } = watchlist;
  if (!header || !rows) return;
  const declared = Object.keys(columns);
  const missing = declared.filter((c) => !header.includes(c));
  const extra = header.filter((c) => !declared.includes(c));
  if (missing.length || extra.length) {
    report.raw({
      code: 'WATCHLIST_HEADER_MISMATCH',
      severity: 'error',
      message: `CSV header [${header.join(', ')}] does not match the declared columns [${declared.join(', ')}]${missing.length ? `; missing: ${missing.join(', ')}` : ''}${extra.length ? `; undeclared: ${extra.join(', ')}` : ''}`,
      file: csvFile,
      line: 1,
      column: 1,
      hint: 'make the header row name exactly the columns in the definition',
    });
    return;
  }
  const key = watchlist.props.searchKey;
  const seen = new Map<string, number>();
  for (const row of rows) {
    const keyValue = row.values[key] ?? '';
    if (keyValue.trim() === '') {
      report.raw({ code: 'WATCHLIST_EMPTY_KEY', severity: 'error', message: `row has an empty search key ${key}`, file: csvFile, line: row.line, column: 1 });
    } else {
      const normalized = keyValue.trim().toLowerCase();
      const first = seen.get(normalized);
      if (first !== undefined) {
        report.raw({ code: 'WATCHLIST_DUPLICATE_KEY', severity: 'error', message: `duplicate search key ${key}=${JSON.stringify(keyValue)}; first seen on line ${first}`, file: csvFile, line: row.line, column: 1, hint: 'search keys must be unique (compared case-insensitively): merge or remove one row' });
      } else {
        seen.set(normalized, row.line);
      }
    }
    for (const [name, type] of Object.entries(columns)) {
      const value = row.values[name] ?? '';
      const problem = value === '' ? undefined : valueProblem(value, type);
      if (problem) report.raw({ code: 'WATCHLIST_BAD_VALUE', severity: 'error', message: `column ${name} (${type}): ${problem}`, file: csvFile, line: row.line, column: header.indexOf(name) + 1 });
    }
    const length = Object.values(row.values).reduce((n, v) => n + v.length + 1, 0);
    if (length > MAX_LINE) report.raw({ code: 'WATCHLIST_ROW_TOO_LONG', severity: 'error', message: `row is about ${length} characters; Sentinel allows ${MAX_LINE} per line`, file: csvFile, line: row.line, column: 1 });
  }
}

function valueProblem(value: string, type: ColumnType): string | undefined {
  switch (type) {
    case 'int':
    case 'long':
      return /^-?\d+$/.test(value) ? undefined : `${JSON.stringify(value)} is not a whole number`;
    case 'real':
    case 'decimal':
      return value.trim() !== '' && Number.isFinite(Number(value)) ? undefined : `${JSON.stringify(value)} is not a number`;
    case 'bool':
      return /^(true|false)$/i.test(value) ? undefined : `${JSON.stringify(value)} is not true or false`;
    case 'datetime':
      return /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : `${JSON.stringify(value)} is not an ISO-8601 date`;
    case 'guid':
      return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value) ? undefined : `${JSON.stringify(value)} is not a GUID`;
    case 'dynamic':
      try {
        JSON.parse(value);
        return undefined;
      } catch {
        return `${JSON.stringify(value)} is not JSON`;
      }
    default:
      return undefined;
  }
}

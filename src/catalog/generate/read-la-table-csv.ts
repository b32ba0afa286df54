import { parse } from 'csv-parse/sync';
import { normalizeKustoType } from '../kusto-scalar-type';
import { addSourceColumn, countTypeSpelling, emptySourceTables, type SourceTables } from './source-tables';

const REQUIRED_HEADERS = ['table_name', 'column_name', 'column_type'] as const;

interface CsvRecord {
  readonly record: Record<string, string>;
  readonly info: { readonly lines: number };
}

/**
 * Reads la_table_schemas.csv (table_name, column_name, column_type, description).
 * Rows whose type is not a Kusto type are skipped and listed: the file carries a few rows
 * scraped from an HTML example table (types "def" and "...") that are not columns.
 */
export function readLaTableCsv(csvText: string, source: string): SourceTables {
  const rows = parseRecords(csvText, source);
  const out = emptySourceTables([source]);
  for (const { record, info } of rows) {
    const location = `line ${info.lines}`;
    const table = (record.table_name ?? '').trim();
    const column = (record.column_name ?? '').trim();
    const rawType = (record.column_type ?? '').trim();
    const reason = junkReason(table, column, rawType, record);
    if (reason) {
      out.skipped.push({ source, location, table, column, rawType, reason });
      continue;
    }
    const type = normalizeKustoType(rawType)!;
    countTypeSpelling(out, rawType, type);
    addSourceColumn(out, source, location, table, { name: column, type });
  }
  return out;
}

function parseRecords(csvText: string, source: string): CsvRecord[] {
  let rows: CsvRecord[];
  try {
    rows = parse(csvText, { columns: true, info: true, bom: true, skip_empty_lines: true }) as CsvRecord[];
  } catch (error) {
    throw new Error(`${source}: not readable as CSV: ${(error as Error).message}`);
  }
  const headers = rows.length > 0 ? Object.keys(rows[0].record) : [];
  const missing = REQUIRED_HEADERS.filter((h) => !headers.includes(h));
  if (rows.length === 0 || missing.length > 0) {
    throw new Error(
      `${source}: expected a header row with ${REQUIRED_HEADERS.join(', ')}; ` +
        (rows.length === 0 ? 'the file has no data rows.' : `missing ${missing.join(', ')}.`),
    );
  }
  return rows;
}

function junkReason(table: string, column: string, rawType: string, record: Record<string, string>): string | undefined {
  if (!table) return 'empty table name';
  if (!column) return 'empty column name';
  if (normalizeKustoType(rawType) !== undefined) return undefined;
  const html = Object.values(record).some((v) => /<\/?td\b/i.test(v)) ? ' (the row holds HTML table markup)' : '';
  return `type "${rawType}" is not a Kusto scalar type${html}`;
}

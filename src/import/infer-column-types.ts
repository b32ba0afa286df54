import type { ColumnType } from '../model/column-types';
import { GUID } from './field-values';

const INT32 = 2 ** 31;

/**
 * Column types for an imported watchlist, chosen conservatively: a column is typed only when every
 * non-empty value parses as that type (GUID, whole number, true/false, ISO-8601 UTC timestamp);
 * anything else, and a column with no values, stays string. Queries compare watchlist values with
 * typed columns, so a wrong guess would turn valid KQL into type errors; string never does.
 */
export function inferColumnTypes(header: readonly string[], rows: readonly (readonly string[])[]): Record<string, ColumnType> {
  const columns: Record<string, ColumnType> = {};
  header.forEach((name, i) => {
    const values = rows.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '');
    columns[name] = inferType(values);
  });
  return columns;
}

function inferType(values: readonly string[]): ColumnType {
  if (values.length === 0) return 'string';
  if (values.every((v) => GUID.test(v))) return 'guid';
  // Leading zeros (postal codes, employee numbers) are identifiers, not numbers.
  if (values.every((v) => /^-?(0|[1-9]\d{0,17})$/.test(v))) return values.every((v) => Math.abs(Number(v)) < INT32) ? 'int' : 'long';
  if (values.every((v) => /^(true|false)$/i.test(v))) return 'bool';
  if (values.every((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(v) && !Number.isNaN(Date.parse(v)))) return 'datetime';
  return 'string';
}

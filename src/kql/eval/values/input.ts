/**
 * Normalises caller rows (`Record<string, unknown>`, JS-friendly values) into internal rows, checking
 * each value against its column type so that a bad sample event fails loudly instead of comparing wrong.
 */
import { datetimeFromDate, parseDatetime } from './datetime';
import { toBoolValue, toGuidValue } from './convert';
import { parseTimespan } from './timespan';
import { Column, DynamicValue, Row } from './types';

/** Thrown with a message that names the column and says what is expected; the caller adds the row. */
export class InputValueError extends Error {}

function fail(column: Column, value: unknown, expected: string): never {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  throw new InputValueError(`column ${column.name} (${column.type}): ${shown} is not ${expected}`);
}

function dynamicInput(value: unknown): DynamicValue {
  if (value instanceof Date) return value.toISOString();
  return value as DynamicValue;
}

/** One caller value to its internal form for the column's type; missing (undefined) means null. */
export function normalizeInputValue(value: unknown, column: Column): unknown {
  if (value === undefined || value === null) return column.type === 'string' ? '' : null;
  switch (column.type) {
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      if (value instanceof Date) return value.toISOString();
      return JSON.stringify(value);
    case 'long': case 'int': case 'real': case 'decimal': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number !== 'number' || Number.isNaN(number)) fail(column, value, 'a number');
      if ((column.type === 'long' || column.type === 'int') && !Number.isInteger(number)) fail(column, value, 'a whole number');
      return number;
    }
    case 'bool': {
      const bool = toBoolValue(value, typeof value === 'number' ? 'long' : 'string');
      if (bool === null) fail(column, value, 'a boolean (true/false)');
      return bool;
    }
    case 'datetime': {
      const micros = value instanceof Date ? datetimeFromDate(value) : typeof value === 'string' ? parseDatetime(value) : null;
      if (micros === null) fail(column, value, 'a datetime (an ISO-8601 string such as 2024-08-02T10:00:00Z, or a Date)');
      return micros;
    }
    case 'timespan': {
      if (typeof value === 'number') return value * 1000; // milliseconds
      const micros = typeof value === 'string' ? parseTimespan(value) : null;
      if (micros === null) fail(column, value, 'a timespan (milliseconds, or text such as 1d, 5m, 01:30:00)');
      return micros;
    }
    case 'guid': {
      const guid = toGuidValue(value);
      if (guid === null) fail(column, value, 'a guid');
      return guid;
    }
    case 'dynamic':
      return dynamicInput(value);
  }
}

/**
 * Caller rows to internal rows in `columns` order (a subset of the table's `schema` when pruned).
 * A property that names no column of the schema is an error: it is almost always a misspelt column
 * in a test fixture.
 *
 * Sample events fill few of a table's many columns, so each row starts as a copy of the row of
 * defaults ("" for strings, null otherwise) and only the properties present are converted.
 */
export function normalizeInputRows(rows: readonly Record<string, unknown>[], columns: readonly Column[], schema: readonly Column[] = columns): Row[] {
  const positions = new Map<string, number>();
  columns.forEach((column, i) => positions.set(column.name, i));
  // Columns of the table that are not read (pruned) are still valid property names.
  const skipped = new Set(schema.filter((c) => !positions.has(c.name)).map((c) => c.name));
  const defaults: Row = columns.map((column) => (column.type === 'string' ? '' : null));
  const out: Row[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const source = rows[r];
    if (source === null || typeof source !== 'object') throw new InputValueError(`row ${r}: expected an object, got ${String(source)}`);
    const row = defaults.slice();
    for (const key in source) {
      const value = source[key];
      if (value === undefined) continue;
      const position = positions.get(key);
      if (position === undefined) {
        if (skipped.has(key)) continue;
        throw new InputValueError(`row ${r}: '${key}' is not a column of the table (columns: ${schema.map((c) => c.name).join(', ')})`);
      }
      if (value === null) continue;
      try {
        row[position] = normalizeInputValue(value, columns[position]);
      } catch (error) {
        if (error instanceof InputValueError) throw new InputValueError(`row ${r}, ${error.message}`);
        throw error;
      }
    }
    out[r] = row;
  }
  return out;
}

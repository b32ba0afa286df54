/**
 * The evaluator's internal value model. Every column has a Kusto scalar type, and each type has one
 * JS representation, fixed here so that operators can compare and hash values without inspecting them:
 *
 * | Kusto type            | JS value                                                   |
 * |-----------------------|------------------------------------------------------------|
 * | string                | string (never null: Kusto strings are empty, not null)     |
 * | long, int, real, decimal | number, or null                                         |
 * | bool                  | boolean, or null                                           |
 * | datetime              | number of microseconds since 1970-01-01 UTC, or null       |
 * | timespan              | number of microseconds, or null                            |
 * | guid                  | lower-case string, or null                                 |
 * | dynamic               | null, boolean, number, string, array or plain object (JSON) |
 */

export type ScalarType = 'string' | 'long' | 'int' | 'real' | 'decimal' | 'bool' | 'datetime' | 'timespan' | 'guid' | 'dynamic';

const SCALAR_TYPES: ReadonlySet<string> = new Set(['string', 'long', 'int', 'real', 'decimal', 'bool', 'datetime', 'timespan', 'guid', 'dynamic']);

/** Kusto's type aliases (`boolean`, `double`, `date`, `time`, `uniqueid`) mapped to one name. */
const ALIASES: Readonly<Record<string, ScalarType>> = {
  boolean: 'bool', double: 'real', date: 'datetime', time: 'timespan', uniqueid: 'guid', int32: 'int', int64: 'long',
};

export function asScalarType(name: string): ScalarType | undefined {
  const lower = name.toLowerCase();
  if (SCALAR_TYPES.has(lower)) return lower as ScalarType;
  return ALIASES[lower];
}

export function isNumericType(type: string): boolean {
  return type === 'long' || type === 'int' || type === 'real' || type === 'decimal';
}

export function isIntegerType(type: string): boolean {
  return type === 'long' || type === 'int';
}

/** A dynamic value: what JSON.parse returns. */
export type DynamicValue = null | boolean | number | string | DynamicValue[] | { [key: string]: DynamicValue };

export type Row = unknown[];

export interface Column {
  readonly name: string;
  readonly type: ScalarType;
}

/** A table in internal form: rows are arrays in column order. */
export interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

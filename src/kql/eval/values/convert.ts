/**
 * Conversions between the internal representations (see types.ts): the to*() functions, implicit
 * conversions of dynamic values, normalisation of caller rows, and rendering of result rows.
 */
import { datetimeFromDate, formatDatetime, parseDatetime } from './datetime';
import { dynamicToJson, toDynamicValue } from './dynamic';
import { formatTimespan, parseTimespan } from './timespan';
import { DynamicValue, ScalarType } from './types';

const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;
const NUMBER_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Kusto's text for a real: integral values print without a fraction, infinities as `inf`/`-inf`. */
export function formatReal(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}

export function toStringValue(value: unknown, type: string): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'string': return value as string;
    case 'datetime': return formatDatetime(value as number);
    case 'timespan': return formatTimespan(value as number);
    case 'real': case 'decimal': return formatReal(value as number);
    case 'dynamic':
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return formatReal(value);
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      return dynamicToJson(value as DynamicValue);
    default: return String(value);
  }
}

export function toRealValue(value: unknown, type: string): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return type === 'datetime' || type === 'timespan' ? value * 10 : value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'inf' || lower === '+inf') return Infinity;
    if (lower === '-inf') return -Infinity;
    if (lower === 'nan') return NaN;
    return NUMBER_TEXT.test(value) ? Number(value) : null;
  }
  return null;
}

/** tolong(): whole numbers from text, reals truncated toward zero, datetime/timespan as 100 ns ticks. */
export function toLongValue(value: unknown, type: string): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    if (INTEGER_TEXT.test(value)) return Number(value);
    const real = toRealValue(value, 'string');
    return real === null || !Number.isFinite(real) ? null : Math.trunc(real);
  }
  const real = toRealValue(value, type);
  return real === null || !Number.isFinite(real) ? null : Math.trunc(real);
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** toint(): as tolong(), and null when the value does not fit 32 bits. */
export function toIntValue(value: unknown, type: string): number | null {
  const long = toLongValue(value, type);
  return long === null || long < INT_MIN || long > INT_MAX ? null : long;
}

export function toBoolValue(value: unknown, type: string): boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return type === 'datetime' || type === 'timespan' ? null : value !== 0;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true' || lower === '1') return true;
    if (lower === 'false' || lower === '0') return false;
  }
  return null;
}

export function toDatetimeValue(value: unknown, type: string): number | null {
  if (value === null || value === undefined) return null;
  if (type === 'datetime') return value as number;
  if (typeof value === 'string') return parseDatetime(value);
  if (value instanceof Date) return datetimeFromDate(value);
  return null;
}

export function toTimespanValue(value: unknown, type: string): number | null {
  if (value === null || value === undefined) return null;
  if (type === 'timespan') return value as number;
  if (typeof value === 'string') return parseTimespan(value);
  // A number in a dynamic value is read as 100 ns ticks, as Kusto does for totimespan(long).
  if (typeof value === 'number' && (type === 'dynamic' || type === 'long' || type === 'int')) return value / 10;
  return null;
}

const GUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toGuidValue(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return GUID_TEXT.test(trimmed) ? trimmed.toLowerCase() : null;
}

/** Converts a value of `sourceType` to `target`, with the to*() functions' semantics. */
export function convertValue(value: unknown, sourceType: string, target: ScalarType): unknown {
  if (sourceType === target) return value;
  switch (target) {
    case 'string': return toStringValue(value, sourceType);
    case 'long': return toLongValue(value, sourceType);
    case 'int': return toIntValue(value, sourceType);
    case 'real': case 'decimal': return toRealValue(value, sourceType);
    case 'bool': return toBoolValue(value, sourceType);
    case 'datetime': return toDatetimeValue(value, sourceType);
    case 'timespan': return toTimespanValue(value, sourceType);
    case 'guid': return toGuidValue(value);
    case 'dynamic': return toDynamicValue(value, sourceType);
  }
}

/** A result cell as callers see it: datetimes and timespans in Kusto's text forms, the rest as is. */
export function toOutputValue(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return type === 'string' ? '' : null;
  if (type === 'datetime') return formatDatetime(value as number);
  if (type === 'timespan') return formatTimespan(value as number);
  return value;
}

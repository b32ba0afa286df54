/**
 * dynamic values are plain JSON values. A datetime or timespan placed into a dynamic value becomes
 * its Kusto text form (ISO-8601 / `d.hh:mm:ss`), which is what Kusto shows and what todatetime()
 * and totimespan() read back.
 */
import { formatDatetime } from './datetime';
import { formatTimespan } from './timespan';
import { DynamicValue } from './types';

export function isBag(value: unknown): value is Record<string, DynamicValue> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A scalar of a known type as a dynamic value. */
export function toDynamicValue(value: unknown, type: string): DynamicValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'datetime': return formatDatetime(value as number);
    case 'timespan': return formatTimespan(value as number);
    default: return value as DynamicValue;
  }
}

/** parse_json(): JSON text to a value; text that is not JSON stays a string (as Kusto documents). */
export function parseJsonText(text: string): DynamicValue {
  if (text === '') return null;
  try {
    return JSON.parse(text) as DynamicValue;
  } catch {
    return text;
  }
}

/** `d.name` / `d["name"]`: a bag's property, or null for anything that is not a bag or lacks it. */
export function propertyOf(value: unknown, key: string): DynamicValue {
  if (!isBag(value)) return null;
  const found = value[key];
  return found === undefined ? null : found;
}

/** `d[i]`: an array element, counting from the end when i is negative; null out of range. */
export function elementAt(value: unknown, index: number): DynamicValue {
  if (!Array.isArray(value) || !Number.isInteger(index)) return null;
  const at = index < 0 ? value.length + index : index;
  const found = value[at] as DynamicValue | undefined;
  return found === undefined ? null : found;
}

/** Compact JSON text of a dynamic value, as tostring() renders arrays and bags. */
export function dynamicToJson(value: DynamicValue): string {
  return JSON.stringify(value);
}

/**
 * A key under which equal dynamic values collide, for set functions, grouping and joins.
 * Strings and numbers get distinct prefixes so that "1" and 1 stay distinct.
 */
export function dynamicKey(value: unknown): string {
  if (value === null || value === undefined) return 'n';
  switch (typeof value) {
    case 'string': return `s${value}`;
    case 'number': return `d${value}`;
    case 'boolean': return value ? 'bt' : 'bf';
    default: return `j${JSON.stringify(value)}`;
  }
}

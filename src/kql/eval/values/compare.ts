/**
 * Ordering and hashing of internal values. Every column has one JS representation per type
 * (see types.ts), so ordering is numeric, ordinal or boolean, chosen once per column.
 */
import { dynamicKey } from './dynamic';
import { toStringValue } from './convert';

export type Comparer = (a: unknown, b: unknown) => number;

function compareNumbers(a: unknown, b: unknown): number {
  return (a as number) - (b as number);
}

function compareStrings(a: unknown, b: unknown): number {
  return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
}

function compareBooleans(a: unknown, b: unknown): number {
  return (a ? 1 : 0) - (b ? 1 : 0);
}

/** Dynamic values order numbers numerically and everything else by its text. */
function compareDynamic(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareStrings(toStringValue(a, 'dynamic'), toStringValue(b, 'dynamic'));
}

/** Orders two non-null values of one type. */
export function comparerFor(type: string): Comparer {
  switch (type) {
    case 'string': case 'guid': return compareStrings;
    case 'bool': return compareBooleans;
    case 'dynamic': return compareDynamic;
    default: return compareNumbers;
  }
}

/**
 * Orders values with nulls placed first or last; NaN is placed with the nulls, as Kusto documents.
 * Strings are never null, and the empty string follows the same placement.
 */
export function sortComparer(type: string, descending: boolean, nullsFirst: boolean): Comparer {
  const compare = comparerFor(type);
  const isEmpty = type === 'string'
    ? (v: unknown) => v === ''
    : (v: unknown) => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
  const sign = descending ? -1 : 1;
  const nullSign = nullsFirst ? -1 : 1;
  return (a, b) => {
    const aEmpty = isEmpty(a);
    const bEmpty = isEmpty(b);
    if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? nullSign : -nullSign;
    return sign * compare(a, b);
  };
}

/**
 * A Map key for one value of a known type: the value itself for primitive columns (one JS type per
 * column, so keys cannot collide across types), a typed text key for dynamic values.
 */
export function keyOf(value: unknown, type: string): unknown {
  if (type === 'dynamic') return dynamicKey(value);
  return value === undefined ? null : value;
}

/** A Map key for several values: each part typed and length-prefixed, so no two tuples collide. */
export function compositeKey(values: readonly unknown[], types: readonly string[]): string {
  let key = '';
  for (let i = 0; i < values.length; i++) {
    const part = types[i] === 'dynamic' ? dynamicKey(values[i]) : values[i] === null || values[i] === undefined ? 'n' : `${typeof values[i]}${String(values[i])}`;
    key += `${part.length}:${part}`;
  }
  return key;
}

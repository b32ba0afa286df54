/**
 * Arithmetic and comparison with Kusto's typing: long / long divides to a whole number, datetime and
 * timespan are microsecond numbers (so datetime - datetime is a timespan), null in gives null out.
 */
import { toRealValue } from '../values/convert';
import { convertValue } from '../values/convert';
import { dynamicKey } from '../values/dynamic';
import { ScalarType } from '../values/types';
import { Compiled, derived, RowFn } from './compiled';

/** A dynamic operand used in arithmetic: its number, or null when it holds anything else. */
function numericReader(operand: Compiled): RowFn {
  if (operand.type !== 'dynamic') return operand.fn;
  const fn = operand.fn;
  return (row) => {
    const value = fn(row);
    return typeof value === 'number' ? value : typeof value === 'string' ? toRealValue(value, 'string') : null;
  };
}

export function compileArithmetic(op: string, left: Compiled, right: Compiled, resultType: ScalarType): Compiled {
  const l = numericReader(left);
  const r = numericReader(right);
  const wholeResult = resultType === 'long' || resultType === 'int' || resultType === 'timespan' || resultType === 'datetime';
  let fn: RowFn;
  switch (op) {
    case 'AddExpression':
      fn = (row) => { const a = l(row); if (a === null) return null; const b = r(row); return b === null ? null : (a as number) + (b as number); };
      break;
    case 'SubtractExpression':
      fn = (row) => { const a = l(row); if (a === null) return null; const b = r(row); return b === null ? null : (a as number) - (b as number); };
      break;
    case 'MultiplyExpression':
      fn = wholeResult
        ? (row) => { const a = l(row); if (a === null) return null; const b = r(row); return b === null ? null : Math.trunc((a as number) * (b as number)); }
        : (row) => { const a = l(row); if (a === null) return null; const b = r(row); return b === null ? null : (a as number) * (b as number); };
      break;
    case 'DivideExpression':
      // Whole-number division by zero has no value in Kusto; real division yields inf/NaN as IEEE does.
      fn = wholeResult
        ? (row) => { const a = l(row); if (a === null) return null; const b = r(row); return b === null || b === 0 ? null : Math.trunc((a as number) / (b as number)); }
        : (row) => { const a = l(row); if (a === null) return null; const b = r(row); return b === null ? null : (a as number) / (b as number); };
      break;
    case 'ModuloExpression':
      fn = (row) => { const a = l(row); if (a === null) return null; const b = r(row); return b === null || b === 0 ? null : (a as number) % (b as number); };
      break;
    default:
      throw new Error(`not an arithmetic operator: ${op}`);
  }
  return derived(fn, resultType, [left, right]);
}

/**
 * Brings a dynamic operand to the other operand's type so that `d.count > 5` and
 * `d.name == "x"` compare like values; two dynamics compare as they are.
 */
function alignedReaders(left: Compiled, right: Compiled): { l: RowFn; r: RowFn; type: string } {
  if (left.type === 'dynamic' && right.type !== 'dynamic') {
    const fn = left.fn; const target = right.type;
    return { l: (row) => convertValue(fn(row), 'dynamic', target), r: right.fn, type: target };
  }
  if (right.type === 'dynamic' && left.type !== 'dynamic') {
    const fn = right.fn; const target = left.type;
    return { l: left.fn, r: (row) => convertValue(fn(row), 'dynamic', target), type: target };
  }
  return { l: left.fn, r: right.fn, type: left.type };
}

function sameValue(a: unknown, b: unknown, type: string): boolean {
  if (type !== 'dynamic' || (typeof a !== 'object' && typeof b !== 'object')) return a === b;
  return dynamicKey(a) === dynamicKey(b);
}

/**
 * `==` and `!=` as Kusto documents them: two nulls give null; a null and a non-null value are
 * unequal (`==` false, `!=` true). Strings are never null, so string equality is plain.
 */
export function compileEquality(negate: boolean, left: Compiled, right: Compiled): Compiled {
  const { l, r, type } = alignedReaders(left, right);
  if (left.type === 'string' && right.type === 'string') {
    return derived(negate ? (row) => l(row) !== r(row) : (row) => l(row) === r(row), 'bool', [left, right]);
  }
  const fn: RowFn = (row) => {
    const a = l(row);
    const b = r(row);
    const aNull = a === null || a === undefined;
    const bNull = b === null || b === undefined;
    if (aNull || bNull) return aNull && bNull ? null : negate;
    return sameValue(a, b, type) !== negate;
  };
  return derived(fn, 'bool', [left, right]);
}

/** `<`, `<=`, `>`, `>=` over numbers (incl. datetime and timespan) and strings (ordinal). */
export function compileOrdering(op: string, left: Compiled, right: Compiled): Compiled {
  const { l, r } = alignedReaders(left, right);
  let test: (a: number | string, b: number | string) => boolean;
  switch (op) {
    case 'LessThanExpression': test = (a, b) => a < b; break;
    case 'LessThanOrEqualExpression': test = (a, b) => a <= b; break;
    case 'GreaterThanExpression': test = (a, b) => a > b; break;
    case 'GreaterThanOrEqualExpression': test = (a, b) => a >= b; break;
    default: throw new Error(`not a comparison operator: ${op}`);
  }
  const fn: RowFn = (row) => {
    const a = l(row);
    if (a === null || a === undefined) return null;
    const b = r(row);
    if (b === null || b === undefined) return null;
    return test(a as number | string, b as number | string);
  };
  return derived(fn, 'bool', [left, right]);
}

/** `and` / `or` with three-valued logic: false and null is false, true or null is true. */
export function compileLogical(op: 'and' | 'or', left: Compiled, right: Compiled): Compiled {
  const l = left.fn;
  const r = right.fn;
  const fn: RowFn = op === 'and'
    ? (row) => { const a = l(row); if (a === false) return false; const b = r(row); if (b === false) return false; return a === null || b === null ? null : true; }
    : (row) => { const a = l(row); if (a === true) return true; const b = r(row); if (b === true) return true; return a === null || b === null ? null : false; };
  return derived(fn, 'bool', [left, right]);
}

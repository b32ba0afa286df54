/** Array and set functions: array_concat, array_slice, set_union, set_intersect, set_difference. */
import { dynamicKey } from '../values/dynamic';
import { DynamicValue } from '../values/types';
import { expectArity, FunctionImpl, pure } from './function-library';

function arrays(values: readonly unknown[]): DynamicValue[][] | null {
  return values.every(Array.isArray) ? (values as DynamicValue[][]) : null;
}

/** The distinct values of `candidates`, in first-seen order, that `keep` accepts. */
function distinct(candidates: readonly DynamicValue[], keep: (key: string) => boolean = () => true): DynamicValue[] {
  const seen = new Set<string>();
  const out: DynamicValue[] = [];
  for (const value of candidates) {
    const key = dynamicKey(value);
    if (seen.has(key) || !keep(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/** A set function of two or more arrays; null when any argument is not an array. */
function setFunction(combine: (lists: DynamicValue[][]) => DynamicValue[]): FunctionImpl {
  return (call) => {
    expectArity(call, 2, 64);
    return pure(call, (...values: unknown[]) => {
      const lists = arrays(values);
      return lists === null ? null : combine(lists);
    }, 'dynamic');
  };
}

const setUnion = setFunction((lists) => distinct(lists.flat()));
const setIntersect = setFunction(([first, ...rest]) => {
  const others = rest.map((list) => new Set(list.map(dynamicKey)));
  return distinct(first, (key) => others.every((other) => other.has(key)));
});
const setDifference = setFunction(([first, ...rest]) => {
  const removed = new Set(rest.flat().map(dynamicKey));
  return distinct(first, (key) => !removed.has(key));
});

const arrayConcat: FunctionImpl = (call) => {
  expectArity(call, 1, 64);
  return pure(call, (...values: unknown[]) => arrays(values)?.flat() ?? null, 'dynamic');
};

/** array_slice(array, start, end): `end` inclusive; negative indexes count from the end. */
const arraySlice: FunctionImpl = (call) => {
  expectArity(call, 3);
  return pure(call, (value: unknown, start: unknown, end: unknown) => {
    if (!Array.isArray(value) || typeof start !== 'number' || typeof end !== 'number') return null;
    const from = start < 0 ? value.length + start : start;
    const to = end < 0 ? value.length + end : end;
    return value.slice(Math.max(0, from), Math.max(0, to + 1));
  }, 'dynamic');
};

export const ARRAY_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  array_concat: arrayConcat,
  array_slice: arraySlice,
  set_union: setUnion,
  set_intersect: setIntersect,
  set_difference: setDifference,
};

/** Conditional and emptiness functions: iff/iif, case, coalesce, not, isempty, isnotempty, isnull, isnotnull. */
import { convertValue } from '../values/convert';
import { ScalarType } from '../values/types';
import { Compiled, derived, RowFn } from './compiled';
import { expectArity, FunctionImpl, pure } from './function-library';

/** A branch's reader in the call's result type (e.g. a dynamic branch of a string iff()). */
function asResultType(branch: Compiled, resultType: ScalarType): RowFn {
  if (branch.type === resultType || resultType === 'real' && (branch.type === 'long' || branch.type === 'int')) return branch.fn;
  const fn = branch.fn;
  const source = branch.type;
  return (row) => convertValue(fn(row), source, resultType);
}

const iff: FunctionImpl = (call) => {
  expectArity(call, 3);
  const condition = call.args[0].fn;
  const then = asResultType(call.args[1], call.resultType);
  const otherwise = asResultType(call.args[2], call.resultType);
  return derived((row) => (condition(row) === true ? then(row) : otherwise(row)), call.resultType, call.args);
};

const kase: FunctionImpl = (call) => {
  if (call.args.length < 3 || call.args.length % 2 === 0) {
    call.env.ctx.fail(call.node, 'case', 'case() takes condition/value pairs followed by an else value');
  }
  const conditions: RowFn[] = [];
  const values: RowFn[] = [];
  for (let i = 0; i + 1 < call.args.length; i += 2) {
    conditions.push(call.args[i].fn);
    values.push(asResultType(call.args[i + 1], call.resultType));
  }
  const otherwise = asResultType(call.args[call.args.length - 1], call.resultType);
  return derived((row) => {
    for (let i = 0; i < conditions.length; i++) if (conditions[i](row) === true) return values[i](row);
    return otherwise(row);
  }, call.resultType, call.args);
};

/** coalesce(): the first argument that is not null (for strings: not empty). */
const coalesce: FunctionImpl = (call) => {
  const readers = call.args.map((arg) => asResultType(arg, call.resultType));
  const empty = call.resultType === 'string' ? (v: unknown) => v === '' : (v: unknown) => v === null || v === undefined;
  return derived((row) => {
    let last: unknown = null;
    for (const read of readers) { last = read(row); if (!empty(last)) return last; }
    return last;
  }, call.resultType, call.args);
};

function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

export const LOGIC_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  iff,
  iif: iff,
  case: kase,
  coalesce,
  not: (call) => { expectArity(call, 1); return pure(call, (v) => (v === null || v === undefined ? null : !v), 'bool'); },
  isempty: (call) => { expectArity(call, 1); return pure(call, isEmptyValue, 'bool'); },
  isnotempty: (call) => { expectArity(call, 1); return pure(call, (v) => !isEmptyValue(v), 'bool'); },
  isnull: (call) => { expectArity(call, 1); return pure(call, (v) => v === null || v === undefined, 'bool'); },
  isnotnull: (call) => { expectArity(call, 1); return pure(call, (v) => v !== null && v !== undefined, 'bool'); },
};

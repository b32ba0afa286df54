/**
 * The contract between the call compiler and the scalar function modules: each function gets its
 * compiled arguments and returns a compiled closure. `pure` covers functions that only map argument
 * values to a result (arity-specialised so per-row calls do not allocate an argument array).
 */
import type { KNode } from '../syntax';
import { ScalarType } from '../values/types';
import { Compiled, CompileEnv, derived, RowFn } from './compiled';

export interface CallInfo {
  /** The FunctionCallExpression node (errors point at it). */
  readonly node: KNode;
  readonly name: string;
  readonly args: readonly Compiled[];
  readonly argNodes: readonly KNode[];
  /** The type the binder gave the call. */
  readonly resultType: ScalarType;
  readonly env: CompileEnv;
}

export type FunctionImpl = (call: CallInfo) => Compiled;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ValueMapper = (...values: any[]) => unknown;

export function pure(call: CallInfo, map: ValueMapper, resultType: ScalarType = call.resultType): Compiled {
  const fns = call.args.map((arg) => arg.fn);
  let fn: RowFn;
  switch (fns.length) {
    case 0: fn = () => map(); break;
    case 1: { const a = fns[0]; fn = (row) => map(a(row)); break; }
    case 2: { const a = fns[0]; const b = fns[1]; fn = (row) => map(a(row), b(row)); break; }
    case 3: { const a = fns[0]; const b = fns[1]; const c = fns[2]; fn = (row) => map(a(row), b(row), c(row)); break; }
    default: fn = (row) => map(...fns.map((f) => f(row)));
  }
  return derived(fn, resultType, call.args);
}

/** The value of an argument that must be constant (a unit name, a format, a regex). */
export function constantArgument(call: CallInfo, index: number, what: string): unknown {
  const arg = call.args[index];
  if (!arg.constant) call.env.ctx.fail(call.argNodes[index], call.name, `${call.name}(): the ${what} must be a constant`);
  return arg.fn([]);
}

/** Fails at the call when the argument count is outside [min, max]. */
export function expectArity(call: CallInfo, min: number, max = min): void {
  if (call.args.length < min || call.args.length > max) {
    call.env.ctx.fail(call.node, call.name, `${call.name}() takes ${min === max ? min : `${min} to ${max}`} arguments, got ${call.args.length}`);
  }
}

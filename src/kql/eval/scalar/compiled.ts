/**
 * A scalar expression compiled once into a closure over a row. Constant sub-expressions are folded
 * at compile time, so `ago(1d)`, regex patterns and lower-cased needles are computed once per query.
 */
import type { EvalContext } from '../context';
import type { KNode } from '../syntax';
import { Column, Row, ScalarType } from '../values/types';

export type RowFn = (row: Row) => unknown;

export interface Compiled {
  readonly fn: RowFn;
  readonly type: ScalarType;
  /** True when the value does not depend on the row (already folded: `fn` returns a captured value). */
  readonly constant: boolean;
}

const NO_ROW: Row = [];

export function constant(value: unknown, type: ScalarType): Compiled {
  return { fn: () => value, type, constant: true };
}

/** The value of a constant expression (or of any expression evaluated with no row). */
export function valueOf(compiled: Compiled): unknown {
  return compiled.fn(NO_ROW);
}

/** Wraps a row function, folding it to a constant when every input it reads is constant. */
export function derived(fn: RowFn, type: ScalarType, inputs: readonly Compiled[]): Compiled {
  if (inputs.every((input) => input.constant)) return constant(fn(NO_ROW), type);
  return { fn, type, constant: false };
}

/** Column positions of the rows an expression is compiled against. */
export class RowSchema {
  private readonly positions = new Map<string, number>();

  constructor(readonly columns: readonly Column[]) {
    columns.forEach((column, index) => this.positions.set(column.name, index));
  }

  indexOf(name: string): number {
    return this.positions.get(name) ?? -1;
  }
}

/** Where a scalar expression is compiled: the query context and the row layout it will read. */
export interface CompileEnv {
  readonly ctx: EvalContext;
  readonly schema: RowSchema;
  /** Nodes already compiled elsewhere (aggregate calls inside a summarize expression). */
  readonly substitutions?: ReadonlyMap<KNode, Compiled>;
}

/** The shape of the compiler entry point, passed to modules that compile their own arguments. */
export type ScalarCompiler = (node: KNode, env: CompileEnv) => Compiled;

/**
 * The expression read as `type`: a no-op when the representations agree (all numeric types are JS
 * numbers), a conversion otherwise (e.g. a dynamic branch stored into a string column).
 */
export function coerce(compiled: Compiled, type: ScalarType, convert: (value: unknown, from: string, to: ScalarType) => unknown): Compiled {
  if (compiled.type === type) return compiled;
  const numeric = (t: string): boolean => t === 'long' || t === 'int' || t === 'real' || t === 'decimal';
  if (numeric(compiled.type) && numeric(type) && !(type === 'long' || type === 'int')) return { ...compiled, type };
  const fn = compiled.fn;
  const from = compiled.type;
  return derived((row) => convert(fn(row), from, type), type, [compiled]);
}

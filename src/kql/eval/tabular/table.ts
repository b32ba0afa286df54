/** Helpers shared by the tabular operators: bound result columns, typed column lists, compile-in-a-table. */
import { EvalContext } from '../context';
import { coerce, Compiled, RowSchema } from '../scalar/compiled';
import { compileScalar } from '../scalar/compile';
import { columnsOfType, KNode, scalarTypeName } from '../syntax';
import { convertValue } from '../values/convert';
import { asScalarType, Column, ScalarType, Table } from '../values/types';

/** The bound result columns of an operator node (names and types Kusto.Language computed). */
export function boundColumns(node: KNode): Column[] {
  return columnsOfType(node.ResultType).map((c) => ({ name: c.name, type: asScalarType(c.type) ?? 'dynamic' }));
}

/** The bound columns of the operator's input (the left side of its pipe). */
export function boundInputColumns(operator: KNode): Column[] {
  const pipe = operator.Parent as KNode | null;
  return pipe?.Expression ? boundColumns(pipe.Expression) : [];
}

/** The bound scalar type of an expression, or `fallback` when the binder has none. */
export function boundType(node: KNode, fallback: ScalarType): ScalarType {
  return asScalarType(scalarTypeName(node.ResultType)) ?? fallback;
}

/** Compiles an expression against a table's columns. */
export function compileIn(node: KNode, columns: readonly Column[], ctx: EvalContext): Compiled {
  return compileScalar(node, { ctx, schema: new RowSchema(columns) });
}

/** Compiles an expression and reads it as the type the binder gave it. */
export function compileTyped(node: KNode, columns: readonly Column[], ctx: EvalContext): Compiled {
  const compiled = compileIn(node, columns, ctx);
  return coerce(compiled, boundType(node, compiled.type), convertValue);
}

export function emptyTable(columns: readonly Column[]): Table {
  return { columns, rows: [] };
}

/**
 * A unique name for a column joining `used`: the name itself, or the name with the first free
 * numeric suffix (`N1`, `N2`, ...), as Kusto names right-side duplicates of a join.
 */
export function uniqueName(name: string, used: Set<string>): string {
  if (!used.has(name)) return name;
  for (let i = 1; ; i++) if (!used.has(`${name}${i}`)) return `${name}${i}`;
}

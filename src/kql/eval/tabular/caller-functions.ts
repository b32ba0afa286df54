/** Tabular functions supplied by the caller in EvalOptions.functions, e.g. `_GetWatchlist('alias')`. */
import { EvalContext } from '../context';
import { RowSchema } from '../scalar/compiled';
import { compileScalar } from '../scalar/compile';
import { elementsOf, KNode } from '../syntax';
import { InputValueError, normalizeInputRows } from '../values/input';
import { asScalarType, Column, Table } from '../values/types';
import { EvalColumn } from '../options';

/** Caller columns in internal form; an unknown type name is an error naming the table and column. */
export function internalColumns(columns: readonly EvalColumn[], owner: string): Column[] {
  return columns.map((column) => {
    const type = asScalarType(column.type);
    if (!type) throw new InputValueError(`${owner}: column ${column.name} has unknown type '${column.type}' (use string, long, int, real, bool, datetime, timespan, guid, dynamic or decimal)`);
    return { name: column.name, type };
  });
}

export function callerFunction(node: KNode, ctx: EvalContext): Table {
  const name = String(node.ReferencedSymbol?.Name ?? node.Name?.SimpleName);
  const implementation = ctx.options.functions?.[name];
  if (!implementation) return ctx.unsupported(node, name, 'tabular function');
  const args = elementsOf(node.ArgumentList.Expressions).map((argument) => {
    const compiled = compileScalar(argument, { ctx, schema: new RowSchema([]) });
    if (!compiled.constant) ctx.fail(argument, name, `${name}(): arguments must be constants`);
    return compiled.fn([]);
  });
  try {
    const result = implementation(args);
    const schema = ctx.options.functionSchemas?.[name] ?? result.columns;
    const columns = internalColumns(schema, `${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
    return { columns, rows: normalizeInputRows(result.rows, columns) };
  } catch (error) {
    if (error instanceof InputValueError) ctx.fail(node, name, `${name}(): ${error.message}`);
    throw error;
  }
}

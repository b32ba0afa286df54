/** Tabular functions supplied by the caller in EvalOptions.functions, e.g. `_GetWatchlist('alias')`. */
import { EvalContext } from '../context';
import { RowSchema } from '../scalar/compiled';
import { compileScalar } from '../scalar/compile';
import { elementsOf, KNode } from '../syntax';
import { InputValueError, normalizeInputRows } from '../values/input';
import { asScalarType, Column, Table } from '../values/types';
import { openColumns } from './open-columns';
import { boundColumns } from './table';
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
  // A parameterless function may be named without parentheses (`imProcessCreate | ...`).
  const args = elementsOf(node.ArgumentList?.Expressions).map((argument) => {
    const compiled = compileScalar(argument, { ctx, schema: new RowSchema([]) });
    if (!compiled.constant) ctx.fail(argument, name, `${name}(): arguments must be constants`);
    return compiled.fn([]);
  });
  try {
    const result = implementation(args);
    // Without a schema of its own, the result has the columns the binder gave the call (a parser
    // declared with its output columns, e.g. an ASIM parser).
    const ownSchema = ctx.options.functionSchemas?.[name];
    const schema = ownSchema ?? (result.columns.length > 0 ? result.columns : boundColumns(node));
    const declared = internalColumns(schema, `${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
    // A parser known by name only returns an open table: its rows bring their own columns.
    const columns = ownSchema === undefined && node.ResultType?.IsOpen === true ? [...declared, ...openColumns(declared, result)] : declared;
    if (columns.length === 0 && result.rows.length > 0) {
      return ctx.fail(node, name, `${name}() has rows but no known output columns; declare its columns with defineFunction({ name, columns })`);
    }
    return { columns, rows: normalizeInputRows(result.rows, columns) };
  } catch (error) {
    if (error instanceof InputValueError) ctx.fail(node, name, `${name}(): ${error.message}`);
    throw error;
  }
}

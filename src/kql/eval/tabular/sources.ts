/** Where rows come from: table references, let-bound tables, datatable, print, range and function calls. */
import { kustoLanguage } from '../../kusto-bridge';
import { EvalContext } from '../context';
import { RowSchema } from '../scalar/compiled';
import { compileScalar } from '../scalar/compile';
import { expandFunctionCall } from '../scalar/user-functions';
import { bindLetStatements } from '../statements';
import { elementsOf, KNode, nodeClass, simpleName } from '../syntax';
import { convertValue } from '../values/convert';
import { Row, Table } from '../values/types';
import { boundColumns, compileTyped } from './table';
import { callerFunction } from './caller-functions';

const NO_COLUMNS = new RowSchema([]);

/** A name used as a table: a database table, a tabular let, a tabular function parameter, or an `as` name. */
export function tableReference(node: KNode, ctx: EvalContext): Table {
  const name = simpleName(node);
  const symbolKind = nodeClass(node.ReferencedSymbol ?? {});
  const binding = symbolKind === 'TableSymbol' ? undefined : ctx.scope.lookup(name);
  if (binding?.kind === 'table') return binding.table();
  if (symbolKind === 'TableSymbol') return ctx.session.databaseTable(name, node, ctx);
  // A view (`let V = view () { ... }`) or parameterless function named without parentheses.
  if (symbolKind === 'FunctionSymbol') return tabularCall(node, ctx);
  if (name.includes('*')) return ctx.unsupported(node, name, 'table wildcard');
  return ctx.fail(node, name, `'${name}' is not a table the evaluator can read`);
}

/** datatable(a:long, b:string) [1, "x", ...]: values fill the rows in order. */
export function datatable(node: KNode, ctx: EvalContext): Table {
  const columns = boundColumns(node);
  const values = elementsOf(node.Values);
  if (columns.length === 0) return { columns, rows: [] };
  if (values.length % columns.length !== 0) {
    ctx.fail(node, 'datatable', `datatable has ${values.length} values, not a multiple of its ${columns.length} columns`);
  }
  const rows: Row[] = [];
  for (let start = 0; start < values.length; start += columns.length) {
    const row: Row = new Array(columns.length);
    for (let c = 0; c < columns.length; c++) {
      const compiled = compileScalar(values[start + c], { ctx, schema: NO_COLUMNS });
      row[c] = convertValue(compiled.fn([]), compiled.type, columns[c].type);
    }
    rows.push(row);
  }
  return { columns, rows };
}

/** print a=1, 2: one row of the expressions, with the names Kusto gives them (print_0, ...). */
export function print(node: KNode, ctx: EvalContext): Table {
  const columns = boundColumns(node);
  const expressions = elementsOf(node.Expressions);
  const row = expressions.map((expression) => compileTyped(expression, [], ctx).fn([]));
  return { columns, rows: [row] };
}

/** range x from a to b step s: inclusive, over numbers, datetimes (timespan step) or timespans. */
export function range(node: KNode, ctx: EvalContext): Table {
  const columns = boundColumns(node);
  const read = (expression: KNode): number | null => compileScalar(expression, { ctx, schema: NO_COLUMNS }).fn([]) as number | null;
  const from = read(node.From);
  const to = read(node.To);
  const step = read(node.Step);
  if (from === null || to === null || step === null || step === 0) return { columns, rows: [] };
  const rows: Row[] = [];
  const limit = 10_000_000;
  for (let value = from; step > 0 ? value <= to : value >= to; value += step) {
    rows.push([value]);
    if (rows.length > limit) ctx.fail(node, 'range', `range produces more than ${limit} rows`);
  }
  return { columns, rows };
}

/**
 * A tabular function call: a let-declared function (its expanded body, with table arguments
 * evaluated on use and scalar arguments evaluated once), or a function supplied by the caller.
 */
export function tabularCall(node: KNode, ctx: EvalContext, pipedInput?: Table): Table {
  // table("Name"): the database table the binder resolved the constant name to.
  if (node.ReferencedSymbol === kustoLanguage().Functions.Table && nodeClass(node.ResultType ?? {}) === 'TableSymbol') {
    return ctx.session.databaseTable(String(node.ResultType.Name), node, ctx);
  }
  const expanded = expandFunctionCall(
    node,
    ctx,
    (argument, tabular) =>
      tabular
        ? { kind: 'table', table: () => ctx.evaluateTabular(argument, ctx) }
        : { kind: 'scalar', value: compileScalar(argument, { ctx, schema: NO_COLUMNS }) },
    pipedInput ? { kind: 'table', table: () => pipedInput } : undefined,
  );
  if (expanded) {
    const bodyCtx = bindLetStatements(expanded.body.Statements, expanded.ctx, NO_COLUMNS, compileScalar);
    return bodyCtx.evaluateTabular(expanded.body.Expression, bodyCtx);
  }
  return callerFunction(node, ctx);
}

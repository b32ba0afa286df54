/** sort/order by, top, take/limit, distinct, count. */
import { EvalContext } from '../context';
import { elementsOf, KNode, nodeClass, syntaxKind } from '../syntax';
import { compositeKey, sortComparer } from '../values/compare';
import { Row, Table } from '../values/types';
import { boundColumns, compileIn, compileTyped } from './table';

interface SortKey {
  readonly fn: (row: Row) => unknown;
  readonly compare: (a: unknown, b: unknown) => number;
}

/**
 * One `by` item: Kusto sorts descending unless told otherwise, with nulls last when descending and
 * first when ascending, unless `nulls first|last` says otherwise.
 */
function sortKey(item: KNode, input: Table, ctx: EvalContext): SortKey {
  const ordered = nodeClass(item) === 'OrderedExpression';
  const expression: KNode = ordered ? item.Expression : item;
  const ordering: KNode | null = ordered ? item.Ordering : null;
  const direction = ordering?.AscOrDescKeyword ? syntaxKind(ordering.AscOrDescKeyword) : 'DescKeyword';
  const descending = direction !== 'AscKeyword';
  const nulls = ordering?.NullsClause?.FirstOrLastKeyword ? syntaxKind(ordering.NullsClause.FirstOrLastKeyword) : undefined;
  const nullsFirst = nulls === undefined ? !descending : nulls === 'FirstKeyword';
  const compiled = compileIn(expression, input.columns, ctx);
  return { fn: compiled.fn, compare: sortComparer(compiled.type, descending, nullsFirst) };
}

/** A stable sort on precomputed keys, so each key is computed once per row. */
function sortRows(rows: readonly Row[], keys: SortKey[]): Row[] {
  const decorated = rows.map((row, index) => ({ row, index, values: keys.map((k) => k.fn(row)) }));
  decorated.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const c = keys[k].compare(a.values[k], b.values[k]);
      if (c !== 0) return c;
    }
    return a.index - b.index;
  });
  return decorated.map((d) => d.row);
}

export function sort(node: KNode, input: Table, ctx: EvalContext): Table {
  const keys = elementsOf(node.Expressions).map((item) => sortKey(item, input, ctx));
  return { columns: input.columns, rows: sortRows(input.rows, keys) };
}

function countArgument(node: KNode, ctx: EvalContext, what: string): number {
  const value = compileIn(node, [], ctx).fn([]);
  if (typeof value !== 'number' || value < 0) ctx.fail(node, what, `${what} needs a non-negative whole number of rows`);
  return Math.floor(value as number);
}

export function top(node: KNode, input: Table, ctx: EvalContext): Table {
  const count = countArgument(node.Expression, ctx, 'top');
  const key = sortKey(node.ByExpression, input, ctx);
  return { columns: input.columns, rows: sortRows(input.rows, [key]).slice(0, count) };
}

/** take/limit: the first N rows (Kusto promises no particular N rows; the input order is kept). */
export function take(node: KNode, input: Table, ctx: EvalContext): Table {
  const count = countArgument(node.Expression, ctx, 'take');
  return { columns: input.columns, rows: input.rows.slice(0, count) };
}

export function distinct(node: KNode, input: Table, ctx: EvalContext): Table {
  const items = elementsOf(node.Expressions);
  const isStar = items.length === 1 && nodeClass(items[0]) === 'StarExpression';
  const compiled = isStar ? null : items.map((item) => compileTyped(item, input.columns, ctx));
  const columns = isStar ? input.columns : boundColumns(node).map((c, i) => ({ name: c.name, type: compiled![i].type }));
  const types = columns.map((c) => c.type);
  const seen = new Set<string>();
  const rows: Row[] = [];
  for (const row of input.rows) {
    const values = compiled ? compiled.map((c) => c.fn(row)) : row;
    const key = compositeKey(values, types);
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(compiled ? values : row);
  }
  return { columns, rows };
}

export function count(node: KNode, input: Table): Table {
  const columns = boundColumns(node);
  return { columns, rows: [[input.rows.length]] };
}

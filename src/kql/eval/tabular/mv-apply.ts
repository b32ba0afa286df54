/**
 * mv-apply: each input row is expanded as mv-expand would expand it (the same expressions, `to
 * typeof()`, `with_itemindex`, `limit`), the subquery runs on that row's expansion alone, and the
 * results of all rows are concatenated in input order. The subquery starts with an operator and no
 * source (`mv-apply e = l on (top 1 by e)`): its input is the row's expansion, which it reads
 * through IMPLICIT_INPUT. The result has the columns Kusto.Language binds: the input row's columns
 * the subquery's result lacks (repeated on each of its rows), then the subquery's.
 */
import { EvalContext } from '../context';
import { KNode } from '../syntax';
import { Column, Row, Table } from '../values/types';
import { compileMvExpand } from './mv-expand';
import { boundColumns } from './table';

/** The scope name under which an operator with no source finds its input. */
export const IMPLICIT_INPUT = '$implicit-input';

export function mvApply(node: KNode, input: Table, ctx: EvalContext): Table {
  if (node.ContextIdClause) ctx.unsupported(node.ContextIdClause, 'context_id', 'mv-apply clause');
  const columns: Column[] = boundColumns(node);
  const expansion = compileMvExpand(node, input.columns, ctx);
  const rows: Row[] = [];
  for (const row of input.rows) {
    const subtable: Row[] = [];
    expansion.expandInto(row, subtable);
    const expanded: Table = { columns: expansion.columns, rows: subtable };
    const scope = ctx.scope.child();
    scope.bind(IMPLICIT_INPUT, { kind: 'table', table: () => expanded });
    const result = ctx.evaluateTabular(node.Subquery.Expression, ctx.withScope(scope));
    // Each bound column comes from the subquery's result, or else is a column of the input row the
    // subquery dropped (a summarize does), repeated on each of its rows.
    const fromResult = columns.map((c) => result.columns.findIndex((r) => r.name === c.name));
    const fromRow = columns.map((c) => input.columns.findIndex((r) => r.name === c.name));
    for (const out of result.rows) rows.push(columns.map((_, k) => (fromResult[k] >= 0 ? out[fromResult[k]] : fromRow[k] >= 0 ? row[fromRow[k]] : null)));
  }
  return { columns, rows };
}

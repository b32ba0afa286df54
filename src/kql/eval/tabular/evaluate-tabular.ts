/**
 * The tabular evaluator: a pipe evaluates its left side, then applies its operator. Sources and
 * operators not listed here are errors naming the construct, never a silent approximation.
 */
import { EvalContext } from '../context';
import { elementsOf, KNode, nodeClass, simpleName } from '../syntax';
import { Table } from '../values/types';
import { count, distinct, sort, take, top } from './ordering';
import { extend, project, projectAway, projectRename, projectReorder, where } from './projection';
import { datatable, print, range, tableReference, tabularCall } from './sources';
import { evaluateOperator } from './bag-unpack';
import { externalData } from './external-data';
import { join } from './join';
import { lookup } from './lookup';
import { IMPLICIT_INPUT, mvApply } from './mv-apply';
import { mvExpand } from './mv-expand';
import { makeSeries } from './make-series';
import { parse } from './parse';
import { summarize } from './summarize';
import { union } from './union';

export type OperatorImpl = (node: KNode, input: Table, ctx: EvalContext) => Table;

const OPERATORS: ReadonlyMap<string, OperatorImpl> = new Map<string, OperatorImpl>([
  ['FilterOperator', where],
  ['ExtendOperator', extend],
  ['ProjectOperator', project],
  ['ProjectAwayOperator', (node, input) => projectAway(node, input)],
  ['ProjectRenameOperator', projectRename],
  ['ProjectReorderOperator', projectReorder],
  ['SummarizeOperator', summarize],
  ['SortOperator', sort],
  ['TopOperator', top],
  ['TakeOperator', take],
  ['DistinctOperator', distinct],
  ['CountOperator', (node, input) => count(node, input)],
  ['AsOperator', asOperator],
  ['UnionOperator', union],
  ['JoinOperator', join],
  ['LookupOperator', lookup],
  ['MvExpandOperator', mvExpand],
  ['MvApplyOperator', mvApply],
  ['ParseOperator', parse],
  ['MakeSeriesOperator', makeSeries],
  ['EvaluateOperator', evaluateOperator],
  ['InvokeOperator', (node, input, ctx) => tabularCall(node.Function, ctx, input)],
  // serialize marks the rows' order as the one window functions see; the evaluator keeps rows in
  // order anyway, so it only adds the columns it names, as extend does.
  ['SerializeOperator', (node, input, ctx) => (elementsOf(node.Expressions).length === 0 ? input : extend(node, input, ctx))],
  // render only tells the client how to chart the result; the rows are the query's rows.
  ['RenderOperator', (_node, input) => input],
]);

/** `T | as Name`: later parts of the query can refer to the input as Name. */
function asOperator(node: KNode, input: Table, ctx: EvalContext): Table {
  ctx.scope.bind(simpleName(node.Name), { kind: 'table', table: () => input });
  return input;
}

export function createTabularEvaluator(): (node: KNode, ctx: EvalContext) => Table {
  const operators = OPERATORS;
  const evaluate = (node: KNode, ctx: EvalContext): Table => {
    switch (nodeClass(node)) {
      case 'PipeExpression': {
        const input = evaluate(node.Expression, ctx);
        const operator = node.Operator as KNode;
        const impl = operators.get(nodeClass(operator));
        if (!impl) return ctx.unsupported(operator, operatorName(operator), 'operator');
        return impl(operator, input, ctx);
      }
      case 'ParenthesizedExpression':
        return evaluate(node.Expression, ctx);
      case 'MaterializeExpression':
        return evaluate(node.Expression, ctx);
      case 'NameReference':
        return tableReference(node, ctx);
      case 'DataTableExpression':
        return datatable(node, ctx);
      case 'ExternalDataExpression':
        return externalData(node, ctx);
      case 'PrintOperator':
        return print(node, ctx);
      case 'RangeOperator':
        return range(node, ctx);
      case 'FunctionCallExpression':
        return tabularCall(node, ctx);
      default: {
        // An operator at the start of a query (e.g. `union A, B`) has no piped input.
        if (nodeClass(node) === 'UnionOperator') return union(node, null, ctx);
        // ...or, in an mv-apply subquery, the row's expansion as its input.
        const implicit = ctx.scope.lookup(IMPLICIT_INPUT);
        const impl = operators.get(nodeClass(node));
        if (implicit?.kind === 'table' && impl) return impl(node, implicit.table(), ctx);
        return ctx.unsupported(node, operatorName(node), 'tabular expression');
      }
    }
  };
  return evaluate;
}

/** The operator's keyword as written (`render`, `mv-apply`), for error messages. */
function operatorName(node: KNode): string {
  const first = firstToken(node);
  return first ?? nodeClass(node);
}

function firstToken(node: KNode): string | null {
  for (let i = 0; i < node.ChildCount; i++) {
    const child = node.GetChild(i);
    if (!child) continue;
    if (child.IsToken) {
      if (String(child.Text).trim() !== '') return String(child.Text);
      continue;
    }
    const inner = firstToken(child);
    if (inner) return inner;
  }
  return null;
}

/**
 * A summarize item that is a scalar expression over aggregates, such as `sum(Quantity) / 1000.` or
 * `toint(dcountif(DeviceId, Result == "GOOD"))`: each aggregate call inside accumulates on its own,
 * then the expression is evaluated once per group over their results.
 */
import { EvalContext } from '../context';
import { Compiled, RowSchema } from '../scalar/compiled';
import { compileScalar } from '../scalar/compile';
import { isScalarFunction } from '../scalar/calls';
import { KNode, nodeClass, scalarTypeName } from '../syntax';
import { asScalarType, Column, Row } from '../values/types';
import { Aggregate, compileAggregate, isAggregateCall } from './aggregates';

function collectAggregateCalls(node: KNode, out: KNode[]): void {
  if (isAggregateCall(node)) { out.push(node); return; }
  for (let i = 0; i < node.ChildCount; i++) {
    const child = node.GetChild(i);
    if (child && !child.IsToken) collectAggregateCalls(child, out);
  }
}

export function compileAggregateExpression(expression: KNode, input: readonly Column[], ctx: EvalContext): Aggregate {
  // An aggregate the evaluator lacks (percentile, stdev, ...) is reported by its own name.
  if (nodeClass(expression) === 'FunctionCallExpression' && !isScalarFunction(String(expression.ReferencedSymbol?.Name))) {
    return compileAggregate(expression, input, [], ctx);
  }
  const calls: KNode[] = [];
  collectAggregateCalls(expression, calls);
  if (calls.length === 0) ctx.fail(expression, 'summarize', 'summarize needs an aggregation function (count(), sum(), ...) in each aggregate expression');
  const parts = calls.map((call) => {
    const type = asScalarType(scalarTypeName(call.ResultType)) ?? 'dynamic';
    const aggregate = compileAggregate(call, input, [{ name: '', type }], ctx);
    if (aggregate.types.length !== 1) ctx.unsupported(call, String(call.ReferencedSymbol?.Name), 'multi-column aggregate inside an expression:');
    return aggregate;
  });
  const substitutions = new Map<KNode, Compiled>(calls.map((call, i) => [call, { fn: (row: Row) => row[i], type: parts[i].types[0], constant: false }]));
  const outer = compileScalar(expression, { ctx, schema: new RowSchema([]), substitutions });
  return {
    types: [outer.type],
    init: () => parts.map((part) => part.init()),
    add: (states, row) => {
      const s = states as unknown[];
      for (let i = 0; i < parts.length; i++) s[i] = parts[i].add(s[i], row);
      return s;
    },
    finish: (states, out, at) => {
      const results: Row = new Array(parts.length);
      parts.forEach((part, i) => part.finish((states as unknown[])[i], results, i));
      out[at] = outer.fn(results);
    },
  };
}

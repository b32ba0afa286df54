/**
 * make-series Aggregate [default = Value], ... on Axis from Start to End step Step [by Keys]: one row
 * per group, each aggregate as an array with one element per bin of [Start, End) (End exclusive, as
 * the reference page says), the axis as the array of bin starts. Rows outside the range are left
 * out before grouping; a bin without rows gets the aggregate's default, 0 unless given.
 *
 * Only the `from … to … step` form is supported: without `from` and `to`, Kusto derives the range
 * from the data in ways its reference does not pin down, and `in range(…)` is the same thing
 * spelled differently. Both are errors naming the construct, as are make-series parameters.
 */
import { EvalContext } from '../context';
import { RowSchema } from '../scalar/compiled';
import { compileScalar } from '../scalar/compile';
import { elementsOf, KNode, namedParametersOf, nodeClass, unwrapNamed } from '../syntax';
import { compositeKey } from '../values/compare';
import { toDynamicValue } from '../values/dynamic';
import { Column, DynamicValue, Row, Table } from '../values/types';
import { Aggregate, compileAggregate } from './aggregates';
import { boundColumns, boundType, compileTyped } from './table';

interface SeriesAggregate {
  readonly aggregate: Aggregate;
  readonly type: string;
  readonly fallback: DynamicValue;
}

/** The largest array make-series makes, as its reference page says. */
const MAX_BINS = 1_048_576;

export function makeSeries(node: KNode, input: Table, ctx: EvalContext): Table {
  for (const parameter of namedParametersOf(node)) ctx.unsupported(parameter.node, parameter.name, 'make-series parameter');
  const range = node.RangeClause;
  if (nodeClass(range ?? {}) !== 'MakeSeriesFromToStepClause' || !range.MakeSeriesFromClause || !range.MakeSeriesToClause) {
    return ctx.fail(node, 'make-series', "make-series without `from start to end step size` is not supported by the offline KQL evaluator (the range Kusto then derives from the data is not documented); give the range");
  }
  const constant = (expression: KNode): number | null => compileScalar(expression, { ctx, schema: new RowSchema([]) }).fn([]) as number | null;
  const from = constant(range.MakeSeriesFromClause.Expression);
  const to = constant(range.MakeSeriesToClause.Expression);
  const step = constant(range.MakeSeriesStepClause.Expression);
  if (from === null || to === null || step === null || step <= 0) return ctx.fail(range, 'make-series', 'make-series needs a from, a to and a positive step');
  const bins = Math.max(0, Math.ceil((to - from) / step));
  if (bins > MAX_BINS) return ctx.fail(range, 'make-series', `make-series would make ${bins} bins per series (more than ${MAX_BINS})`);

  const bound = boundColumns(node);
  const byItems = node.ByClause ? elementsOf(node.ByClause.Expressions) : [];
  const byCompiled = byItems.map((item) => compileTyped(unwrapNamed(item), input.columns, ctx));
  const aggregates: SeriesAggregate[] = elementsOf(node.Aggregates).map((item) => {
    const call = unwrapNamed(item.Expression);
    const type = boundType(call, 'dynamic');
    const aggregate = compileAggregate(call, input.columns, [{ name: '', type }], ctx);
    if (aggregate.types.length !== 1) ctx.unsupported(call, String(call.ReferencedSymbol?.Name), 'make-series aggregate with several results');
    const fallback = item.DefaultExpression ? toDynamicValue(constant(item.DefaultExpression.Expression), boundType(item.DefaultExpression.Expression, type)) : 0;
    return { aggregate, type, fallback };
  });
  const axis = compileTyped(node.OnClause.Expression, input.columns, ctx);
  const axisType = axis.type;

  // A group: its key values, then per aggregate the state of each bin that has rows.
  const groups = new Map<string, { keys: unknown[]; states: Map<number, unknown>[] }>();
  const byTypes = byCompiled.map((c) => c.type);
  for (const row of input.rows) {
    const at = axis.fn(row) as number | null;
    if (at === null || at < from || at >= to) continue;
    const bin = Math.floor((at - from) / step);
    const keys = byCompiled.map((c) => c.fn(row));
    const key = compositeKey(keys, byTypes);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { keys, states: aggregates.map(() => new Map()) }));
    aggregates.forEach(({ aggregate }, a) => {
      const states = group!.states[a];
      states.set(bin, aggregate.add(states.has(bin) ? states.get(bin) : aggregate.init(), row));
    });
  }

  const binStarts = Array.from({ length: bins }, (_, i) => toDynamicValue(from + i * step, axisType));
  const scratch: Row = [null];
  const rows: Row[] = [...groups.values()].map(({ keys, states }) => [
    ...keys,
    ...aggregates.map(({ aggregate, type, fallback }, a) =>
      binStarts.map((_, bin) => {
        if (!states[a].has(bin)) return fallback;
        aggregate.finish(states[a].get(bin), scratch, 0);
        return toDynamicValue(scratch[0], type);
      }),
    ),
    binStarts,
  ]);
  const columns: Column[] = bound.length === byItems.length + aggregates.length + 1
    ? bound
    : ctx.fail(node, 'make-series', 'cannot tell the column names Kusto gives this make-series; name its aggregates');
  return { columns, rows };
}

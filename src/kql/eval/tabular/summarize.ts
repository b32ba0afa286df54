/**
 * summarize [aggregates] [by keys]: rows are grouped in a hash map on the key values; output columns
 * are the by keys then each aggregate's columns, named as the binder named them (count_, N1, ...).
 */
import { EvalContext } from '../context';
import { elementsOf, KNode, nodeClass } from '../syntax';
import { compositeKey } from '../values/compare';
import { Column, Row, Table } from '../values/types';
import { compileAggregateExpression } from './aggregate-expressions';
import { Aggregate, aggregateWidth, compileAggregate, isAggregateCall } from './aggregates';
import { boundColumns, compileTyped } from './table';

interface Group {
  readonly keys: unknown[];
  readonly states: unknown[];
}

function unwrapNamed(node: KNode): KNode {
  return nodeClass(node) === 'SimpleNamedExpression' ? node.Expression : node;
}

export function summarize(node: KNode, input: Table, ctx: EvalContext): Table {
  const bound = boundColumns(node);
  const byItems = node.ByClause ? elementsOf(node.ByClause.Expressions) : [];
  const aggregateItems = elementsOf(node.Aggregates);
  const byCompiled = byItems.map((item) => compileTyped(unwrapNamed(item), input.columns, ctx));
  const columns: Column[] = byCompiled.map((c, i) => ({ name: bound[i]?.name ?? `Column${i + 1}`, type: c.type }));

  let position = byItems.length;
  const aggregates: Aggregate[] = aggregateItems.map((item) => {
    const call = unwrapNamed(item);
    const width = aggregateWidth(call);
    const output = bound.slice(position, position + width);
    const aggregate = isAggregateCall(call) ? compileAggregate(call, input.columns, output, ctx) : compileAggregateExpression(call, input.columns, ctx);
    aggregate.types.forEach((type, i) => columns.push({ name: output[i]?.name ?? `Column${position + i + 1}`, type }));
    position += width;
    return aggregate;
  });

  const byFns = byCompiled.map((c) => c.fn);
  const byTypes = byCompiled.map((c) => c.type);
  const groups = new Map<unknown, Group>();
  const singleKey = byFns.length === 1 && byTypes[0] !== 'dynamic';
  const newGroup = (keys: unknown[]): Group => ({ keys, states: aggregates.map((a) => a.init()) });

  for (const row of input.rows) {
    let group: Group | undefined;
    if (singleKey) {
      const key = byFns[0](row);
      group = groups.get(key);
      if (!group) { group = newGroup([key]); groups.set(key, group); }
    } else {
      const keys = byFns.map((fn) => fn(row));
      const key = compositeKey(keys, byTypes);
      group = groups.get(key);
      if (!group) { group = newGroup(keys); groups.set(key, group); }
    }
    const states = group.states;
    for (let a = 0; a < aggregates.length; a++) states[a] = aggregates[a].add(states[a], row);
  }
  // Without `by`, an empty input still gives one row, of the aggregates' default values.
  if (byFns.length === 0 && groups.size === 0) groups.set('', newGroup([]));

  const rows: Row[] = [];
  for (const group of groups.values()) {
    const row: Row = [...group.keys];
    aggregates.forEach((aggregate, a) => row.push(...aggregate.finish(group.states[a])));
    rows.push(row);
  }
  return { columns, rows };
}

/**
 * summarize [aggregates] [by keys]: rows are grouped in a hash map on the key values; output columns
 * are the by keys then each aggregate's columns, named as the binder named them (count_, N1, ...).
 */
import { EvalContext } from '../context';
import { elementsOf, KNode, unwrapNamed } from '../syntax';
import { compositeKey } from '../values/compare';
import { Column, Row, Table } from '../values/types';
import { compileAggregateExpression } from './aggregate-expressions';
import { Aggregate, aggregateWidth, compileAggregate, isAggregateCall } from './aggregates';
import { boundColumns, compileTyped } from './table';

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
  const keyCount = byFns.length;
  const aggregateCount = aggregates.length;
  // A group is one array: its key values, then each aggregate's state (one allocation per group).
  const groups = new Map<unknown, unknown[]>();
  const newGroup = (keys: unknown[]): unknown[] => {
    const group = new Array(keyCount + aggregateCount);
    for (let k = 0; k < keyCount; k++) group[k] = keys[k];
    for (let a = 0; a < aggregateCount; a++) group[keyCount + a] = aggregates[a].init();
    return group;
  };
  const singleKey = keyCount === 1 && byTypes[0] !== 'dynamic';
  const keyFn = byFns[0];
  const keys: unknown[] = new Array(keyCount);

  for (const row of input.rows) {
    let group: unknown[] | undefined;
    if (singleKey) {
      const key = keyFn(row);
      group = groups.get(key);
      if (group === undefined) { keys[0] = key; group = newGroup(keys); groups.set(key, group); }
    } else {
      for (let k = 0; k < keyCount; k++) keys[k] = byFns[k](row);
      const key = compositeKey(keys, byTypes);
      group = groups.get(key);
      if (group === undefined) { group = newGroup(keys); groups.set(key, group); }
    }
    for (let a = 0; a < aggregateCount; a++) group[keyCount + a] = aggregates[a].add(group[keyCount + a], row);
  }
  // Without `by`, an empty input still gives one row, of the aggregates' default values.
  if (keyCount === 0 && groups.size === 0) groups.set('', newGroup([]));

  // When every aggregate has one column, a group's array becomes its output row in place.
  const inPlace = aggregates.every((a) => a.types.length === 1);
  const rows: Row[] = new Array(groups.size);
  let r = 0;
  for (const group of groups.values()) {
    const row: Row = inPlace ? group : group.slice(0, keyCount);
    let at = keyCount;
    for (let a = 0; a < aggregateCount; a++) {
      aggregates[a].finish(group[keyCount + a], row, at);
      at += aggregates[a].types.length;
    }
    rows[r++] = row;
  }
  return { columns, rows };
}

/**
 * join, every flavor, as a hash join: the right side is indexed on its key columns once, then each
 * left row probes the index (rightsemi/rightanti index the left side instead). Right columns whose
 * names the left side already has get the first free numeric suffix (`Key1`), as Kusto names them.
 */
import { EvalContext } from '../context';
import { KNode, namedParametersOf, parameterValueText } from '../syntax';
import { Column, Row, Table } from '../values/types';
import { indexRows, joinKeys, keyPairs, nullRow } from './join-keys';
import { boundColumns, uniqueName } from './table';

const FLAVORS = new Map<string, string>([
  ['innerunique', 'innerunique'], ['inner', 'inner'], ['leftouter', 'leftouter'], ['rightouter', 'rightouter'],
  ['fullouter', 'fullouter'], ['leftsemi', 'leftsemi'], ['rightsemi', 'rightsemi'],
  ['leftanti', 'leftanti'], ['anti', 'leftanti'], ['leftantisemi', 'leftanti'],
  ['rightanti', 'rightanti'], ['rightantisemi', 'rightanti'],
]);

/** The join flavor; hints (hint.strategy, hint.remote, ...) do not change results and are ignored. */
function flavorOf(node: KNode, ctx: EvalContext): string {
  let flavor = 'innerunique';
  for (const parameter of namedParametersOf(node)) {
    if (parameter.name === 'kind') {
      const text = parameterValueText(parameter.value).toLowerCase();
      const known = FLAVORS.get(text);
      if (!known) ctx.unsupported(parameter.node, `kind=${text}`, 'join flavor');
      flavor = known;
    } else if (!parameter.name.startsWith('hint.')) {
      ctx.unsupported(parameter.node, parameter.name, 'join parameter');
    }
  }
  return flavor;
}

/**
 * Left columns then right columns, right names made unique against everything before them. When
 * the bound result has the same number of columns, its names are used: they are Kusto's own.
 */
export function combinedColumns(left: readonly Column[], right: readonly Column[], node: KNode): Column[] {
  const used = new Set(left.map((c) => c.name));
  const renamed = right.map((c) => {
    const name = uniqueName(c.name, used);
    used.add(name);
    return { name, type: c.type };
  });
  const columns = [...left, ...renamed];
  const bound = boundColumns(node);
  const sameShape = bound.length === columns.length && left.every((c, i) => bound[i].name === c.name);
  return sameShape ? columns.map((c, i) => ({ name: bound[i].name, type: c.type })) : columns;
}

export function join(node: KNode, left: Table, ctx: EvalContext): Table {
  const flavor = flavorOf(node, ctx);
  const right = ctx.evaluateTabular(node.Expression);
  const keys = joinKeys(keyPairs(node.ConditionClause, ctx), left, right, node, ctx);
  const rows: Row[] = [];

  if (flavor === 'rightsemi' || flavor === 'rightanti') {
    const leftIndex = indexRows(left.rows, keys.leftKey);
    const wantMatch = flavor === 'rightsemi';
    for (const row of right.rows) {
      const k = keys.rightKey(row);
      if ((k !== undefined && leftIndex.has(k)) === wantMatch) rows.push(row);
    }
    return { columns: right.columns, rows };
  }

  const rightIndex = indexRows(right.rows, keys.rightKey);
  if (flavor === 'leftsemi' || flavor === 'leftanti') {
    const wantMatch = flavor === 'leftsemi';
    for (const row of left.rows) {
      const k = keys.leftKey(row);
      if ((k !== undefined && rightIndex.has(k)) === wantMatch) rows.push(row);
    }
    return { columns: left.columns, rows };
  }

  const columns = combinedColumns(left.columns, right.columns, node);
  const leftNulls = nullRow(left.columns);
  const rightNulls = nullRow(right.columns);
  const keepUnmatchedLeft = flavor === 'leftouter' || flavor === 'fullouter';
  const keepUnmatchedRight = flavor === 'rightouter' || flavor === 'fullouter';
  const matchedRight = keepUnmatchedRight ? new Set<Row>() : null;
  // innerunique keeps one left row per key (the first) before matching.
  const seenLeftKeys = flavor === 'innerunique' ? new Set<unknown>() : null;

  for (const row of left.rows) {
    const k = keys.leftKey(row);
    if (seenLeftKeys && k !== undefined) {
      if (seenLeftKeys.has(k)) continue;
      seenLeftKeys.add(k);
    }
    const matches = k === undefined ? undefined : rightIndex.get(k);
    if (matches) {
      for (const match of matches) {
        rows.push(row.concat(match));
        matchedRight?.add(match);
      }
    } else if (keepUnmatchedLeft) {
      rows.push(row.concat(rightNulls));
    }
  }
  if (matchedRight) for (const row of right.rows) if (!matchedRight.has(row)) rows.push(leftNulls.concat(row));
  return { columns, rows };
}

/**
 * lookup [kind=leftouter|inner] (Dimension) on keys: extends each fact row with the dimension's
 * non-key columns (the dimension's key columns are not repeated), as a hash lookup on the keys.
 */
import { EvalContext } from '../context';
import { KNode, namedParametersOf, parameterValueText } from '../syntax';
import { Row, Table } from '../values/types';
import { indexRows, joinKeys, keyPairs, nullRow } from './join-keys';
import { combinedColumns } from './join';

export function lookup(node: KNode, left: Table, ctx: EvalContext): Table {
  let kind = 'leftouter';
  for (const parameter of namedParametersOf(node)) {
    if (parameter.name === 'kind') kind = parameterValueText(parameter.value).toLowerCase();
    else if (!parameter.name.startsWith('hint.')) ctx.unsupported(parameter.node, parameter.name, 'lookup parameter');
  }
  if (kind !== 'leftouter' && kind !== 'inner') ctx.unsupported(node, `kind=${kind}`, 'lookup');
  const right = ctx.evaluateTabular(node.Expression);
  const keys = joinKeys(keyPairs(node.LookupClause, ctx), left, right, node, ctx);
  const keyPositions = new Set(keys.rightPositions);
  const kept = right.columns.map((_, i) => i).filter((i) => !keyPositions.has(i));
  const keptColumns = kept.map((i) => right.columns[i]);
  const columns = combinedColumns(left.columns, keptColumns, node);
  const index = indexRows(right.rows, keys.rightKey);
  const missing = nullRow(keptColumns);
  const rows: Row[] = [];
  for (const row of left.rows) {
    const k = keys.leftKey(row);
    const matches = k === undefined ? undefined : index.get(k);
    if (matches) for (const match of matches) rows.push(row.concat(kept.map((i) => match[i])));
    else if (kind === 'leftouter') rows.push(row.concat(missing));
  }
  return { columns, rows };
}

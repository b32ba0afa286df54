/**
 * The equality keys of `join ... on` / `lookup ... on`, and the hash index both operators build on the
 * key columns. Rows whose key has a null never match (null == null is null in Kusto), while empty
 * strings do match each other (strings are never null).
 */
import { EvalContext } from '../context';
import { elementsOf, KNode, nodeClass, simpleName, syntaxKind } from '../syntax';
import { keyOf } from '../values/compare';
import { convertValue } from '../values/convert';
import { dynamicKey } from '../values/dynamic';
import { Column, Row, ScalarType, Table } from '../values/types';

export interface KeyPair {
  readonly left: string;
  readonly right: string;
}

function sideOf(node: KNode): { side: string; column: string } | null {
  if (nodeClass(node) !== 'PathExpression' || nodeClass(node.Expression) !== 'NameReference') return null;
  const side = simpleName(node.Expression);
  if (side !== '$left' && side !== '$right') return null;
  return { side, column: simpleName(node.Selector) };
}

function collectPairs(condition: KNode, ctx: EvalContext, out: KeyPair[]): void {
  const kind = nodeClass(condition);
  if (kind === 'NameReference') { out.push({ left: simpleName(condition), right: simpleName(condition) }); return; }
  if (kind === 'ParenthesizedExpression') { collectPairs(condition.Expression, ctx, out); return; }
  if (kind === 'BinaryExpression' && syntaxKind(condition) === 'AndExpression') {
    collectPairs(condition.Left, ctx, out);
    collectPairs(condition.Right, ctx, out);
    return;
  }
  if (kind === 'BinaryExpression' && syntaxKind(condition) === 'EqualExpression') {
    const a = sideOf(condition.Left);
    const b = sideOf(condition.Right);
    if (a && b && a.side !== b.side) {
      out.push(a.side === '$left' ? { left: a.column, right: b.column } : { left: b.column, right: a.column });
      return;
    }
  }
  ctx.unsupported(condition, String(condition.ToString()).trim(), 'join condition (only column equalities are supported)');
}

/** The key column pairs of a JoinOnClause; a `where` clause (non-equality join) is unsupported. */
export function keyPairs(clause: KNode, ctx: EvalContext): KeyPair[] {
  if (nodeClass(clause) !== 'JoinOnClause') ctx.unsupported(clause, 'join where', 'join clause');
  const pairs: KeyPair[] = [];
  for (const condition of elementsOf(clause.Expressions)) collectPairs(condition, ctx, pairs);
  return pairs;
}

function indexOfColumn(table: Table, name: string, side: string, node: KNode, ctx: EvalContext): number {
  const index = table.columns.findIndex((c) => c.name === name);
  if (index < 0) ctx.fail(node, name, `join key '${name}' is not a column of the ${side} side`);
  return index;
}

/** Reads a row's join key: the value itself for one primitive key, a composite text key otherwise; undefined when a part is null. */
export type KeyReader = (row: Row) => unknown;

function readerFor(table: Table, positions: number[], types: ScalarType[]): KeyReader {
  const sourceTypes = positions.map((p) => table.columns[p].type);
  const part = (row: Row, i: number): unknown => {
    const raw = row[positions[i]];
    if (raw === null || raw === undefined) return undefined;
    const value = sourceTypes[i] === types[i] ? raw : convertValue(raw, sourceTypes[i], types[i]);
    return value === null ? undefined : types[i] === 'dynamic' ? dynamicKey(value) : keyOf(value, types[i]);
  };
  if (positions.length === 1) return (row) => part(row, 0);
  return (row) => {
    let key = '';
    for (let i = 0; i < positions.length; i++) {
      const value = part(row, i);
      if (value === undefined) return undefined;
      const text = `${typeof value}${String(value)}`;
      key += `${text.length}:${text}`;
    }
    return key;
  };
}

/** The common type both sides' keys are compared in: a dynamic key is read as the other side's type. */
function commonType(a: Column, b: Column): ScalarType {
  if (a.type === b.type) return a.type;
  if (a.type === 'dynamic') return b.type;
  if (b.type === 'dynamic') return a.type;
  const numeric = (t: string): boolean => t === 'long' || t === 'int' || t === 'real' || t === 'decimal';
  if (numeric(a.type) && numeric(b.type)) return 'real';
  return 'string';
}

export interface JoinKeys {
  readonly leftPositions: number[];
  readonly rightPositions: number[];
  readonly leftKey: KeyReader;
  readonly rightKey: KeyReader;
}

export function joinKeys(pairs: KeyPair[], left: Table, right: Table, node: KNode, ctx: EvalContext): JoinKeys {
  const leftPositions = pairs.map((p) => indexOfColumn(left, p.left, 'left', node, ctx));
  const rightPositions = pairs.map((p) => indexOfColumn(right, p.right, 'right', node, ctx));
  const types = pairs.map((_, i) => commonType(left.columns[leftPositions[i]], right.columns[rightPositions[i]]));
  return { leftPositions, rightPositions, leftKey: readerFor(left, leftPositions, types), rightKey: readerFor(right, rightPositions, types) };
}

/** Hash index of rows by key (rows with a null key part are left out: they match nothing). */
export function indexRows(rows: readonly Row[], key: KeyReader): Map<unknown, Row[]> {
  const index = new Map<unknown, Row[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === undefined) continue;
    const bucket = index.get(k);
    if (bucket) bucket.push(row); else index.set(k, [row]);
  }
  return index;
}

/** A row of nulls for the missing side of an outer join (empty strings for string columns). */
export function nullRow(columns: readonly Column[]): Row {
  return columns.map((c) => (c.type === 'string' ? '' : null));
}

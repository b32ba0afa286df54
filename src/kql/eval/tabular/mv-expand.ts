/**
 * mv-expand: each array element (or bag entry) of the expanded expressions becomes a row; several
 * expressions expand in parallel (shorter ones padded with null). A null value gives one row, an
 * empty array or bag none. `to typeof(T)` casts each element without parsing: an element of another
 * type becomes null (a datetime/timespan element, held as text in dynamic values, is read back).
 */
import { EvalContext } from '../context';
import { elementsOf, KNode, namedParametersOf, nodeClass, parameterValueText, scalarTypeName, simpleName } from '../syntax';
import { convertValue, toGuidValue } from '../values/convert';
import { isBag } from '../values/dynamic';
import { asScalarType, Column, DynamicValue, Row, ScalarType, Table } from '../values/types';
import { extendNames } from './result-names';
import { boundColumns, boundInputColumns, compileIn } from './table';

/** The element cast `to typeof(T)` performs. */
function castElement(value: unknown, type: ScalarType): unknown {
  if (value === null || value === undefined) return type === 'string' ? '' : null;
  switch (type) {
    case 'dynamic': return value;
    case 'string': return typeof value === 'string' ? value : '';
    case 'bool': return typeof value === 'boolean' ? value : null;
    case 'long': case 'int': return typeof value === 'number' && Number.isInteger(value) ? value : null;
    case 'real': case 'decimal': return typeof value === 'number' ? value : null;
    case 'guid': return toGuidValue(value);
    case 'datetime': case 'timespan': return typeof value === 'string' ? convertValue(value, 'string', type) : null;
  }
}

/** The values one dynamic value expands to. */
function expansionOf(value: unknown, bagsAsArrays: boolean): DynamicValue[] {
  if (value === null || value === undefined) return [null];
  if (Array.isArray(value)) return value;
  if (isBag(value)) {
    return Object.entries(value).map(([key, entry]) => (bagsAsArrays ? [key, entry] : { [key]: entry }));
  }
  return [value as DynamicValue];
}

interface Expansion {
  readonly read: (row: Row) => unknown;
  readonly type: ScalarType;
  /** The output position: an input column it replaces, or a new column appended. */
  readonly target: number;
}

export function mvExpand(node: KNode, input: Table, ctx: EvalContext): Table {
  const expansion = compileMvExpand(node, input.columns, ctx);
  const rows: Row[] = [];
  for (const row of input.rows) expansion.expandInto(row, rows);
  return { columns: expansion.columns, rows };
}

/** An mv-expand (or mv-apply) compiled once for its input columns: the output columns, and what one input row expands to. */
export interface CompiledExpansion {
  readonly columns: readonly Column[];
  /** Appends the rows `row` expands to. */
  readonly expandInto: (row: Row, rows: Row[]) => void;
}

export function compileMvExpand(node: KNode, inputColumns: readonly Column[], ctx: EvalContext): CompiledExpansion {
  let bagsAsArrays = false;
  let indexColumn: string | null = null;
  for (const parameter of namedParametersOf(node)) {
    const value = parameterValueText(parameter.value).toLowerCase();
    if (parameter.name === 'kind' || parameter.name === 'bagexpansion') bagsAsArrays = value === 'array';
    else if (parameter.name === 'with_itemindex') indexColumn = parameterValueText(parameter.value);
    else ctx.unsupported(parameter.node, parameter.name, 'mv-expand parameter');
  }
  const limit = node.RowLimitClause ? (compileIn(node.RowLimitClause.RowLimit, [], ctx).fn([]) as number) : Number.MAX_SAFE_INTEGER;

  const items = elementsOf(node.Expressions);
  const staticInput = new Set(boundInputColumns(node).map((c) => c.name));
  const names = extendNames(items.map((item) => item.Expression as KNode), staticInput, boundColumns(node).map((c) => c.name), indexColumn ? [indexColumn] : []);
  const columns: Column[] = [...inputColumns];
  const expansions: Expansion[] = items.map((item, i) => {
    const expression = item.Expression as KNode;
    const type: ScalarType = item.ToTypeOf ? asScalarType(scalarTypeName(item.ToTypeOf.TypeOf.ReferencedSymbol)) ?? 'dynamic' : 'dynamic';
    const name = names[i] ?? ctx.fail(expression, 'mv-expand', 'cannot tell the column name Kusto gives this expression; name it (x = ...)');
    const compiled = compileIn(nodeClass(expression) === 'SimpleNamedExpression' ? expression.Expression : expression, inputColumns, ctx);
    const existing = columns.findIndex((c) => c.name === name);
    const target = existing >= 0 ? existing : columns.length;
    if (existing >= 0) columns[existing] = { name, type };
    else columns.push({ name, type });
    return { read: compiled.fn, type, target };
  });
  const indexTarget = indexColumn === null ? -1 : columns.length;
  if (indexColumn !== null) columns.push({ name: indexColumn, type: 'long' });
  const width = columns.length;

  const expandInto = (row: Row, rows: Row[]): void => {
    const lists = expansions.map((e) => expansionOf(e.read(row), bagsAsArrays));
    let count = 0;
    for (const list of lists) count = Math.max(count, list.length);
    count = Math.min(count, limit);
    for (let i = 0; i < count; i++) {
      const out: Row = row.slice();
      while (out.length < width) out.push(null);
      expansions.forEach((e, k) => {
        const element = i < lists[k].length ? lists[k][i] : null;
        out[e.target] = castElement(element, e.type);
      });
      if (indexTarget >= 0) out[indexTarget] = i;
      rows.push(out);
    }
  };
  return { columns, expandInto };
}

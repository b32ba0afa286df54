/**
 * union [kind=outer|inner] [withsource=Col] legs...: rows of every leg in order. Outer (the default)
 * keeps every column, one per name and type (a name seen with two types becomes `x_long`, `x_int`);
 * inner keeps the columns every leg has. withsource names each row's leg.
 */
import { EvalContext } from '../context';
import { elementsOf, KNode, namedParametersOf, nodeClass, parameterValueText, simpleName } from '../syntax';
import { Column, Row, Table } from '../values/types';
import { uniqueName } from './table';

interface Leg {
  readonly table: Table;
  readonly source: string;
}

/** The withsource value of a leg: the table or let name it references, else `union_arg<n>`. */
function sourceName(node: KNode | null, index: number): string {
  if (node && nodeClass(node) === 'NameReference') return simpleName(node);
  return `union_arg${index}`;
}

/**
 * Outer union columns: names in order of first appearance; a name seen with several types becomes
 * one column per type (`x_long`, `x_int`), kept together where the name first appeared, each made
 * unique against the names that needed no suffix.
 */
function outerColumns(legs: Leg[]): { columns: Column[]; slots: Map<string, number> } {
  const typesByName = new Map<string, string[]>();
  for (const leg of legs) {
    for (const column of leg.table.columns) {
      const types = typesByName.get(column.name);
      if (!types) typesByName.set(column.name, [column.type]);
      else if (!types.includes(column.type)) types.push(column.type);
    }
  }
  const used = new Set([...typesByName].filter(([, types]) => types.length === 1).map(([name]) => name));
  const slots = new Map<string, number>();
  const columns: Column[] = [];
  for (const [name, types] of typesByName) {
    for (const type of types) {
      slots.set(`${name}\u0000${type}`, columns.length);
      if (types.length === 1) { columns.push({ name, type: type as Column['type'] }); continue; }
      const renamed = uniqueName(`${name}_${type}`, used);
      used.add(renamed);
      columns.push({ name: renamed, type: type as Column['type'] });
    }
  }
  return { columns, slots };
}

function innerColumns(legs: Leg[]): { columns: Column[]; slots: Map<string, number> } {
  const keyOf = (c: Column): string => `${c.name}\u0000${c.type}`;
  const common = legs[0].table.columns.filter((c) => legs.every((leg) => leg.table.columns.some((o) => keyOf(o) === keyOf(c))));
  return { columns: common, slots: new Map(common.map((c, i) => [keyOf(c), i])) };
}

export function union(node: KNode, input: Table | null, ctx: EvalContext): Table {
  let kind = 'outer';
  let withSource: string | null = null;
  let fuzzy = false;
  for (const parameter of namedParametersOf(node)) {
    if (parameter.name === 'kind') kind = parameterValueText(parameter.value).toLowerCase();
    else if (parameter.name === 'withsource' || parameter.name === 'source') withSource = parameterValueText(parameter.value);
    else if (parameter.name === 'isfuzzy') fuzzy = parameterValueText(parameter.value).toLowerCase() === 'true';
    else if (!parameter.name.startsWith('hint.')) ctx.unsupported(parameter.node, parameter.name, 'union parameter');
  }
  if (kind !== 'outer' && kind !== 'inner') ctx.unsupported(node, `kind=${kind}`, 'union');

  const legs: Leg[] = [];
  if (input) legs.push({ table: input, source: sourceName(node.Parent?.Expression ?? null, 0) });
  for (const expression of elementsOf(node.Expressions)) {
    // isfuzzy=true drops legs that name nothing the binder knows (it warned about them).
    if (fuzzy && nodeClass(expression) === 'NameReference' && !expression.ReferencedSymbol) continue;
    legs.push({ table: ctx.evaluateTabular(expression), source: sourceName(expression, legs.length) });
  }
  const { columns, slots } = kind === 'inner' ? innerColumns(legs) : outerColumns(legs);
  const offset = withSource === null ? 0 : 1;
  // Strings are never null in Kusto: a leg without a string column contributes "".
  const defaults: Row = [...(withSource === null ? [] : ['']), ...columns.map((c) => (c.type === 'string' ? '' : null))];
  const rows: Row[] = [];
  for (const leg of legs) {
    const positions = leg.table.columns.map((c) => slots.get(`${c.name}\u0000${c.type}`));
    // A leg whose columns are exactly the output columns, in order, passes its rows through.
    const identity = offset === 0 && positions.length === columns.length && positions.every((p, i) => p === i);
    if (identity) { for (const row of leg.table.rows) rows.push(row); continue; }
    const template = defaults.slice();
    if (withSource !== null) template[0] = leg.source;
    for (const row of leg.table.rows) {
      const out = template.slice();
      for (let i = 0; i < positions.length; i++) {
        const slot = positions[i];
        if (slot !== undefined) out[slot + offset] = row[i];
      }
      rows.push(out);
    }
  }
  const outColumns: Column[] = withSource === null ? columns : [{ name: withSource, type: 'string' }, ...columns];
  return { columns: outColumns, rows };
}

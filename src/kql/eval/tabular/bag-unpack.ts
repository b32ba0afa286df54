/**
 * evaluate bag_unpack(Column [, Prefix] [, columnsConflict] [, ignoredProperties]) [: (schema)]:
 * each top-level slot of the bags becomes a column (sorted by name, as Kusto lists them) typed by
 * its values (one JSON type throughout, else dynamic); the bag column is removed.
 * Other evaluate plugins are unsupported.
 */
import { EvalContext } from '../context';
import { elementsOf, KNode, nodeClass, simpleName } from '../syntax';
import { convertValue, toStringValue } from '../values/convert';
import { isBag } from '../values/dynamic';
import { Column, DynamicValue, Row, ScalarType, Table } from '../values/types';
import { boundColumns, compileIn } from './table';

function jsonType(value: DynamicValue): ScalarType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'real';
  return 'dynamic';
}

interface Options { prefix: string; conflict: string; ignored: Set<string> }

function readOptions(call: KNode, ctx: EvalContext): Options {
  const options: Options = { prefix: '', conflict: 'error', ignored: new Set() };
  const positional = ['prefix', 'columnsconflict', 'ignoredproperties'];
  elementsOf(call.ArgumentList.Expressions).slice(1).forEach((argument, i) => {
    const named = nodeClass(argument) === 'SimpleNamedExpression';
    const name = named ? simpleName(argument.Name).toLowerCase() : positional[i];
    const value = compileIn(named ? argument.Expression : argument, [], ctx).fn([]);
    if (name === 'prefix' || name === 'outputcolumnprefix') options.prefix = String(value ?? '');
    else if (name === 'columnsconflict') options.conflict = String(value);
    else if (name === 'ignoredproperties') options.ignored = new Set(Array.isArray(value) ? value.map((v) => toStringValue(v, 'dynamic')) : []);
    else ctx.unsupported(argument, name, 'bag_unpack argument');
  });
  if (!['error', 'replace_source', 'keep_source'].includes(options.conflict)) {
    ctx.fail(call, 'bag_unpack', `bag_unpack(): columnsConflict must be error, replace_source or keep_source, not '${options.conflict}'`);
  }
  return options;
}

function bagUnpack(node: KNode, input: Table, ctx: EvalContext): Table {
  const call = node.FunctionCall as KNode;
  const options = readOptions(call, ctx);
  const source = compileIn(elementsOf(call.ArgumentList.Expressions)[0], input.columns, ctx);
  const bags = input.rows.map((row) => source.fn(row));
  const sourceIndex = nodeClass(elementsOf(call.ArgumentList.Expressions)[0]) === 'NameReference'
    ? input.columns.findIndex((c) => c.name === simpleName(elementsOf(call.ArgumentList.Expressions)[0]))
    : -1;

  // Slot names and their value types, over every bag.
  const slotTypes = new Map<string, ScalarType | null>();
  for (const bag of bags) {
    if (!isBag(bag)) continue;
    for (const [key, value] of Object.entries(bag)) {
      if (options.ignored.has(key)) continue;
      const seen = slotTypes.get(key);
      if (value === null) { if (seen === undefined) slotTypes.set(key, null); continue; }
      const type = jsonType(value);
      slotTypes.set(key, seen === undefined || seen === null ? type : seen === type ? seen : 'dynamic');
    }
  }
  const slots = [...slotTypes.keys()].sort();
  const kept = input.columns.map((c, i) => ({ column: c, index: i })).filter((c) => c.index !== sourceIndex);
  const slotNames = slots.map((slot) => `${options.prefix}${slot}`);
  const conflicts = kept.filter((c) => slotNames.includes(c.column.name));
  if (conflicts.length > 0 && options.conflict === 'error') {
    ctx.fail(call, 'bag_unpack', `bag_unpack(): slot ${conflicts[0].column.name} conflicts with an input column (use columnsConflict='replace_source' or 'keep_source')`);
  }
  const keptInput = options.conflict === 'replace_source' ? kept.filter((c) => !slotNames.includes(c.column.name)) : kept;
  const keptSlots = slots.filter((_, i) => options.conflict !== 'keep_source' || !kept.some((c) => c.column.name === slotNames[i]));

  let columns: Column[] = [
    ...keptInput.map((c) => c.column),
    ...keptSlots.map((slot) => ({ name: `${options.prefix}${slot}`, type: slotTypes.get(slot) ?? 'dynamic' })),
  ];
  let readers: ((row: Row, bag: unknown) => unknown)[] = [
    ...keptInput.map((c) => (row: Row) => row[c.index]),
    ...keptSlots.map((slot, i) => {
      const type = columns[keptInput.length + i].type;
      return (_row: Row, bag: unknown) => {
        const value = isBag(bag) ? bag[slot] ?? null : null;
        return value === null && type === 'string' ? '' : value;
      };
    }),
  ];
  if (node.Schema) {
    // An output schema picks and types the columns: input columns by name, the rest from the slots.
    const wanted = boundColumns(node);
    const available = new Map(columns.map((c, i) => [c.name, i]));
    const before = readers;
    readers = wanted.map((w) => {
      const at = available.get(w.name);
      if (at === undefined) return () => (w.type === 'string' ? '' : null);
      const from = columns[at].type;
      return (row: Row, bag: unknown) => convertValue(before[at](row, bag), from, w.type);
    });
    columns = wanted;
  }
  const rows = input.rows.map((row, r) => readers.map((read) => read(row, bags[r])));
  return { columns, rows };
}

export function evaluateOperator(node: KNode, input: Table, ctx: EvalContext): Table {
  const name = String(node.FunctionCall?.ReferencedSymbol?.Name ?? simpleName(node.FunctionCall.Name));
  if (name !== 'bag_unpack') return ctx.unsupported(node.FunctionCall, name, 'evaluate plugin');
  if (elementsOf(node.Parameters).length > 0) ctx.unsupported(node, 'evaluate parameters', 'hint');
  return bagUnpack(node, input, ctx);
}

/** where, extend, project, project-away, project-rename, project-reorder. */
import { EvalContext } from '../context';
import { TUPLE_FUNCTIONS } from '../scalar/series-functions';
import { elementsOf, KNode, nodeClass, simpleName, syntaxKind } from '../syntax';
import { Column, Row, Table } from '../values/types';
import { derivedName, extendNames } from './result-names';
import { boundColumns, boundInputColumns, compileIn, compileTyped } from './table';

export function where(node: KNode, input: Table, ctx: EvalContext): Table {
  const predicate = compileIn(node.Condition, input.columns, ctx).fn;
  const rows: Row[] = [];
  for (const row of input.rows) if (predicate(row) === true) rows.push(row);
  return { columns: input.columns, rows };
}

export function extend(node: KNode, input: Table, ctx: EvalContext): Table {
  const expressions = elementsOf(node.Expressions);
  const isTuple = (e: KNode): boolean => nodeClass(e) === 'CompoundNamedExpression';
  const staticInput = new Set(boundInputColumns(node).map((c) => c.name));
  // `(A, B) = f(x)` names its own columns; the others are named as Kusto names them.
  const tupleNames = expressions.filter(isTuple).flatMap(tupleColumnNames);
  const plain = expressions.filter((e) => !isTuple(e));
  const plainNames = extendNames(plain, staticInput, boundColumns(node).map((c) => c.name), tupleNames).map((name, i) =>
    name ?? ctx.fail(plain[i], 'extend', 'cannot tell the column name Kusto gives this expression; name it (x = ...)'));
  // Each expression sees the columns defined before it in the same extend.
  const columns: Column[] = [...input.columns];
  const steps: { fn: (row: Row) => unknown; target: number }[] = [];
  const assign = (name: string, fn: (row: Row) => unknown, type: Column['type']): void => {
    const existing = columns.findIndex((c) => c.name === name);
    if (existing >= 0) columns[existing] = { name, type };
    else columns.push({ name, type });
    steps.push({ fn, target: existing >= 0 ? existing : columns.length - 1 });
  };
  let nextPlain = 0;
  for (const expression of expressions) {
    if (!isTuple(expression)) {
      const compiled = compileTyped(expression, columns, ctx);
      assign(plainNames[nextPlain++], compiled.fn, compiled.type);
      continue;
    }
    const tuple = compileTuple(expression, columns, ctx);
    tuple.names.forEach((name, i) => assign(name, (row) => tuple.values(row)[i], tuple.types[i]));
  }
  // When the input is what the binder saw, the result must be the bound one; a difference means a
  // naming rule we do not replicate, which is reported rather than returned under a wrong name.
  const bound = boundColumns(node).map((c) => c.name);
  const inputMatches = input.columns.length === staticInput.size && input.columns.every((c) => staticInput.has(c.name));
  if (inputMatches && bound.length > 0 && bound.join('\u0000') !== columns.map((c) => c.name).join('\u0000')) {
    ctx.fail(node, 'extend', `the evaluator named the columns (${columns.map((c) => c.name).join(', ')}) differently from Kusto (${bound.join(', ')}); name the new columns explicitly`);
  }
  // Each output row is allocated once at its final width (no growth when new columns are added).
  const width = columns.length;
  const inputWidth = input.columns.length;
  const rows: Row[] = new Array(input.rows.length);
  for (let r = 0; r < input.rows.length; r++) {
    const row = input.rows[r];
    const out: Row = new Array(width);
    for (let c = 0; c < inputWidth; c++) out[c] = row[c];
    for (let s = 0; s < steps.length; s++) out[steps[s].target] = steps[s].fn(out);
    rows[r] = out;
  }
  return { columns, rows };
}

/** project: one output column per expression, named as the binder named it (positionally). */
export function project(node: KNode, input: Table, ctx: EvalContext): Table {
  const expressions = elementsOf(node.Expressions);
  const bound = boundColumns(node);
  const names = expressions.map((e, i) => bound[i]?.name ?? derivedName(e) ?? `Column${i + 1}`);
  const compiled = expressions.map((expression) => compileTyped(expression, input.columns, ctx));
  const columns = compiled.map((c, i) => ({ name: names[i], type: c.type }));
  const fns = compiled.map((c) => c.fn);
  const width = fns.length;
  const rows: Row[] = new Array(input.rows.length);
  for (let r = 0; r < input.rows.length; r++) {
    const row = input.rows[r];
    const out: Row = new Array(width);
    for (let c = 0; c < width; c++) out[c] = fns[c](row);
    rows[r] = out;
  }
  return { columns, rows };
}

/** Keeps the input columns at the given positions, in that order. */
function pick(input: Table, positions: number[]): Table {
  const width = positions.length;
  const rows: Row[] = new Array(input.rows.length);
  for (let r = 0; r < input.rows.length; r++) {
    const row = input.rows[r];
    const out: Row = new Array(width);
    for (let c = 0; c < width; c++) out[c] = row[positions[c]];
    rows[r] = out;
  }
  return { columns: positions.map((p) => input.columns[p]), rows };
}

/** Column names matched by a project-away / project-reorder item: a name, or a wildcard like `Prop*`. */
function matchColumns(item: KNode, columns: readonly Column[]): number[] {
  const name = simpleName(item);
  if (name.includes('*')) {
    const pattern = new RegExp(`^${name.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return columns.map((c, i) => (pattern.test(c.name) ? i : -1)).filter((i) => i >= 0);
  }
  const index = columns.findIndex((c) => c.name === name);
  return index >= 0 ? [index] : [];
}

export function projectAway(node: KNode, input: Table): Table {
  const removed = new Set<number>();
  for (const item of elementsOf(node.Expressions)) for (const i of matchColumns(item, input.columns)) removed.add(i);
  return pick(input, input.columns.map((_, i) => i).filter((i) => !removed.has(i)));
}

export function projectRename(node: KNode, input: Table, ctx: EvalContext): Table {
  const columns = [...input.columns];
  for (const item of elementsOf(node.Expressions)) {
    const from = simpleName(item.Expression);
    const index = columns.findIndex((c) => c.name === from);
    if (index < 0) ctx.fail(item, 'project-rename', `column '${from}' is not in the input`);
    columns[index] = { name: simpleName(item.Name), type: columns[index].type };
  }
  return { columns, rows: input.rows };
}

export function projectReorder(node: KNode, input: Table, ctx: EvalContext): Table {
  const first: number[] = [];
  for (const item of elementsOf(node.Expressions)) {
    let matched: number[];
    if (nodeClass(item) === 'OrderedExpression') {
      // `a* asc|desc` orders the matched columns by name.
      const direction = syntaxKind(item.Ordering.AscOrDescKeyword ?? item.Ordering);
      if (direction !== 'AscKeyword' && direction !== 'DescKeyword') ctx.unsupported(item, String(item.Ordering.ToString()).trim(), 'project-reorder ordering');
      const sign = direction === 'AscKeyword' ? 1 : -1;
      matched = matchColumns(item.Expression, input.columns)
        .sort((a, b) => sign * (input.columns[a].name < input.columns[b].name ? -1 : input.columns[a].name > input.columns[b].name ? 1 : 0));
    } else {
      matched = matchColumns(item, input.columns);
    }
    for (const i of matched) if (!first.includes(i)) first.push(i);
  }
  const rest = input.columns.map((_, i) => i).filter((i) => !first.includes(i));
  return pick(input, [...first, ...rest]);
}

/**
 * `(A, B, …) = f(args)` for a function that returns several values (series_fit_line): the row's
 * values are computed once per row and shared by the columns, typed as the binder types them.
 */
function compileTuple(expression: KNode, columns: readonly Column[], ctx: EvalContext): { names: string[]; types: Column['type'][]; values: (row: Row) => unknown[] } {
  const call = expression.Expression;
  const name = String(call.ReferencedSymbol?.Name ?? '');
  const tupleFunction = nodeClass(call) === 'FunctionCallExpression' ? TUPLE_FUNCTIONS.get(name) : undefined;
  if (!tupleFunction) return ctx.unsupported(expression, `(…) = ${name || nodeClass(call)}`, 'tuple assignment from');
  const args = elementsOf(call.ArgumentList.Expressions);
  if (args.length !== tupleFunction.arity) ctx.fail(call, name, `${name}() takes ${tupleFunction.arity} argument(s), got ${args.length}`);
  const names = tupleColumnNames(expression);
  const types = boundColumns(call).map((c) => c.type);
  if (names.length !== types.length) ctx.fail(expression, name, `${name}() returns ${types.length} values, not ${names.length}`);
  const fn = tupleFunction.compile(args.map((arg) => compileIn(arg, columns, ctx)));
  // The same row is asked once per column; compute its values once.
  let lastRow: Row | undefined;
  let lastValues: unknown[] = [];
  const values = (row: Row): unknown[] => {
    if (row !== lastRow) {
      lastRow = row;
      lastValues = fn(row) as unknown[];
    }
    return lastValues;
  };
  return { names, types, values };
}

/** The columns `(A, B) = f(x)` adds: the names given, then Kusto's names for values left unnamed. */
function tupleColumnNames(expression: KNode): string[] {
  const given = elementsOf(expression.Names.Names).map((n) => simpleName(n));
  const generated = boundColumns(expression.Expression).map((c) => c.name);
  return generated.length > given.length ? [...given, ...generated.slice(given.length)] : given;
}

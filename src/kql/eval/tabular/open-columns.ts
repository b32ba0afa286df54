import type { EvalTable } from '../options';
import type { Column } from '../values/types';

/**
 * The columns sample data gives an open table (a solution's custom table or parser known by name
 * only) beyond those it declares, in first-seen order. Kusto types a reference to such a column as
 * dynamic, so that is their type whatever the data says: the query is compiled to Kusto's types.
 */
export function openColumns(declared: readonly Column[], data: EvalTable): Column[] {
  const known = new Set(declared.map((c) => c.name));
  const extra: Column[] = [];
  const add = (name: string): void => {
    if (known.has(name)) return;
    known.add(name);
    extra.push({ name, type: 'dynamic' });
  };
  for (const column of data.columns) add(column.name);
  for (const row of data.rows) for (const name of Object.keys(row)) add(name);
  return extra;
}

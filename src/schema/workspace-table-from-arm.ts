/** One table of the ARM `workspaces/tables` API as the schema file records it. */
import type { Column, Table } from '@azure/arm-operationalinsights';
import { normalizeKustoType } from '../catalog/kusto-scalar-type';
import type { TableColumn } from '../catalog/table-catalog';
import type { WorkspaceTable } from './workspace-schema';

/**
 * ARM column types (string, int, long, real, boolean, dateTime, guid, dynamic; the enum is open)
 * as Kusto names them. A type Kusto does not know binds as dynamic, with a warning.
 */
export function kustoTypeOfArmColumn(armType: string | undefined): TableColumn['type'] | undefined {
  return armType === undefined ? undefined : normalizeKustoType(armType);
}

/** Undefined (with a warning) for an entry without a name. */
export function workspaceTableFromArm(table: Table, warn: (message: string) => void): WorkspaceTable | undefined {
  const schema = table.schema;
  const name = table.name ?? schema?.name;
  if (!name) return void warn(`a table without a name was skipped (id ${table.id ?? 'unknown'})`);
  const columns: TableColumn[] = [];
  const seen = new Map<string, TableColumn>();
  // Standard first, then custom: Microsoft's columns keep their place when custom ones are added.
  for (const column of [...(schema?.standardColumns ?? []), ...(schema?.columns ?? [])]) {
    const mapped = columnOf(name, column, warn);
    if (!mapped) continue;
    const earlier = seen.get(mapped.name);
    if (earlier) {
      if (earlier.type !== mapped.type) warn(`table ${name}: column ${mapped.name} is listed twice, as ${earlier.type} and ${mapped.type}; kept ${earlier.type}`);
      continue;
    }
    seen.set(mapped.name, mapped);
    columns.push(mapped);
  }
  const custom = schema?.tableType !== undefined ? schema.tableType !== 'Microsoft' : schema?.source === 'customer' || /_CL$/.test(name);
  return { name, custom, columns };
}

function columnOf(table: string, column: Column, warn: (message: string) => void): TableColumn | undefined {
  if (!column.name) return void warn(`table ${table}: a column without a name was skipped`);
  const type = kustoTypeOfArmColumn(column.type);
  if (type) return { name: column.name, type };
  warn(`table ${table}: column ${column.name} has type ${JSON.stringify(column.type ?? null)}, which is not a Kusto type; it is recorded as dynamic`);
  return { name: column.name, type: 'dynamic' };
}

/**
 * A pulled workspace schema as the KQL binder takes it: its tables and functions as a SchemaInput
 * part, plus the names the workspace has, for the not-in-workspace check.
 */
import { STANDARD_COLUMNS } from '../catalog/standard-columns';
import { appendMissingColumns, type TableColumn } from '../catalog/table-catalog';
import type { DeclaredFunction, DeclaredTable, SchemaInput } from '../kql/kql-schema';
import type { WorkspaceFunction, WorkspaceSchema, WorkspaceTable } from './workspace-schema';

export interface WorkspaceNames {
  /** Which workspace the names are of, for messages: "environment prod's workspace law-prod (schemas/prod.schema.json)". */
  readonly label: string;
  readonly tables: ReadonlySet<string>;
  readonly functions: ReadonlySet<string>;
}

/**
 * A pulled table's columns plus the standard ones every Log Analytics table has (Type, _ResourceId,
 * _BilledSize, ...), which the tables API does not list, after its own.
 */
export function queryableColumns(columns: readonly TableColumn[]): TableColumn[] {
  return appendMissingColumns(columns, STANDARD_COLUMNS);
}

export function workspaceSchemaInput(schema: WorkspaceSchema): SchemaInput {
  return schemaInputOf(schema.tables, schema.functions);
}

export function schemaInputOf(workspaceTables: readonly WorkspaceTable[], workspaceFunctions: readonly WorkspaceFunction[]): SchemaInput {
  const tables: DeclaredTable[] = workspaceTables.map((t) => ({ name: t.name, columns: queryableColumns(t.columns) }));
  // The body, not the pulled columns: Kusto.Language expands it at each call, so the result follows the arguments.
  const functions: DeclaredFunction[] = workspaceFunctions.map((f) => ({ name: f.name, parameters: f.parameters, body: f.body.join('\n'), ...(f.columns && { columns: f.columns }) }));
  return { tables, functions };
}

export function workspaceNames(schema: WorkspaceSchema, label: string): WorkspaceNames {
  return { label, tables: new Set(schema.tables.map((t) => t.name)), functions: new Set(schema.functions.map((f) => f.name)) };
}

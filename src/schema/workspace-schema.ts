/**
 * The schema file `sentinel-cac schema pull` writes and `validate --environment` reads: the tables
 * and functions one workspace really has, committed next to the code (default
 * `schemas/<environment>.schema.json`). It holds only what the workspace says, in a fixed order,
 * so pulling an unchanged workspace writes the same bytes and a changed one a reviewable diff.
 */
import path from 'node:path';
import type { TableColumn } from '../catalog/table-catalog';
import type { FunctionParameter } from '../kql/kql-schema';

/** Bumped when the file format changes incompatibly; the reader refuses other versions. */
export const WORKSPACE_SCHEMA_VERSION = 1;

/** Where the schema came from. */
export interface SchemaSource {
  /** The environment it was pulled for; absent when the workspace was named by flags. */
  readonly environment?: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly workspace: string;
}

export interface WorkspaceTable {
  readonly name: string;
  /** Made in this workspace (custom `_CL`, restored or search-job tables), not provided by Microsoft. */
  readonly custom: boolean;
  /** Microsoft's standard columns, then the custom ones, in the order the workspace lists them. */
  readonly columns: readonly TableColumn[];
}

/** A saved search with a function alias: callable from KQL by `name`. */
export interface WorkspaceFunction {
  /** The function alias. */
  readonly name: string;
  readonly parameters: readonly FunctionParameter[];
  /** The saved search's query, one array item per line (so a changed line is a one-line diff). */
  readonly body: readonly string[];
  /**
   * The columns Kusto.Language infers the body returns when called with its defaults; absent when
   * they cannot be inferred (a tabular parameter, or a body that is not a tabular expression).
   */
  readonly columns?: readonly TableColumn[];
}

export interface WorkspaceSchema {
  readonly schemaVersion: typeof WORKSPACE_SCHEMA_VERSION;
  readonly source: SchemaSource;
  /** Sorted by name. */
  readonly tables: readonly WorkspaceTable[];
  /** Sorted by name. */
  readonly functions: readonly WorkspaceFunction[];
}

/** `schemas/<name>.schema.json` under the project root: where an environment's schema lives unless it sets `schema:`. */
export function defaultSchemaFile(root: string, name: string): string {
  return path.join(root, 'schemas', `${name}.schema.json`);
}

/** Ordinal comparison, so the order never depends on the machine's locale. */
export function byName(a: { readonly name: string }, b: { readonly name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

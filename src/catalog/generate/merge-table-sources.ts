import type { KustoScalarType } from '../kusto-scalar-type';
import { compareOrdinal } from './reference-dir';
import type { SourceColumn, SourceTables } from './source-tables';

/** A column only Azure-Sentinel's CI schema has, appended to the Log Analytics table. */
export interface CiOnlyColumn {
  readonly table: string;
  readonly column: string;
  readonly type: KustoScalarType;
}

/** A column both sources have with different types; the Log Analytics type wins. */
export interface TypeConflict {
  readonly table: string;
  readonly column: string;
  readonly laType: KustoScalarType;
  readonly ciType: KustoScalarType;
}

export interface MergedTables {
  /** Sorted by table name (ordinal); columns in source order, LA first then CI-only ones. */
  readonly tables: ReadonlyMap<string, readonly SourceColumn[]>;
  readonly ciOnlyTables: readonly string[];
  readonly ciOnlyColumns: readonly CiOnlyColumn[];
  readonly typeConflicts: readonly TypeConflict[];
}

/**
 * Unites the two sources. The Log Analytics reference is the broad, documented one, so its
 * columns and types come first; Azure-Sentinel's CI schemas add the columns its own query
 * validation knows and the docs lack (e.g. AADManagedIdentitySignInLogs.ConditionalAccessPoliciesV2).
 */
export function mergeTableSources(la: SourceTables, ci: SourceTables): MergedTables {
  const merged = new Map<string, SourceColumn[]>();
  for (const [table, columns] of la.tables) merged.set(table, [...columns]);

  const ciOnlyTables: string[] = [];
  const ciOnlyColumns: CiOnlyColumn[] = [];
  const typeConflicts: TypeConflict[] = [];
  for (const [table, ciColumns] of ci.tables) {
    const target = merged.get(table);
    if (!target) {
      ciOnlyTables.push(table);
      merged.set(table, [...ciColumns]);
      continue;
    }
    for (const column of ciColumns) {
      const existing = target.find((c) => c.name === column.name);
      if (!existing) {
        target.push(column);
        ciOnlyColumns.push({ table, column: column.name, type: column.type });
      } else if (existing.type !== column.type) {
        typeConflicts.push({ table, column: column.name, laType: existing.type, ciType: column.type });
      }
    }
  }

  const sorted = new Map([...merged.entries()].sort(([a], [b]) => compareOrdinal(a, b)));
  return { tables: sorted, ciOnlyTables: ciOnlyTables.sort(compareOrdinal), ciOnlyColumns, typeConflicts };
}

import type { KustoScalarType } from '../kusto-scalar-type';

/** A column as one reference source states it, after its type was normalized. */
export interface SourceColumn {
  readonly name: string;
  readonly type: KustoScalarType;
}

/** A source row that did not become a column, and why. Reported by the generator, never dropped silently. */
export interface SkippedRow {
  readonly source: string;
  /** 1-based line (CSV: the line the record ends on) or property index (JSON), for finding it again. */
  readonly location: string;
  readonly table: string;
  readonly column: string;
  readonly rawType: string;
  readonly reason: string;
}

/** A second column of the same name in one table of one source; the first one is kept. */
export interface DuplicateColumn {
  readonly source: string;
  readonly location: string;
  readonly table: string;
  readonly column: string;
  readonly keptType: KustoScalarType;
  readonly droppedType: KustoScalarType;
}

/** Everything read from one reference source. Tables and columns keep source order. */
export interface SourceTables {
  readonly sources: readonly string[];
  readonly tables: Map<string, SourceColumn[]>;
  readonly skipped: SkippedRow[];
  readonly duplicates: DuplicateColumn[];
  /** How often each non-canonical type spelling was mapped, e.g. "Double -> real": 41. */
  readonly typeSpellings: Map<string, number>;
}

export function emptySourceTables(sources: readonly string[]): SourceTables {
  return { sources, tables: new Map(), skipped: [], duplicates: [], typeSpellings: new Map() };
}

/** Adds a column unless the table already has one of that exact (case-sensitive) name. */
export function addSourceColumn(
  into: SourceTables,
  source: string,
  location: string,
  table: string,
  column: SourceColumn,
): void {
  let columns = into.tables.get(table);
  if (!columns) {
    columns = [];
    into.tables.set(table, columns);
  }
  const existing = columns.find((c) => c.name === column.name);
  if (existing) {
    into.duplicates.push({
      source,
      location,
      table,
      column: column.name,
      keptType: existing.type,
      droppedType: column.type,
    });
    return;
  }
  columns.push(column);
}

export function countTypeSpelling(into: SourceTables, rawType: string, type: KustoScalarType): void {
  if (rawType === type) return;
  const key = `${rawType} -> ${type}`;
  into.typeSpellings.set(key, (into.typeSpellings.get(key) ?? 0) + 1);
}

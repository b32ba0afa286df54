import type { TableCatalogBuild } from './build-table-catalog';
import type { SourceTables } from './source-tables';

/** Human-readable account of what the table generator kept, changed, skipped and why. */
export function formatTableCatalogReport(build: TableCatalogBuild): string {
  const { laSource, ciSource, merged } = build;
  const columnCount = [...merged.tables.values()].reduce((n, cols) => n + cols.length, 0);
  const lines = [
    `Tables: ${merged.tables.size} (${laSource.tables.size} from Log Analytics reference, ` +
      `${merged.ciOnlyTables.length} only in Azure-Sentinel CI${listSuffix(merged.ciOnlyTables)}); columns: ${columnCount}.`,
    ...sourceLines('Log Analytics CSV', laSource),
    ...sourceLines('Azure-Sentinel CI schemas', ciSource),
    `Columns added from Azure-Sentinel CI schemas: ${merged.ciOnlyColumns.length}`,
    ...merged.ciOnlyColumns.map((c) => `  ${c.table}.${c.column}: ${c.type}`),
    `Type conflicts (Log Analytics type kept): ${merged.typeConflicts.length}`,
    ...merged.typeConflicts.map((c) => `  ${c.table}.${c.column}: LA ${c.laType}, CI ${c.ciType}`),
    `Workspace columns added: ${build.added.length} (${countBy(build.added.map((a) => a.why))})`,
    ...build.added.filter((a) => a.why !== 'standard').map((a) => `  ${a.table}.${a.column}: ${a.type} (${a.why})`),
  ];
  return lines.join('\n');
}

function sourceLines(label: string, source: SourceTables): string[] {
  const spellings = [...source.typeSpellings].map(([spelling, n]) => `${spelling} (${n})`).join(', ');
  return [
    `${label}: skipped ${source.skipped.length} row(s)`,
    ...source.skipped.map(
      (s) => `  ${s.source} ${s.location}: ${s.table || '?'}.${s.column || '?'} skipped: ${s.reason}`,
    ),
    `${label}: dropped ${source.duplicates.length} duplicate column(s) (first kept)`,
    ...source.duplicates.map(
      (d) => `  ${d.source} ${d.location}: ${d.table}.${d.column} (kept ${d.keptType}, dropped ${d.droppedType})`,
    ),
    `${label}: type spellings normalized: ${spellings || 'none'}`,
  ];
}

function listSuffix(items: readonly string[]): string {
  return items.length ? `: ${items.join(', ')}` : '';
}

function countBy(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
}

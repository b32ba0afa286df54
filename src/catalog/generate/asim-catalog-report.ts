import type { AsimCatalogBuild } from './asim-build-catalog';
import type { AsimParserNote } from './asim-parser-functions';

/** A short human summary of an ASIM catalog build: what went in and everything left out or guessed. */
export function formatAsimCatalogReport(build: AsimCatalogBuild): string {
  const { columns, parsers } = build;
  const columnCount = [...columns.schemas.values()].reduce((n, c) => n + c.length, 0);
  const lines = [
    `ASIM catalog: ${parsers.functions.length} functions over ${columns.schemas.size} schemas (${columnCount} columns).`,
    `Column types from physical_type: ${columns.typedBy.physical}, tester_type: ${columns.typedBy.tester}, aliased field: ${columns.typedBy.alias}.`,
  ];
  if (columns.skipped.length > 0) {
    lines.push(`asim_fields.csv: skipped ${columns.skipped.length} field(s):`);
    for (const s of columns.skipped) lines.push(`  line ${s.line}: ${s.schema}.${s.field}: ${s.reason}`);
  }
  for (const c of columns.conflicts) {
    lines.push(`  ${c.schema}.${c.field}: Common says ${c.commonType}, the schema ${c.schemaType}; kept ${c.commonType}`);
  }
  section(lines, 'parser_params items left out', parsers.parameterProblems);
  section(lines, 'filtering parsers with no known filter parameters', parsers.withoutFilteringParameters);
  section(lines, 'sub-parsers with no row of their own (typed like the parser listing them)', parsers.subParsersWithoutRow);
  section(lines, 'names rejected', parsers.rejected);
  return lines.join('\n');
}

function section(lines: string[], title: string, notes: readonly AsimParserNote[]): void {
  if (notes.length === 0) return;
  lines.push(`asim_parsers.csv: ${title}: ${notes.length}`);
  for (const n of notes) lines.push(`  line ${n.line}: ${n.name}: ${n.note}`);
}

import type { SourceColumn } from './source-tables';

/**
 * Renders the catalog as `{ "generatedFrom": [...], "tables": { "<Table>": [["Col","type"], ...] } }`.
 * One table per line keeps a schema change to a one-line diff; column pairs instead of objects
 * keep 25,000 columns small.
 */
export function renderTablesJson(
  generatedFrom: readonly string[],
  tables: ReadonlyMap<string, readonly SourceColumn[]>,
): string {
  const lines = [...tables].map(
    ([table, columns]) => `    ${JSON.stringify(table)}: ${JSON.stringify(columns.map((c) => [c.name, c.type]))}`,
  );
  return [
    '{',
    `  "generatedFrom": ${JSON.stringify(generatedFrom)},`,
    '  "tables": {',
    lines.join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}

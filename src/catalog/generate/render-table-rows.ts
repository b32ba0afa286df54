import type { KustoScalarType } from '../kusto-scalar-type';
import type { SourceColumn } from './source-tables';

/** The TypeScript type a test author writes for a value of each Kusto type in sample rows. */
const ROW_VALUE_TYPES: Readonly<Record<KustoScalarType, string>> = {
  string: 'string',
  int: 'number',
  long: 'number',
  real: 'number',
  decimal: 'number',
  bool: 'boolean',
  datetime: 'string | Date',
  timespan: 'string',
  guid: 'string',
  dynamic: 'unknown',
};

/**
 * Renders `export interface TableRows { <Table>: { <Col>?: <type>; ... }; ... }` for typed sample
 * events in offline rule tests. Every column is optional because sample rows name only what a
 * rule reads. One table per line, as in tables.json.
 */
export function renderTableRows(header: string, tables: ReadonlyMap<string, readonly SourceColumn[]>): string {
  const lines = [...tables].map(([table, columns]) => {
    const fields = columns.map((c) => `${propertyKey(c.name)}?: ${ROW_VALUE_TYPES[c.type]};`).join(' ');
    return `  ${propertyKey(table)}: { ${fields} };`;
  });
  return [header, '', 'export interface TableRows {', ...lines, '}', ''].join('\n');
}

function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

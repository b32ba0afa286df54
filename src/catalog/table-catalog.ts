import * as fs from 'fs';
import * as path from 'path';
import { isKustoScalarType, type KustoScalarType } from './kusto-scalar-type';
import { KQL_NAME } from '../kql/kql-name';

export { KUSTO_SCALAR_TYPES, type KustoScalarType } from './kusto-scalar-type';

/** One column of a Log Analytics table. */
export interface TableColumn {
  readonly name: string;
  readonly type: KustoScalarType;
}

/** Where the generated catalog lives (written by `npm run gen:catalog`). */
export const TABLE_CATALOG_FILE = path.join(__dirname, 'generated', 'tables.json');

let cached: ReadonlyMap<string, readonly TableColumn[]> | undefined;

/**
 * The Log Analytics table schemas, by exact table name. Read from tables.json on first call
 * (about 0.7 MB, so never on import) and cached for the life of the process.
 */
export function loadTableCatalog(): ReadonlyMap<string, readonly TableColumn[]> {
  cached ??= parseTableCatalog(fs.readFileSync(TABLE_CATALOG_FILE, 'utf8'), TABLE_CATALOG_FILE);
  return cached;
}

/** Parses tables.json text; a malformed file is an error naming the file, the table and the fix. */
export function parseTableCatalog(text: string, file: string): ReadonlyMap<string, readonly TableColumn[]> {
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what}. Regenerate it with \`npm run gen:catalog\`.`);
  };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`);
  }
  const tables = (doc as { tables?: unknown } | null)?.tables;
  if (typeof tables !== 'object' || tables === null || Array.isArray(tables)) return fail('has no "tables" object');
  const catalog = new Map<string, readonly TableColumn[]>();
  for (const [table, pairs] of Object.entries(tables)) {
    if (!Array.isArray(pairs)) return fail(`table ${table} is not an array of [name, type] pairs`);
    const columns = pairs.map((pair: unknown): TableColumn => {
      const [name, type] = Array.isArray(pair) ? pair : [];
      if (typeof name !== 'string' || !isKustoScalarType(type)) {
        return fail(`table ${table} has a column that is not [name, Kusto type]: ${JSON.stringify(pair)}`);
      }
      return Object.freeze({ name, type });
    });
    catalog.set(table, Object.freeze(columns));
  }
  return catalog;
}

/**
 * The `(Col:type, ...)` schema text that Kusto.Language's `TableSymbol.$ctor7(name, schema, null)`
 * parses. Names that are not plain identifiers are written `['name']`, escaped as KQL strings,
 * because the schema parser otherwise stops at a dot or space and silently drops the rest.
 */
export function tableSchemaString(columns: readonly TableColumn[]): string {
  return `(${columns.map((c) => `${schemaColumnName(c.name)}:${c.type}`).join(', ')})`;
}

function schemaColumnName(name: string): string {
  if (KQL_NAME.test(name)) return name;
  return `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

/** `base`, then the columns of `extra` whose names `base` does not have, in their order. */
export function appendMissingColumns(base: readonly TableColumn[], extra: readonly TableColumn[]): TableColumn[] {
  const names = new Set(base.map((c) => c.name));
  return [...base, ...extra.filter((c) => !names.has(c.name))];
}

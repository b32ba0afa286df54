import { readAsimParserFunctions, type AsimFunction, type AsimParserFunctions } from './asim-parser-functions';
import { readAsimSchemaColumns, type AsimColumn, type AsimSchemaColumns } from './asim-schema-columns';
import { readReferenceFile } from './reference-dir';

/** Where the generated ASIM catalog is written, relative to the repository root. */
export const ASIM_FUNCTIONS_JSON_PATH = 'src/catalog/generated/asim-functions.json';

export const ASIM_FIELDS_CSV = 'tables/asim_fields.csv';
export const ASIM_PARSERS_CSV = 'tables/asim_parsers.csv';

export interface AsimCatalogBuild {
  /** Repository-relative path → file text. */
  readonly files: ReadonlyMap<string, string>;
  readonly columns: AsimSchemaColumns;
  readonly parsers: AsimParserFunctions;
}

/** Reads the two ASIM reference CSVs and renders asim-functions.json; pure apart from reading them. */
export function buildAsimCatalog(referenceDir: string): AsimCatalogBuild {
  const columns = readAsimSchemaColumns(readReferenceFile(referenceDir, ASIM_FIELDS_CSV), ASIM_FIELDS_CSV);
  const parsers = readAsimParserFunctions(
    readReferenceFile(referenceDir, ASIM_PARSERS_CSV),
    ASIM_PARSERS_CSV,
    new Set(columns.schemas.keys()),
  );
  const json = renderAsimFunctionsJson([ASIM_FIELDS_CSV, ASIM_PARSERS_CSV], columns.schemas, parsers.functions);
  return { files: new Map([[ASIM_FUNCTIONS_JSON_PATH, json]]), columns, parsers };
}

/**
 * `{ "generatedFrom": [...], "schemas": { "<Schema>": [["Col","type"], ...] },
 *    "functions": { "<name>": { "schema": "<Schema>", "parameters": [["p","type","default"], ...] } } }`,
 * one schema or function per line so a reference change is a small diff. Functions point at a
 * schema instead of repeating its ~200 columns.
 */
export function renderAsimFunctionsJson(
  generatedFrom: readonly string[],
  schemas: ReadonlyMap<string, readonly AsimColumn[]>,
  functions: readonly AsimFunction[],
): string {
  const schemaLines = [...schemas].map(([schema, cols]) => `    ${JSON.stringify(schema)}: ${JSON.stringify(cols.map((c) => [c.name, c.type]))}`);
  const functionLines = functions.map((fn) => {
    const parameters = fn.parameters.map((p) => (p.defaultValue === undefined ? [p.name, p.type] : [p.name, p.type, p.defaultValue]));
    return `    ${JSON.stringify(fn.name)}: ${JSON.stringify({ schema: fn.schema, parameters })}`;
  });
  return [
    '{',
    `  "generatedFrom": ${JSON.stringify(generatedFrom)},`,
    '  "schemas": {',
    schemaLines.join(',\n'),
    '  },',
    '  "functions": {',
    functionLines.join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}

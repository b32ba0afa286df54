import * as fs from 'fs';
import * as path from 'path';
import { isKustoScalarType, type KustoScalarType } from './kusto-scalar-type';
import type { TableColumn } from './table-catalog';

/** One parameter of an ASIM parser function; every one is optional. */
export interface AsimFunctionParameter {
  readonly name: string;
  readonly type: KustoScalarType;
  /** The default as KQL text, e.g. `datetime(null)`; undefined when the reference gives none. */
  readonly defaultValue: string | undefined;
}

/** An ASIM parser callable from KQL (`_Im_Dns`, `imDns`, `ASimDns`, `_ASim_Dns_AzureFirewall`, ...). */
export interface AsimFunction {
  readonly name: string;
  /** The ASIM schema its rows follow (Dns, NetworkSession, ...): a key of `AsimCatalog.schemas`. */
  readonly schema: string;
  readonly parameters: readonly AsimFunctionParameter[];
}

export interface AsimCatalog {
  /** Schema name → the result columns of every parser of that schema. */
  readonly schemas: ReadonlyMap<string, readonly TableColumn[]>;
  /** Function name → function, by exact name. */
  readonly functions: ReadonlyMap<string, AsimFunction>;
}

/** Where the generated ASIM catalog lives (written by `npm run gen:asim`). */
export const ASIM_CATALOG_FILE = path.join(__dirname, 'generated', 'asim-functions.json');

let cached: AsimCatalog | undefined;

/** The ASIM parser functions and schemas; read from asim-functions.json on first call and cached. */
export function loadAsimCatalog(): AsimCatalog {
  cached ??= parseAsimCatalog(fs.readFileSync(ASIM_CATALOG_FILE, 'utf8'), ASIM_CATALOG_FILE);
  return cached;
}

/** Parses asim-functions.json text; a malformed file is an error naming the file, the entry and the fix. */
export function parseAsimCatalog(text: string, file: string): AsimCatalog {
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what}. Regenerate it with \`npm run gen:asim\`.`);
  };
  let doc: any;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(doc?.schemas)) return fail('has no "schemas" object');
  if (!isObject(doc?.functions)) return fail('has no "functions" object');
  const schemas = new Map<string, readonly TableColumn[]>();
  for (const [schema, pairs] of Object.entries(doc.schemas)) {
    if (!Array.isArray(pairs)) return fail(`schema ${schema} is not an array of [name, type] pairs`);
    schemas.set(schema, Object.freeze(pairs.map((pair: unknown): TableColumn => {
      const [name, type] = Array.isArray(pair) ? pair : [];
      if (typeof name !== 'string' || !isKustoScalarType(type)) return fail(`schema ${schema} has a column that is not [name, Kusto type]: ${JSON.stringify(pair)}`);
      return Object.freeze({ name, type });
    })));
  }
  const functions = new Map<string, AsimFunction>();
  for (const [name, entry] of Object.entries(doc.functions as Record<string, any>)) {
    const schema = entry?.schema;
    if (typeof schema !== 'string' || !schemas.has(schema)) return fail(`function ${name} names schema ${JSON.stringify(schema)}, which the file does not define`);
    if (!Array.isArray(entry.parameters)) return fail(`function ${name} has no "parameters" array`);
    const parameters = entry.parameters.map((p: unknown): AsimFunctionParameter => {
      const [pName, type, defaultValue] = Array.isArray(p) ? p : [];
      if (typeof pName !== 'string' || !isKustoScalarType(type) || (defaultValue !== undefined && typeof defaultValue !== 'string')) {
        return fail(`function ${name} has a parameter that is not [name, Kusto type, default?]: ${JSON.stringify(p)}`);
      }
      return Object.freeze({ name: pName, type, defaultValue });
    });
    functions.set(name, Object.freeze({ name, schema, parameters: Object.freeze(parameters) }));
  }
  return { schemas, functions };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

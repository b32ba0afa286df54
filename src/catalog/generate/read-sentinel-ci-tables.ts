import { normalizeKustoType } from '../kusto-scalar-type';
import { addSourceColumn, countTypeSpelling, emptySourceTables, type SourceTables } from './source-tables';

/** One file of Azure-Sentinel's KQL CI table schemas: `{ Name, Properties: [{ Name, Type }] }`. */
export interface CiTableFile {
  /** Path relative to the reference folder, used in reports and `generatedFrom`. */
  readonly source: string;
  readonly text: string;
}

/**
 * Reads Azure-Sentinel's CI table schemas. Key case varies between files ("Name" or "name"),
 * so keys are matched case-insensitively; anything else malformed is an error naming the file.
 */
export function readSentinelCiTables(files: readonly CiTableFile[]): SourceTables {
  const out = emptySourceTables(files.map((f) => f.source));
  for (const file of files) {
    const doc = parseJson(file);
    const table = stringField(doc, 'name');
    const properties = field(doc, 'properties');
    if (!table || !Array.isArray(properties)) {
      throw new Error(`${file.source}: expected { "Name": "<table>", "Properties": [{ "Name", "Type" }, ...] }.`);
    }
    out.tables.set(table, out.tables.get(table) ?? []);
    properties.forEach((property, index) => {
      const location = `Properties[${index}]`;
      const column = stringField(property, 'name') ?? '';
      const rawType = stringField(property, 'type') ?? '';
      const type = normalizeKustoType(rawType);
      if (!column || !type) {
        const reason = !column ? 'missing column name' : `type "${rawType}" is not a Kusto scalar type`;
        out.skipped.push({ source: file.source, location, table, column, rawType, reason });
        return;
      }
      countTypeSpelling(out, rawType, type);
      addSourceColumn(out, file.source, location, table, { name: column, type });
    });
  }
  return out;
}

function parseJson(file: CiTableFile): unknown {
  try {
    return JSON.parse(file.text);
  } catch (error) {
    throw new Error(`${file.source}: not valid JSON: ${(error as Error).message}`);
  }
}

function field(value: unknown, lowerName: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const key = Object.keys(value).find((k) => k.toLowerCase() === lowerName);
  return key === undefined ? undefined : (value as Record<string, unknown>)[key];
}

function stringField(value: unknown, lowerName: string): string | undefined {
  const found = field(value, lowerName);
  return typeof found === 'string' && found.trim() ? found.trim() : undefined;
}

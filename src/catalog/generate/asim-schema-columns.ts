import { normalizeKustoType, type KustoScalarType } from '../kusto-scalar-type';
import { cell, readAsimCsv, type AsimCsvRow } from './asim-csv';
import { compareOrdinal } from './reference-dir';

/** The schema whose fields every ASIM schema has (TimeGenerated, EventType, Dvc*, ...). */
export const ASIM_COMMON_SCHEMA = 'Common';

const REQUIRED_HEADERS = ['schema', 'field_name', 'physical_type', 'aliased_field', 'tester_type'] as const;

export interface AsimColumn {
  readonly name: string;
  readonly type: KustoScalarType;
}

/** A field left out of a schema's columns, with why. */
export interface SkippedAsimField {
  readonly schema: string;
  readonly field: string;
  readonly line: number;
  readonly reason: string;
}

/** A field defined both in Common and in a schema with another type; the Common type is kept. */
export interface AsimTypeConflict {
  readonly schema: string;
  readonly field: string;
  readonly commonType: KustoScalarType;
  readonly schemaType: KustoScalarType;
}

export interface AsimSchemaColumns {
  /** Schema name → Common columns then the schema's own, de-duplicated by name; sorted by schema. */
  readonly schemas: ReadonlyMap<string, readonly AsimColumn[]>;
  readonly skipped: readonly SkippedAsimField[];
  readonly conflicts: readonly AsimTypeConflict[];
  /** How many columns took their type from each source: physical_type, tester_type or the aliased field. */
  readonly typedBy: Readonly<Record<'physical' | 'tester' | 'alias', number>>;
}

interface FieldRow {
  readonly schema: string;
  readonly field: string;
  readonly line: number;
  readonly physicalType: string;
  readonly testerType: string;
  readonly aliasedFields: readonly string[];
}

/**
 * Reads asim_fields.csv into each schema's result columns. A field's type is its physical_type,
 * else the type the ASIM tester checks (tester_type), else — for an alias such as `Dns.Domain`
 * (of DnsQuery) — the type of the field(s) it aliases. Aliases are real columns of the parser
 * output, so they are kept. Fields with no resolvable type are skipped and reported.
 */
export function readAsimSchemaColumns(csvText: string, source: string): AsimSchemaColumns {
  const rows = readAsimCsv(csvText, source, REQUIRED_HEADERS).map(toFieldRow);
  const skipped: SkippedAsimField[] = [];
  const conflicts: AsimTypeConflict[] = [];
  const typedBy = { physical: 0, tester: 0, alias: 0 };
  const reported = new Set<string>();
  const bySchema = new Map<string, FieldRow[]>();
  for (const row of rows) {
    if (!row.schema || !row.field) {
      skipped.push({ schema: row.schema, field: row.field, line: row.line, reason: 'empty schema or field name' });
      continue;
    }
    const list = bySchema.get(row.schema) ?? [];
    list.push(row);
    bySchema.set(row.schema, list);
  }
  const common = bySchema.get(ASIM_COMMON_SCHEMA) ?? [];
  if (common.length === 0) throw new Error(`${source}: no "${ASIM_COMMON_SCHEMA}" schema rows; every ASIM schema starts from them.`);
  const schemas = new Map<string, readonly AsimColumn[]>();
  const names = [...bySchema.keys()].filter((s) => s !== ASIM_COMMON_SCHEMA).sort(compareOrdinal);
  for (const schema of names) {
    const fields = [...common, ...bySchema.get(schema)!];
    const direct = new Map<string, KustoScalarType>();
    for (const f of fields) {
      const type = normalizeKustoType(f.physicalType) ?? normalizeKustoType(f.testerType);
      if (type && !direct.has(f.field)) direct.set(f.field, type);
    }
    const columns: AsimColumn[] = [];
    const placed = new Map<string, { type: KustoScalarType; fromCommon: boolean }>();
    for (const f of fields) {
      const resolved = resolveType(f, direct);
      const fromCommon = f.schema === ASIM_COMMON_SCHEMA;
      const earlier = placed.get(f.field);
      if (earlier) {
        if (resolved.type && resolved.type !== earlier.type && earlier.fromCommon && !fromCommon) {
          conflicts.push({ schema, field: f.field, commonType: earlier.type, schemaType: resolved.type });
        }
        continue;
      }
      if (!resolved.type) {
        // A Common field is read once per schema; report it once.
        const key = `${f.schema}.${f.field}`;
        if (!reported.has(key)) skipped.push({ schema: f.schema, field: f.field, line: f.line, reason: resolved.reason });
        reported.add(key);
        continue;
      }
      typedBy[resolved.by]++;
      placed.set(f.field, { type: resolved.type, fromCommon });
      columns.push({ name: f.field, type: resolved.type });
    }
    schemas.set(schema, columns);
  }
  return { schemas, skipped, conflicts, typedBy };
}

function toFieldRow(row: AsimCsvRow): FieldRow {
  return {
    schema: cell(row, 'schema'),
    field: cell(row, 'field_name'),
    line: row.line,
    physicalType: cell(row, 'physical_type'),
    testerType: cell(row, 'tester_type'),
    aliasedFields: cell(row, 'aliased_field').split('|').map((s) => s.trim()).filter(Boolean),
  };
}

type Resolved =
  | { type: KustoScalarType; by: 'physical' | 'tester' | 'alias'; reason?: undefined }
  | { type: undefined; by?: undefined; reason: string };

function resolveType(f: FieldRow, direct: ReadonlyMap<string, KustoScalarType>): Resolved {
  const physical = normalizeKustoType(f.physicalType);
  if (physical) return { type: physical, by: 'physical' };
  const tester = normalizeKustoType(f.testerType);
  if (tester) return { type: tester, by: 'tester' };
  const aliasTypes = new Set(f.aliasedFields.map((a) => direct.get(a)).filter((t): t is KustoScalarType => t !== undefined));
  if (aliasTypes.size === 1) return { type: [...aliasTypes][0], by: 'alias' };
  const raw = f.physicalType || f.testerType;
  if (raw) return { type: undefined, reason: `type "${raw}" is not a Kusto scalar type` };
  if (aliasTypes.size > 1) return { type: undefined, reason: `no type, and the aliased fields ${f.aliasedFields.join('|')} differ in type` };
  if (f.aliasedFields.length > 0) return { type: undefined, reason: `no type, and the aliased field(s) ${f.aliasedFields.join('|')} have none` };
  return { type: undefined, reason: 'no physical_type or tester_type' };
}

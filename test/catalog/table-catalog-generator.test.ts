import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  buildTableCatalog,
  TABLE_ROWS_PATH,
  TABLES_JSON_PATH,
} from '../../src/catalog/generate/build-table-catalog';
import { readLaTableCsv } from '../../src/catalog/generate/read-la-table-csv';
import { readSentinelCiTables } from '../../src/catalog/generate/read-sentinel-ci-tables';
import { REFERENCE_DIR_ENV, repoRoot, resolveReferenceDir } from '../../src/catalog/generate/reference-dir';
import { formatTableCatalogReport } from '../../src/catalog/generate/table-catalog-report';
import { parseTableCatalog } from '../../src/catalog/table-catalog';
import { describeDrift } from './generated-file-drift';

const referenceDir = resolveReferenceDir();
const build = buildTableCatalog(referenceDir);
const catalog = parseTableCatalog(build.files.get(TABLES_JSON_PATH)!, TABLES_JSON_PATH);
const columnType = (table: string, column: string) => catalog.get(table)?.find((c) => c.name === column)?.type;

describe('table catalog generator', () => {
  test('two runs produce byte-identical files', () => {
    const again = buildTableCatalog(referenceDir);
    expect([...again.files.keys()]).toEqual([TABLES_JSON_PATH, TABLE_ROWS_PATH]);
    for (const [file, text] of build.files) expect(again.files.get(file)).toBe(text);
  });

  test('committed generated files equal what the generator produces now', () => {
    expect(describeDrift(repoRoot(), build.files, 'run `npm run gen:catalog`')).toEqual([]);
  });

  test('tables are sorted by name and every Log Analytics table is present', () => {
    const names = [...catalog.keys()];
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(build.laSource.tables.size).toBeGreaterThan(850);
    for (const table of build.laSource.tables.keys()) expect(catalog.has(table)).toBe(true);
  });

  test('known columns have their Kusto types', () => {
    expect(columnType('AzureActivity', 'Claims_d')).toBe('dynamic');
    expect(columnType('AzureActivity', 'TimeGenerated')).toBe('datetime');
    expect(columnType('AADManagedIdentitySignInLogs', 'UniqueTokenIdentifier')).toBe('string');
    expect(columnType('IdentityInfo', 'GroupMembership')).toBe('dynamic');
    expect(columnType('AzureDiagnostics', 'DurationMs')).toBe('long'); // "BigInt" in the CSV
    expect(columnType('AzureDiagnostics', 'audit_schema_version_d')).toBe('real'); // "Double" in the CSV
  });

  test('columns only the Azure-Sentinel CI schemas have are appended after the Log Analytics ones', () => {
    const cloudAudit = build.merged.tables.get('CloudAuditEvents')!.map((c) => c.name);
    expect(cloudAudit.slice(-3)).toEqual(['Timestamp', 'ResourceId', 'AzureResourceId']);
    expect(columnType('CloudAuditEvents', 'Timestamp')).toBe('datetime');
    expect(columnType('AADManagedIdentitySignInLogs', 'ConditionalAccessPoliciesV2')).toBe('dynamic');
    expect(build.merged.ciOnlyColumns).toContainEqual({ table: 'CloudAuditEvents', column: 'Timestamp', type: 'datetime' });
  });

  test('where the sources disagree on a type the Log Analytics type is kept and the conflict reported', () => {
    expect(columnType('IdentityInfo', 'StreetAddress')).toBe('string');
    expect(build.merged.typeConflicts).toContainEqual({
      table: 'IdentityInfo', column: 'StreetAddress', laType: 'string', ciType: 'real',
    });
  });

  test('the HTML debris rows of the reference CSV are skipped and reported, not turned into columns', () => {
    expect(build.laSource.skipped.map((s) => `${s.table}.${s.column}:${s.rawType}`)).toEqual([
      'AzureDiagnostics.abc:def', 'AzureDiagnostics....:...',
      'AzureDiagnostics.abc:def', 'AzureDiagnostics....:...',
      'AzureDiagnostics.abc:def', 'AzureDiagnostics....:...',
    ]);
    expect(columnType('AzureDiagnostics', 'abc')).toBeUndefined();
    expect(columnType('AzureDiagnostics', '...')).toBeUndefined();
    const report = formatTableCatalogReport(build);
    expect(report).toContain('Log Analytics CSV: skipped 6 row(s)');
    expect(report).toContain('type "def" is not a Kusto scalar type (the row holds HTML table markup)');
  });

  test('columns are de-duplicated by exact name within a table', () => {
    for (const [table, columns] of catalog) {
      expect({ table, size: new Set(columns.map((c) => c.name)).size }).toEqual({ table, size: columns.length });
    }
  });

  test('the reference folder can be overridden by environment variable, and a missing one is a clear error', () => {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cac-ref-'));
    try {
      expect(resolveReferenceDir('/nowhere', { [REFERENCE_DIR_ENV]: temp })).toBe(temp);
      expect(() => resolveReferenceDir('/nowhere', { [REFERENCE_DIR_ENV]: path.join(temp, 'missing') })).toThrow(
        /reference folder not found .*SENTINEL_CAC_REFERENCE_DIR/,
      );
      expect(() => buildTableCatalog(temp)).toThrow(/la_table_schemas\.csv: reference file not found/);
    } finally {
      fs.rmSync(temp, { recursive: true, force: true });
    }
  });
});

describe('reading the Log Analytics CSV', () => {
  const source = 'fixtures/junk-rows.csv';
  const parsed = readLaTableCsv(fs.readFileSync(path.join(__dirname, source), 'utf8'), source);

  test('rows without a Kusto type or without a name are skipped with their reason', () => {
    expect(parsed.skipped.map((s) => [s.table, s.column, s.reason])).toEqual([
      ['Alpha', 'abc', 'type "def" is not a Kusto scalar type (the row holds HTML table markup)'],
      ['Alpha', '...', 'type "..." is not a Kusto scalar type'],
      ['Beta', '', 'empty column name'],
    ]);
  });

  test('type spellings are normalized and the first of two same-named columns wins', () => {
    expect(parsed.tables.get('Alpha')).toEqual([
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'Score', type: 'real' },
      { name: 'Bag', type: 'dynamic' },
    ]);
    expect(parsed.tables.get('Beta')).toEqual([{ name: 'Id', type: 'guid' }]);
    expect(parsed.duplicates).toEqual([
      expect.objectContaining({ table: 'Alpha', column: 'Score', keptType: 'real', droppedType: 'real' }),
    ]);
    expect(Object.fromEntries(parsed.typeSpellings)).toEqual({ 'Double -> real': 1, 'Object -> dynamic': 1, 'Guid -> guid': 1 });
  });

  test('a CSV without the expected header is an error naming the file and the missing columns', () => {
    expect(() => readLaTableCsv('name,type\nA,string\n', 'x.csv')).toThrow(
      'x.csv: expected a header row with table_name, column_name, column_type; missing table_name, column_name, column_type.',
    );
  });
});

describe('reading Azure-Sentinel CI table schemas', () => {
  test('property keys are matched case-insensitively and bad types are skipped with a reason', () => {
    const parsed = readSentinelCiTables([
      { source: 'a.json', text: JSON.stringify({ Name: 'T', Properties: [{ name: 'A', type: 'Datetime' }, { Name: 'B', Type: 'weird' }] }) },
    ]);
    expect(parsed.tables.get('T')).toEqual([{ name: 'A', type: 'datetime' }]);
    expect(parsed.skipped).toEqual([expect.objectContaining({ column: 'B', reason: 'type "weird" is not a Kusto scalar type' })]);
  });

  test('a file without Name and Properties is an error naming the file', () => {
    expect(() => readSentinelCiTables([{ source: 'b.json', text: '{"Columns": []}' }])).toThrow(/^b\.json: expected \{ "Name"/);
    expect(() => readSentinelCiTables([{ source: 'c.json', text: '{' }])).toThrow(/^c\.json: not valid JSON/);
  });

  test('workspace columns the reference lacks are added: standard ones, Timestamp on Defender XDR tables, documented Name', () => {
    expect(columnType('AuditLogs', 'TenantId')).toBe('string');
    expect(columnType('DnsEvents', '_ItemId')).toBe('string');
    expect(columnType('DeviceProcessEvents', 'Timestamp')).toBe('datetime');
    expect(columnType('SigninLogs', 'Timestamp')).toBeUndefined();
    expect(columnType('DnsEvents', 'Name')).toBe('string');
    expect(build.added).toContainEqual({ table: 'AuditLogs', column: 'TenantId', type: 'string', why: 'standard' });
  });
});

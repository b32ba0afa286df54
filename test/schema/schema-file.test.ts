import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSchemaText, readSchemaFile } from '../../src/schema/read-schema-file';
import type { WorkspaceSchema } from '../../src/schema/workspace-schema';
import { formatWorkspaceSchema } from '../../src/schema/write-schema-file';
import { writeFileAtomically } from '../../src/util/write-file-atomically';

const PULL = 'sentinel-cac schema pull --environment prod';

const SCHEMA: WorkspaceSchema = {
  schemaVersion: 1,
  source: { environment: 'prod', subscriptionId: '5c1a9e2b-0000-4000-8000-0000000000a1', resourceGroup: 'rg', workspace: 'law-prod' },
  tables: [
    { name: 'FicSignIns_CL', custom: true, columns: [{ name: 'TimeGenerated', type: 'datetime' }, { name: 'User_s', type: 'string' }] },
    { name: 'SigninLogs', custom: false, columns: [{ name: 'TenantId', type: 'guid' }, { name: 'Status', type: 'dynamic' }] },
  ],
  functions: [{ name: 'FicParser', parameters: [{ name: 'lookback', type: 'timespan', defaultValue: '1d' }], body: ['FicSignIns_CL', '| where TimeGenerated > ago(lookback)'], columns: [{ name: 'TimeGenerated', type: 'datetime' }] }],
};

describe('schema file format', () => {
  test('is written one column and one body line per line, and reads back as written', () => {
    const text = formatWorkspaceSchema(SCHEMA);
    expect(text).toContain('\n        {"name": "User_s", "type": "string"}\n');
    expect(text).toContain('"body": [\n        "FicSignIns_CL",\n        "| where TimeGenerated > ago(lookback)"\n      ]');
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseSchemaText(text, 'schemas/prod.schema.json', PULL)).toEqual({ schema: SCHEMA, diagnostics: [] });
    expect(formatWorkspaceSchema(JSON.parse(text))).toBe(text);
  });

  test('a file that is not JSON: the line and column of the syntax error, and to pull again', () => {
    const text = formatWorkspaceSchema(SCHEMA).replace('"custom": true,', '"custom": true');
    const { schema, diagnostics } = parseSchemaText(text, 'schemas/prod.schema.json', PULL);
    expect(schema).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'SCHEMA_FILE_SYNTAX', file: 'schemas/prod.schema.json', line: 13, column: 7, hint: expect.stringContaining('`sentinel-cac schema pull --environment prod`') }),
    ]);
    expect(diagnostics[0].message).toMatch(/^schemas\/prod\.schema\.json is not valid JSON: /);
  });

  test('every wrong field is reported at its line with its JSON path', () => {
    const doc = JSON.parse(formatWorkspaceSchema(SCHEMA));
    doc.tables[1].columns[1].type = 'object';
    doc.tables[0].custom = 'yes';
    doc.functions[0].body = 'FicSignIns_CL';
    doc.functions[0].params = [];
    doc.tables.push({ ...doc.tables[0], custom: true });
    const text = formatWorkspaceSchema(doc);
    const { schema, diagnostics } = parseSchemaText(text, 'schemas/prod.schema.json', PULL);
    expect(schema).toBeUndefined();
    const lineOf = (needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(diagnostics.map((d) => `${d.line} ${d.message}`)).toEqual([
      `${lineOf('"custom": "yes"')} schemas/prod.schema.json: $.tables[0].custom: expected true or false`,
      `${lineOf('"Status", "type": "object"')} schemas/prod.schema.json: $.tables[1].columns[1].type: "object" is not a Kusto type (string, int, long, real, bool, datetime, timespan, guid, dynamic, decimal)`,
      expect.stringMatching(/^\d+ schemas\/prod\.schema\.json: \$\.tables\[2\]\.name: FicSignIns_CL appears twice$/),
      `${lineOf('"params"')} schemas/prod.schema.json: $.functions[0].params: unknown key (allowed: name, parameters, body, columns)`,
      `${lineOf('"body": "FicSignIns_CL"')} schemas/prod.schema.json: $.functions[0].body: expected the query as an array of lines (strings)`,
    ]);
    expect(diagnostics.every((d) => d.code === 'SCHEMA_FILE' && d.severity === 'error')).toBe(true);
  });

  test('another schemaVersion is refused, naming the one this version reads', () => {
    const text = formatWorkspaceSchema({ ...SCHEMA, schemaVersion: 2 as 1 });
    expect(parseSchemaText(text, 'f.json', PULL).diagnostics.map((d) => [d.line, d.message])).toEqual([[2, 'f.json: $.schemaVersion: schemaVersion 2 is not 1, the version this sentinel-cac reads']]);
  });

  test('a missing file is told apart from a broken one', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sentinel-cac-schema-'));
    const missing = readSchemaFile(path.join(root, 'schemas', 'prod.schema.json'), root, PULL);
    expect(missing).toMatchObject({ missing: true, schema: undefined, diagnostics: [{ code: 'SCHEMA_FILE_MISSING', file: 'schemas/prod.schema.json' }] });
    fs.mkdirSync(path.join(root, 'schemas'));
    fs.writeFileSync(path.join(root, 'schemas', 'prod.schema.json'), '[]');
    expect(readSchemaFile(path.join(root, 'schemas', 'prod.schema.json'), root, PULL)).toMatchObject({ missing: false, diagnostics: [{ code: 'SCHEMA_FILE', line: 1, column: 1 }] });
  });

  test('writing is atomic and leaves an identical file alone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentinel-cac-schema-'));
    const file = path.join(dir, 'schemas', 'prod.schema.json');
    expect(writeFileAtomically(file, 'a\n')).toBe('created');
    const before = fs.statSync(file).mtimeMs;
    expect(writeFileAtomically(file, 'a\n')).toBe('unchanged');
    expect(fs.statSync(file).mtimeMs).toBe(before);
    expect(writeFileAtomically(file, 'b\n')).toBe('changed');
    expect(fs.readFileSync(file, 'utf8')).toBe('b\n');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['prod.schema.json']);
  });
});

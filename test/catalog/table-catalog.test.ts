import { kustoLanguage, toArray } from '../../src/kql/kusto-bridge';
import { loadTableCatalog, parseTableCatalog, tableSchemaString, type TableColumn } from '../../src/catalog/table-catalog';
import { normalizeKustoType } from '../../src/catalog/kusto-scalar-type';
import type { TableRows } from '../../src/catalog/generated/table-rows';

/* eslint-disable @typescript-eslint/no-explicit-any */
function tableSymbol(name: string, columns: readonly TableColumn[]): any {
  const K = kustoLanguage();
  return new K.Symbols.TableSymbol.$ctor7(name, tableSchemaString(columns), null);
}

function symbolColumns(symbol: any): string[] {
  return toArray(symbol.Columns).map((c: any) => `${c.Name}:${c.Type.Name}`);
}

describe('loadTableCatalog', () => {
  test('returns the generated tables with typed columns', () => {
    const catalog = loadTableCatalog();
    expect(catalog.get('AzureActivity')).toContainEqual({ name: 'Claims_d', type: 'dynamic' });
    expect(catalog.get('AADManagedIdentitySignInLogs')).toContainEqual({ name: 'UniqueTokenIdentifier', type: 'string' });
    expect(catalog.get('CloudAuditEvents')).toContainEqual({ name: 'Timestamp', type: 'datetime' });
  });

  test('reads the file once and hands back the same frozen map on later calls', () => {
    const first = loadTableCatalog();
    expect(loadTableCatalog()).toBe(first);
    expect(Object.isFrozen(first.get('AzureActivity'))).toBe(true);
  });

  test('a malformed catalog is an error naming the file, the table and the fix', () => {
    expect(() => parseTableCatalog('{"tables":{"T":[["a","varchar"]]}}', 'tables.json')).toThrow(
      'tables.json: table T has a column that is not [name, Kusto type]: ["a","varchar"]. Regenerate it with `npm run gen:catalog`.',
    );
    expect(() => parseTableCatalog('[]', 'tables.json')).toThrow('tables.json: has no "tables" object');
  });
});

describe('normalizeKustoType', () => {
  test('maps .NET, SQL and mixed-case spellings to Kusto scalar types', () => {
    const cases: Record<string, string | undefined> = {
      String: 'string', Double: 'real', Int32: 'int', Integer: 'int', Int64: 'long', BigInt: 'long',
      Boolean: 'bool', DateTime: 'datetime', Guid: 'guid', Dynamic: 'dynamic', Object: 'dynamic',
      Decimal: 'decimal', TimeSpan: 'timespan', def: undefined, '...': undefined, '': undefined,
    };
    for (const [raw, expected] of Object.entries(cases)) expect([raw, normalizeKustoType(raw)]).toEqual([raw, expected]);
  });
});

describe('tableSchemaString with Kusto.Language', () => {
  test('writes plain names bare and other names in escaped bracket syntax', () => {
    expect(tableSchemaString([{ name: 'A', type: 'string' }, { name: 'b.c d', type: 'long' }, { name: "it's\\", type: 'int' }])).toBe(
      "(A:string, ['b.c d']:long, ['it\\'s\\\\']:int)",
    );
  });

  test('names with dots, spaces, quotes, backslashes or keywords survive the schema parser and a query', () => {
    const K = kustoLanguage();
    const columns: TableColumn[] = [
      { name: 'properties.status', type: 'string' },
      { name: 'Event Count', type: 'long' },
      { name: "it's", type: 'bool' },
      { name: 'C:\\path', type: 'guid' },
      { name: 'where', type: 'datetime' },
      { name: '1st', type: 'timespan' },
      { name: 'Amount', type: 'decimal' },
    ];
    const symbol = tableSymbol('Odd', columns);
    expect(symbolColumns(symbol)).toEqual(columns.map((c) => `${c.name}:${c.type}`));
    const globals = K.GlobalState.Default.WithDatabase(new K.Symbols.DatabaseSymbol.$ctor1('db', [symbol], false));
    const query = "Odd | where ['Event Count'] > 1 | project ['properties.status'], ['it\\'s'], ['where'], ['1st'], Amount";
    const code = K.KustoCode.ParseAndAnalyze(query, globals);
    expect(toArray(code.GetDiagnostics()).map((d: any) => d.Message)).toEqual([]);
    expect(toArray(code.ResultType.Columns).map((c: any) => c.Name)).toEqual(['properties.status', "it's", 'where', '1st', 'Amount']);
  });

  test('every catalog table builds a TableSymbol whose columns and types match the catalog', () => {
    const catalog = loadTableCatalog();
    kustoLanguage();
    const started = performance.now();
    const mismatches: string[] = [];
    for (const [name, columns] of catalog) {
      const symbol = tableSymbol(name, columns);
      const got = symbolColumns(symbol);
      const want = columns.map((c) => `${c.name}:${c.type}`);
      if (symbol.Name !== name || got.join(',') !== want.join(',')) mismatches.push(name);
    }
    const elapsed = performance.now() - started;
    console.log(`Built ${catalog.size} TableSymbols from schema strings in ${elapsed.toFixed(0)} ms`);
    expect(mismatches).toEqual([]);
    expect(catalog.size).toBeGreaterThan(850);
  });
});

describe('TableRows', () => {
  test('types sample rows by table, with every column optional', () => {
    const row: TableRows['AzureActivity'] = { TimeGenerated: new Date(0), Caller: 'x', Claims_d: { uti: 'abc' } };
    const empty: TableRows['AADManagedIdentitySignInLogs'] = {};
    // @ts-expect-error TimeGenerated is a datetime: a string or a Date, not a number.
    const wrong: TableRows['AzureActivity'] = { TimeGenerated: 5 };
    // @ts-expect-error Columns the table does not have are rejected.
    const unknownColumn: TableRows['AzureActivity'] = { Callerr: 'x' };
    expect([row, empty, wrong, unknownColumn]).toHaveLength(4);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { analyzeQuery } from '../../src/kql/analyze-query';
import { KqlSchema, type SchemaInput } from '../../src/kql/kql-schema';
import { kustoLanguage } from '../../src/kql/kusto-bridge';
import { LazySymbol, lazyDatabaseGlobals } from '../../src/kql/lazy-database';
import { KUSTO_SCRIPTS } from '../../src/kql/preload-kusto';

const INPUT: SchemaInput = {
  tables: [{ name: 'SigninLogs', columns: [{ name: 'OnlyThis', type: 'string' }] }, { name: 'App_CL', columns: [{ name: 'TimeGenerated', type: 'datetime' }] }],
  functions: [{ name: 'MyParser', parameters: [], body: 'App_CL | project TimeGenerated' }],
  workspaceContent: { customTables: ['Solution_CL'], parsers: ['SolutionParser'] },
};

/** Name look-ups, misspellings (case-insensitive hints), wildcard unions, ASIM and declared functions. */
const QUERIES = [
  'SigninLogs | project OnlyThis',
  'SigninLogs | project UserPrincipalName',
  'signinlogs | take 1',
  'AuditLogs | join (AzureActivity) on $left.CorrelationId == $right.CorrelationId',
  'union isfuzzy=true AADNonInteractiveUserSignInLogs, SigninLogs | summarize count() by bin(TimeGenerated, 1h)',
  'imDns | where DnsQuery has "x"',
  '_Im_NetworkSession(starttime=ago(1d)) | take 1',
  'MyParser | extend y = 1',
  'Solution_CL | where AnyColumn has "x" | join (SolutionParser(ago(1d))) on AnyColumn',
  'search "x" | take 1',
  'database("workspace").SigninLogs | take 1',
  // Last: a wildcard lists every member, after which the lazy database is a complete one.
  'union Security*, Signin* | take 1',
];

/** The same schema with every member built up front, as Kusto would see an eager database. */
function eagerSchema(input: SchemaInput): KqlSchema {
  const schema = new KqlSchema(input);
  expect((schema.globals as any).Database.Members.Count).toBeGreaterThan(1000);
  return schema;
}

describe('lazily built catalog symbols', () => {
  it('analyze every query exactly as a database built up front', () => {
    const lazy = new KqlSchema(INPUT);
    const lazyResults = QUERIES.map((q) => analyzeQuery(q, lazy));
    const eager = eagerSchema(INPUT);
    expect(lazyResults).toEqual(QUERIES.map((q) => analyzeQuery(q, eager)));
    expect(lazyResults[0].problems).toEqual([]);
    expect(lazyResults[1].problems.length).toBeGreaterThan(0); // the project's table replaces the catalog's
  });

  it('build only the members a query names, until something lists them all', () => {
    const K = kustoLanguage();
    const built: string[] = [];
    const table = (name: string): LazySymbol =>
      new LazySymbol(name, () => {
        built.push(name);
        return new K.Symbols.TableSymbol.$ctor4(name, [new K.Symbols.ColumnSymbol('A', K.Symbols.ScalarTypes.String, null, null, null, null)]);
      });
    const eagerOne = new K.Symbols.TableSymbol.$ctor4('Eager', [new K.Symbols.ColumnSymbol('B', K.Symbols.ScalarTypes.Long, null, null, null, null)]);
    const globals = lazyDatabaseGlobals('workspace', [table('First'), eagerOne, table('Second'), table('Third')]) as any;
    const diagnostics = (text: string): string[] => {
      const code = K.KustoCode.ParseAndAnalyze(text, globals);
      const list = code.GetDiagnostics();
      return Array.from({ length: list.Count }, (_, i) => list.getItem(i).Code as string);
    };
    expect(diagnostics('Second | project A | union (Eager | project B)')).toEqual([]);
    expect(built).toEqual(['Second']);
    expect(diagnostics('Nowhere | take 1')).not.toEqual([]);
    expect(built).toEqual(['Second']);
    // validate asks GetTable/GetFunction of each bound name; they answer by name, building only that member.
    expect(globals.Database.GetTable('Second').Name).toBe('Second');
    expect(globals.Database.GetTable('Eager')).toBe(eagerOne);
    expect(globals.Database.GetFunction('Second')).toBeNull();
    expect(globals.Database.GetTable('Nowhere')).toBeNull();
    expect(built).toEqual(['Second']);
    // A wildcard needs every name: all are built, in declaration order.
    expect(diagnostics('union T* | take 1')).toEqual([]);
    expect(built).toEqual(['Second', 'First', 'Third']);
    expect(globals.Database.Members.Count).toBe(4);
    expect(globals.Database.Members.getItem(1)).toBe(eagerOne);
  });
});

describe('preloading Kusto.Language', () => {
  it('loads the very scripts kusto-bridge.ts requires, so they are never run twice', () => {
    const bridge = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'kql', 'kusto-bridge.ts'), 'utf8');
    const required = [...bridge.matchAll(/require\('([^']+)'\)/g)].map((m) => m[1]);
    expect(required).toEqual([...KUSTO_SCRIPTS]);
  });
});

/** EvalOptions: caller-supplied tabular functions (_GetWatchlist), a pre-built GlobalState, output conventions. */
import { kustoLanguage } from '../../src/kql/kusto-bridge';
import { errorOf, NOW, rowsOf, runKql } from './run-kql';

const watchlist = (alias: unknown) => ({
  columns: [{ name: 'SearchKey', type: 'string' }, { name: 'Role', type: 'string' }],
  rows: alias === 'allowed' ? [{ SearchKey: 'alice', Role: 'admin' }] : [],
});

describe('caller functions', () => {
  test('a function is typed from its first call and joins like a table', () => {
    const calls: unknown[][] = [];
    const rows = rowsOf(
      `datatable(Caller:string) ["alice", "mallory"]
| join kind=leftanti (_GetWatchlist("allowed") | project SearchKey) on $left.Caller == $right.SearchKey`,
      {},
      { functions: { _GetWatchlist: (args) => { calls.push([...args]); return watchlist(args[0]); } } },
    );
    expect(rows).toEqual([{ Caller: 'mallory' }]);
    expect(calls[0]).toEqual(['allowed']);
  });

  test('functionSchemas declares the result columns without calling the function to bind', () => {
    let calls = 0;
    const result = runKql('_GetWatchlist("other") | project SearchKey, Role', {}, {
      functions: { _GetWatchlist: (args) => { calls++; return watchlist(args[0]); } },
      functionSchemas: { _GetWatchlist: [{ name: 'SearchKey', type: 'string' }, { name: 'Role', type: 'string' }] },
    });
    expect(result.rows).toEqual([]);
    expect(result.columns).toEqual([{ name: 'SearchKey', type: 'string' }, { name: 'Role', type: 'string' }]);
    expect(calls).toBe(1);
  });

  test('a column the function result lacks is a binding error at its position', () => {
    const error = errorOf('_GetWatchlist("allowed")\n| project Missing', {}, { functions: { _GetWatchlist: (args) => watchlist(args[0]) } });
    expect(error).toMatchObject({ line: 2, column: 11 });
  });
});

describe('pre-built globals', () => {
  function globalsWith(schema: string): unknown {
    const language = kustoLanguage();
    const table = new language.Symbols.TableSymbol.$ctor7('SigninLogs', schema, null);
    const database = new language.Symbols.DatabaseSymbol.$ctor1('ws', [table], false);
    return language.GlobalState.Default.WithDatabase(database);
  }

  test('rows are read in the bound table order; a table without data is empty', () => {
    const globals = globalsWith('(TimeGenerated:datetime, UserPrincipalName:string, RiskLevel:string)');
    expect(rowsOf('SigninLogs | count', {}, { globals })).toEqual([{ Count: 0 }]);
    const rows = rowsOf('SigninLogs | project UserPrincipalName, TimeGenerated', {
      SigninLogs: { columns: [], rows: [{ UserPrincipalName: 'u@x', TimeGenerated: '2024-08-01T00:00:00Z' }] },
    }, { globals });
    expect(rows).toEqual([{ UserPrincipalName: 'u@x', TimeGenerated: '2024-08-01T00:00:00.0000000Z' }]);
  });
});

describe('output conventions', () => {
  test('datetimes and timespans come out in Kusto text form, other values as JS values', () => {
    const result = runKql('print d = datetime(2024-08-02 10:00:00.5), t = 1d + 2h, n = 1, r = 2.5, b = true, s = "x", j = dynamic({"a":[1]}), g = guid(74BE27DE-1E4E-49D9-B579-FE0B331D3642)');
    expect(result.rows).toEqual([{ d: '2024-08-02T10:00:00.5000000Z', t: '1.02:00:00', n: 1, r: 2.5, b: true, s: 'x', j: { a: [1] }, g: '74be27de-1e4e-49d9-b579-fe0b331d3642' }]);
    expect(result.columns.map((c) => c.type)).toEqual(['datetime', 'timespan', 'long', 'real', 'bool', 'string', 'dynamic', 'guid']);
  });

  test('options.now must be a valid Date', () => {
    expect(() => runKql('print 1', {}, { now: new Date('nope') })).toThrow(/options.now must be a valid Date/);
    expect(NOW.toISOString()).toBe('2024-08-02T10:00:00.000Z');
  });
});

describe('reading only the columns a query can observe', () => {
  const T1 = { columns: [{ name: 'Id', type: 'string' }, { name: 'A', type: 'long' }, { name: 'Extra', type: 'string' }], rows: [{ Id: 'left', A: 1, Extra: 'e' }] };
  const T2 = { columns: [{ name: 'Id', type: 'string' }, { name: 'B', type: 'long' }], rows: [{ Id: 'right', B: 1 }] };

  test('a right column renamed after an unnamed left column keeps its Kusto name', () => {
    expect(rowsOf('T1 | join kind=inner T2 on $left.A == $right.B | project Id1, A', { T1, T2 })).toEqual([{ Id1: 'right', A: 1 }]);
  });

  test('columns in the final result are read even when the query never names them', () => {
    expect(rowsOf('T1 | where A > 0', { T1 })).toEqual([{ Id: 'left', A: 1, Extra: 'e' }]);
  });

  test('arg_max(x, *) and column_ifexists("name") see the columns they reach', () => {
    expect(rowsOf('T1 | summarize arg_max(A, *) | project Extra', { T1 })).toEqual([{ Extra: 'e' }]);
    expect(rowsOf('T1 | project v = column_ifexists("Extra", "none")', { T1 })).toEqual([{ v: 'e' }]);
  });

  test('a property naming no column is still an error when that part of the row is not read', () => {
    expect(errorOf('T1 | project A', { T1: { ...T1, rows: [{ A: 1, Extar: 'typo' }] } }).message).toMatch(/'Extar' is not a column/);
  });

  test('the same query and globals reuse the bound tree across calls with different rows', () => {
    const language = kustoLanguage();
    const table = new language.Symbols.TableSymbol.$ctor7('E', '(N:long)', null);
    const globals = language.GlobalState.Default.WithDatabase(new language.Symbols.DatabaseSymbol.$ctor1('db', [table], false));
    const query = 'E | summarize s = sum(N)';
    expect(rowsOf(query, { E: { columns: [], rows: [{ N: 1 }, { N: 2 }] } }, { globals })).toEqual([{ s: 3 }]);
    expect(rowsOf(query, { E: { columns: [], rows: [{ N: 10 }] } }, { globals })).toEqual([{ s: 10 }]);
  });
});

/** print, datatable, range, let, where, extend, project, project-away, project-rename, project-reorder. */
import { KqlEvalError } from '../../src/kql/eval';
import { errorOf, rowsOf, runKql } from './run-kql';

describe('tabular sources', () => {
  // https://learn.microsoft.com/kusto/query/range-operator
  test('range steps from 1 to 8 by 3', () => {
    expect(rowsOf('range Steps from 1 to 8 step 3')).toEqual([{ Steps: 1 }, { Steps: 4 }, { Steps: 7 }]);
  });

  // https://learn.microsoft.com/kusto/query/range-operator (the page's output table omits the first three rows)
  test('range over datetimes in two lets, unioned and ordered', () => {
    const rows = rowsOf(`let Range1 = range Time from datetime(2024-01-01) to datetime(2024-01-05) step 1d;
let Range2 = range Time from datetime(2024-01-06) to datetime(2024-01-10) step 1d;
union Range1, Range2
| order by Time asc`);
    expect(rows.map((r) => r.Time)).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((d) => `2024-01-${d}T00:00:00.0000000Z`),
    );
  });

  // https://learn.microsoft.com/kusto/query/range-operator ("Range using parameters": a let function over a timespan division)
  test('a let function divides a timespan by 1s into a real', () => {
    const rows = rowsOf(`let toUnixTime = (dt:datetime) { (dt - datetime(1970-01-01)) / 1s };
range MyMonthHour from datetime(2023-02-01) to datetime(2023-02-01 10:00) step 4.534h
| extend MyMonthHourinUnixTime = toUnixTime(MyMonthHour), DateOnly = bin(MyMonthHour,1d), TimeOnly = MyMonthHour - bin(MyMonthHour,1d)`);
    expect(rows).toEqual([
      { MyMonthHour: '2023-02-01T00:00:00.0000000Z', MyMonthHourinUnixTime: 1675209600, DateOnly: '2023-02-01T00:00:00.0000000Z', TimeOnly: '00:00:00' },
      { MyMonthHour: '2023-02-01T04:32:02.4000000Z', MyMonthHourinUnixTime: 1675225922.4, DateOnly: '2023-02-01T00:00:00.0000000Z', TimeOnly: '04:32:02.4000000' },
      { MyMonthHour: '2023-02-01T09:04:04.8000000Z', MyMonthHourinUnixTime: 1675242244.8, DateOnly: '2023-02-01T00:00:00.0000000Z', TimeOnly: '09:04:04.8000000' },
    ]);
  });

  // https://learn.microsoft.com/kusto/query/print-operator
  test('print names unnamed expressions print_0, print_1', () => {
    const result = runKql('print 1 + 2, x = "a", strcat("b", "c")');
    expect(result.columns).toEqual([{ name: 'print_0', type: 'long' }, { name: 'x', type: 'string' }, { name: 'print_2', type: 'string' }]);
    expect(result.rows).toEqual([{ print_0: 3, x: 'a', print_2: 'bc' }]);
  });

  // https://learn.microsoft.com/kusto/query/datatable-operator
  test('datatable fills rows in order and converts values to the column types', () => {
    const result = runKql(`datatable(Date:datetime, Event:string, MoreData:dynamic, Count:real) [
    datetime(1910-06-11), "Born", dynamic({"key1":"value1", "key2":"value2"}), 1,
    datetime(1930-01-01), "Enters Ecole Navale", dynamic({"key1":"value3", "key2":"value4"}), 2.5
]`);
    expect(result.rows).toEqual([
      { Date: '1910-06-11T00:00:00.0000000Z', Event: 'Born', MoreData: { key1: 'value1', key2: 'value2' }, Count: 1 },
      { Date: '1930-01-01T00:00:00.0000000Z', Event: 'Enters Ecole Navale', MoreData: { key1: 'value3', key2: 'value4' }, Count: 2.5 },
    ]);
  });

  test('caller tables are read with their column types, missing cells as null and strings as empty', () => {
    const rows = rowsOf('T', {
      T: { columns: [{ name: 'S', type: 'string' }, { name: 'N', type: 'long' }, { name: 'When', type: 'datetime' }, { name: 'Span', type: 'timespan' }], rows: [{ When: new Date('2024-01-01T00:00:00Z'), Span: 90_000 }, { S: 'x', N: 3, When: '2024-01-02 03:04:05', Span: '1h' }] },
    });
    expect(rows).toEqual([
      { S: '', N: null, When: '2024-01-01T00:00:00.0000000Z', Span: '00:01:30' },
      { S: 'x', N: 3, When: '2024-01-02T03:04:05.0000000Z', Span: '01:00:00' },
    ]);
  });

  test('a caller row with a property that is not a column fails naming it', () => {
    const error = errorOf('T | take 1', { T: { columns: [{ name: 'Caller', type: 'string' }], rows: [{ Calller: 'x' }] } });
    expect(error.construct).toBe('T');
    expect(error.message).toMatch(/'Calller' is not a column/);
  });

  test('a bad datetime in caller rows fails naming the row and column', () => {
    const error = errorOf('T', { T: { columns: [{ name: 'When', type: 'datetime' }], rows: [{ When: 'yesterday' }] } });
    expect(error.message).toMatch(/row 0, column When \(datetime\): "yesterday" is not a datetime/);
  });
});

describe('union', () => {
  // https://learn.microsoft.com/kusto/query/union-operator (source columns types mismatch)
  test('a column with two types becomes one column per type, named after the type', () => {
    const result = runKql(`let View_1 = view () { print x=1 };
let View_2 = view () { print x=toint(2) };
union withsource=TableName View_1, View_2`);
    expect(result.columns.map((c) => c.name)).toEqual(['TableName', 'x_long', 'x_int']);
    expect(result.rows).toEqual([{ TableName: 'View_1', x_long: 1, x_int: null }, { TableName: 'View_2', x_long: null, x_int: 2 }]);
  });

  // https://learn.microsoft.com/kusto/query/union-operator (a suffixed name that already exists is de-duplicated)
  test('a type-suffixed name that clashes with an existing column gets a number', () => {
    const result = runKql(`let View_1 = view () { print x=1 };
let View_2 = view () { print x=toint(2) };
let View_3 = view () { print x_long=3 };
union withsource=TableName View_1, View_2, View_3`);
    expect(result.columns.map((c) => c.name)).toEqual(['TableName', 'x_long1', 'x_int', 'x_long']);
    expect(result.rows).toEqual([
      { TableName: 'View_1', x_long1: 1, x_int: null, x_long: null },
      { TableName: 'View_2', x_long1: null, x_int: 2, x_long: null },
      { TableName: 'View_3', x_long1: null, x_int: null, x_long: 3 },
    ]);
  });

  // https://learn.microsoft.com/kusto/query/union-operator (kind: inner keeps the common columns, outer all)
  test('kind=inner keeps only the columns every leg has; a piped input is the first leg', () => {
    expect(rowsOf(`datatable(a:long, b:string) [1, 'x'] | union kind=inner (datatable(a:long, c:string) [2, 'y'])`)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(rowsOf(`datatable(a:long, b:string) [1, 'x'] | union (datatable(a:long, c:string) [2, 'y'])`)).toEqual([
      { a: 1, b: 'x', c: '' }, { a: 2, b: '', c: 'y' },
    ]);
  });
});

describe('where, extend, project', () => {
  const T = {
    columns: [{ name: 'Name', type: 'string' }, { name: 'Count', type: 'long' }, { name: 'Props', type: 'dynamic' }],
    rows: [
      { Name: 'alpha', Count: 1, Props: { kind: 'a', tags: ['x', 'y'] } },
      { Name: 'beta', Count: 5, Props: { kind: 'b', tags: [] } },
      { Name: 'gamma', Count: null, Props: null },
    ],
  };

  // https://learn.microsoft.com/kusto/query/where-operator (null comparisons are not true, so the row is dropped)
  test('where keeps rows whose predicate is true and drops null results', () => {
    expect(rowsOf('T | where Count > 0 | project Name', { T })).toEqual([{ Name: 'alpha' }, { Name: 'beta' }]);
    expect(rowsOf('T | where not(Count > 1) | project Name', { T })).toEqual([{ Name: 'alpha' }]);
  });

  // https://learn.microsoft.com/kusto/query/extend-operator (an existing column is replaced in place)
  test('extend appends new columns, replaces existing ones in place, and sees earlier ones', () => {
    const result = runKql('T | extend Count = Count * 10, Double = Count * 2, Kind = tostring(Props.kind) | project-away Props', { T });
    expect(result.columns.map((c) => c.name)).toEqual(['Name', 'Count', 'Double', 'Kind']);
    expect(result.rows).toEqual([
      { Name: 'alpha', Count: 10, Double: 20, Kind: 'a' },
      { Name: 'beta', Count: 50, Double: 100, Kind: 'b' },
      { Name: 'gamma', Count: null, Double: null, Kind: '' },
    ]);
  });

  test('extend and project name unnamed expressions as Kusto does', () => {
    const result = runKql('T | extend toupper(Name), Props.kind | project Name, Column1, Props_kind, Props.tags[0]', { T });
    expect(result.columns.map((c) => c.name)).toEqual(['Name', 'Column1', 'Props_kind', 'Props_tags_0']);
    expect(result.rows[0]).toEqual({ Name: 'alpha', Column1: 'ALPHA', Props_kind: 'a', Props_tags_0: 'x' });
  });

  // https://learn.microsoft.com/kusto/query/project-rename-operator
  test('project-rename renames in place', () => {
    const result = runKql("print a='alpha', b='bravo', c='charlie' | project-rename new_b=b, new_a=a");
    expect(result.columns.map((c) => c.name)).toEqual(['new_a', 'new_b', 'c']);
    expect(result.rows).toEqual([{ new_a: 'alpha', new_b: 'bravo', c: 'charlie' }]);
  });

  // https://learn.microsoft.com/kusto/query/project-reorder-operator
  test('project-reorder moves the named column first', () => {
    const result = runKql("print a='a', b='b', c='c' | project-reorder b");
    expect(result.columns.map((c) => c.name)).toEqual(['b', 'a', 'c']);
    expect(result.rows).toEqual([{ b: 'b', a: 'a', c: 'c' }]);
  });

  // https://learn.microsoft.com/kusto/query/project-reorder-operator
  test('project-reorder with a pattern and asc orders the matched columns by name', () => {
    const result = runKql("print b = 'b', a2='a2', a3='a3', a1='a1' | project-reorder a* asc");
    expect(result.columns.map((c) => c.name)).toEqual(['a1', 'a2', 'a3', 'b']);
  });

  // https://learn.microsoft.com/kusto/query/project-away-operator
  test('project-away removes named columns and columns matching a pattern', () => {
    const result = runKql("print session_id='1', session_title='t', conference='c', owner='o' | project-away session*, owner");
    expect(result.rows).toEqual([{ conference: 'c' }]);
  });

  test('let binds scalars, dynamic arrays and tabular expressions', () => {
    const rows = rowsOf(`let threshold = 2;
let names = dynamic(["alpha", "gamma"]);
let big = T | where Count > threshold;
T | where Name in (names) or Name in (big | project Name) | project Name`, { T });
    expect(rows).toEqual([{ Name: 'alpha' }, { Name: 'beta' }, { Name: 'gamma' }]);
  });

  // https://learn.microsoft.com/kusto/query/toscalar-function
  test('toscalar turns a one-row tabular result into a scalar', () => {
    expect(rowsOf(`let limit = toscalar(range x from 1 to 5 step 1 | summarize max(x));
range y from 1 to 10 step 1 | where y > limit | count`)).toEqual([{ Count: 5 }]);
  });

  test('a let sees the lets before it', () => {
    expect(rowsOf('let x = 1; let y = x + 1; let z = y * 10; print x, y, z')).toEqual([{ print_0: 1, print_1: 2, print_2: 20 }]);
  });
});

describe('errors', () => {
  test('a syntax or binding error is thrown with the first diagnostic position', () => {
    const error = errorOf('print x = 1\n| where y > 1');
    expect(error).toMatchObject({ line: 2, column: 9 });
    expect(error.message).toMatch(/y/);
  });

  test('an unsupported operator is named with its line and column', () => {
    const error = errorOf('print x = 1\n| sample 1');
    expect(error).toMatchObject({ line: 2, column: 3, construct: 'sample' });
  });

  test('an unsupported function is named with its line and column', () => {
    const error = errorOf('print x = 1\n| extend y = series_fir(dynamic([1,2]), dynamic([1]))');
    expect(error).toMatchObject({ line: 2, column: 14, construct: 'series_fir' });
    expect(error.message).toMatch(/function 'series_fir' is not supported/);
  });

  test.each([
    ['range x from 1 to 3 step 1\n| make-series count() on x step 1', 'make-series', 2, 3],
    ['range x from 1 to 3 step 1\n| top-nested 2 of x by count()', 'top-nested', 2, 3],
    // serialize itself runs; the window function after it does not.
    ['range x from 1 to 3 step 1\n| serialize\n| extend p = prev(x)', 'prev', 3, 14],
    ['range x from 1 to 3 step 1\n| sample 1', 'sample', 2, 3],
  ])('unsupported operator or function in %#: %s', (query, construct, line, column) => {
    expect(errorOf(query)).toMatchObject({ construct, line, column });
  });

  test('errors are KqlEvalError instances', () => {
    expect(() => runKql('print x = 1 | sample 1')).toThrow(KqlEvalError);
  });
});

describe('render', () => {
  // https://learn.microsoft.com/kusto/query/render-operator: render "instructs the user agent to
  // render a visualization of the query results"; it does not change the rows.
  test('returns its input rows unchanged', () => {
    expect(runKql('range x from 1 to 3 step 1\n| extend y = x * 2\n| render timechart').rows).toEqual([
      { x: 1, y: 2 },
      { x: 2, y: 4 },
      { x: 3, y: 6 },
    ]);
  });
});

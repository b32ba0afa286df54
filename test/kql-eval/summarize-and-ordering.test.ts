/** summarize and its aggregates; sort, top, take, distinct, count. */
import { errorOf, rowsOf, runKql } from './run-kql';

describe('summarize', () => {
  // https://learn.microsoft.com/kusto/query/summarize-operator (default values of aggregations on an empty input)
  test('without by, an empty input gives one row of default values', () => {
    const result = runKql(`datatable(x:long)[]
| summarize any_x=take_any(x), arg_max_x=arg_max(x, *), arg_min_x=arg_min(x, *), avg(x), max(x), min(x), sum(x), sumif(x, x > 0)`);
    expect(result.columns.map((c) => c.name)).toEqual(['any_x', 'arg_max_x', 'arg_min_x', 'avg_x', 'max_x', 'min_x', 'sum_x', 'sumif_x']);
    expect(result.rows).toEqual([{ any_x: null, arg_max_x: null, arg_min_x: null, avg_x: NaN, max_x: null, min_x: null, sum_x: 0, sumif_x: 0 }]);
  });

  // https://learn.microsoft.com/kusto/query/summarize-operator (the page writes count(x); the bundled
  // Kusto.Language binds count()'s argument as a bool predicate, so count() is used here)
  test('counts of an empty input are zero', () => {
    expect(rowsOf('datatable(x:long)[] | summarize count(), countif(x > 0), dcount(x), dcountif(x, x > 0)'))
      .toEqual([{ count_: 0, countif_: 0, dcount_x: 0, dcountif_x: 0 }]);
  });

  // https://learn.microsoft.com/kusto/query/summarize-operator
  test('make_set and make_list of an empty input are empty arrays', () => {
    expect(rowsOf('datatable(x:long)[] | summarize make_set(x), make_list(x)')).toEqual([{ set_x: [], list_x: [] }]);
  });

  // https://learn.microsoft.com/kusto/query/summarize-operator
  test('with by, an empty input gives no rows', () => {
    expect(rowsOf('datatable(x:long, k:string)[] | summarize count() by k')).toEqual([]);
  });

  // https://learn.microsoft.com/kusto/query/summarize-operator (nulls are ignored by sum and avg)
  test('sum and avg ignore nulls', () => {
    expect(rowsOf(`range x from 1 to 4 step 1
| extend y = iff(x == 1, real(null), real(5))
| summarize sum(y), avg(y)`)).toEqual([{ sum_y: 15, avg_y: 5 }]);
  });

  // https://learn.microsoft.com/kusto/query/summarize-operator (count counts rows, nulls included)
  test('count() counts rows whose values are null too', () => {
    expect(rowsOf(`range x from 1 to 2 step 1
| extend y = iff(x == 1, real(null), real(5))
| summarize count()`)).toEqual([{ count_: 2 }]);
  });

  // https://learn.microsoft.com/kusto/query/summarize-operator (repeated aggregate names get a suffix)
  test('make_set ignores nulls and a repeated aggregate is named set_y1', () => {
    expect(rowsOf(`range x from 1 to 2 step 1
| extend y = iff(x == 1, real(null), real(5))
| summarize make_set(y), make_set(y)`)).toEqual([{ set_y: [5], set_y1: [5] }]);
  });

  // https://learn.microsoft.com/kusto/query/arg-max-aggregation-function (null handling)
  test('arg_max(Version, *) returns the row with the largest version, and a row even when all are null', () => {
    const rows = rowsOf(`datatable(Fruit: string, Color: string, Version: int) [
    "Apple", "Red", 1,
    "Apple", "Green", int(null),
    "Banana", "Yellow", int(null),
    "Banana", "Green", int(null),
    "Pear", "Brown", 1,
    "Pear", "Green", 2,
]
| summarize arg_max(Version, *) by Fruit`);
    expect(rows).toEqual([
      { Fruit: 'Apple', Version: 1, Color: 'Red' },
      { Fruit: 'Banana', Version: null, Color: 'Yellow' },
      { Fruit: 'Pear', Version: 2, Color: 'Green' },
    ]);
  });

  test('arg_min with explicit columns returns those columns of the minimizing row', () => {
    const rows = rowsOf(`datatable(K:string, T:long, V:string) ['a', 3, 'x', 'a', 1, 'y', 'b', 2, 'z']
| summarize arg_min(T, V) by K`);
    expect(rows).toEqual([{ K: 'a', T: 1, V: 'y' }, { K: 'b', T: 2, V: 'z' }]);
  });

  const shapes = `let shapes = datatable (name: string, sideCount: int)
[
    "triangle", 3,
    "square", 4,
    "rectangle", 4,
    "pentagon", 5,
    "hexagon", 6,
    "heptagon", 7,
    "octagon", 8,
    "nonagon", 9,
    "decagon", 10
];
`;

  // https://learn.microsoft.com/kusto/query/make-list-aggregation-function
  test('make_list keeps every value in input order', () => {
    expect(rowsOf(`${shapes}shapes | summarize mylist = make_list(name)`)).toEqual([
      { mylist: ['triangle', 'square', 'rectangle', 'pentagon', 'hexagon', 'heptagon', 'octagon', 'nonagon', 'decagon'] },
    ]);
  });

  // https://learn.microsoft.com/kusto/query/make-list-aggregation-function (the 'by' clause)
  test('make_list by a computed boolean key', () => {
    expect(rowsOf(`${shapes}shapes | summarize mylist = make_list(name) by isEvenSideCount = sideCount % 2 == 0`)).toEqual([
      { isEvenSideCount: false, mylist: ['triangle', 'pentagon', 'heptagon', 'nonagon'] },
      { isEvenSideCount: true, mylist: ['square', 'rectangle', 'hexagon', 'octagon', 'decagon'] },
    ]);
  });

  // https://learn.microsoft.com/kusto/query/make-list-aggregation-function (packing a dynamic object)
  test('make_list of bag_pack values', () => {
    const rows = rowsOf(`${shapes}shapes
| extend d = bag_pack("name", name, "sideCount", sideCount)
| summarize mylist = make_list(d) by isEvenSideCount = sideCount % 2 == 0`);
    expect(rows[0]).toEqual({
      isEvenSideCount: false,
      mylist: [{ name: 'triangle', sideCount: 3 }, { name: 'pentagon', sideCount: 5 }, { name: 'heptagon', sideCount: 7 }, { name: 'nonagon', sideCount: 9 }],
    });
  });

  // https://learn.microsoft.com/kusto/query/make-set-aggregation-function (set from array column)
  test('make_set of an array column collects the distinct elements', () => {
    const rows = rowsOf(`datatable (Val: int, Arr1: dynamic)
[
    1, dynamic(['A1', 'A2', 'A3']),
    5, dynamic(['A2', 'C1']),
    7, dynamic(['C2', 'A3']),
    5, dynamic(['C2', 'A1'])
]
| summarize Val_set=make_set(Val), Arr1_set=make_set(Arr1)`);
    expect(rows).toEqual([{ Val_set: [1, 5, 7], Arr1_set: ['A1', 'A2', 'A3', 'C1', 'C2'] }]);
  });

  test('conditional aggregates count, sum and collect only matching rows', () => {
    const rows = rowsOf(`datatable(K:string, N:long, S:string) ['a', 1, 'x', 'a', 5, 'y', 'a', 7, 'x', 'b', 2, 'z']
| summarize c = countif(N > 1), s = sumif(N, N > 1), d = dcountif(S, N > 1), l = make_list_if(S, N > 1), u = make_set_if(S, N > 0), n = dcount(S) by K`);
    expect(rows).toEqual([
      { K: 'a', c: 2, s: 12, d: 2, l: ['y', 'x'], u: ['x', 'y'], n: 2 },
      { K: 'b', c: 1, s: 2, d: 1, l: ['z'], u: ['z'], n: 1 },
    ]);
  });

  test('min, max, avg and take_any per group; min/max ignore nulls', () => {
    const rows = rowsOf(`datatable(K:string, N:long, T:datetime) ['a', 4, datetime(2024-01-02), 'a', long(null), datetime(2024-01-01), 'a', 2, datetime(null)]
| summarize mn = min(N), mx = max(N), av = avg(N), any = take_any(N), latest = max(T) by K`);
    expect(rows).toEqual([{ K: 'a', mn: 2, mx: 4, av: 3, any: 4, latest: '2024-01-02T00:00:00.0000000Z' }]);
  });

  // https://learn.microsoft.com/kusto/query/summarize-operator (bin() groups ranges of values)
  test('summarize by bin() groups timestamps and numbers into buckets', () => {
    const rows = rowsOf(`datatable(T:datetime, N:long) [datetime(2024-01-01 10:05), 1, datetime(2024-01-01 10:55), 12, datetime(2024-01-01 11:01), 25]
| summarize count() by bin(T, 1h), b = bin(N, 10)`);
    expect(rows).toEqual([
      { T: '2024-01-01T10:00:00.0000000Z', b: 0, count_: 1 },
      { T: '2024-01-01T10:00:00.0000000Z', b: 10, count_: 1 },
      { T: '2024-01-01T11:00:00.0000000Z', b: 20, count_: 1 },
    ]);
  });

  // https://learn.microsoft.com/kusto/query/summarize-operator (an aggregation may sit inside a scalar expression)
  test('aggregates inside scalar expressions are computed per group, then combined', () => {
    expect(rowsOf(`datatable(K:string, Q:long, D:string)["a", 1500, "x", "a", 500, "y", "b", 7, "x"]
| summarize GB = sum(Q) / 1000., c = toint(dcountif(D, Q > 100)), both = count() + dcount(D) by K`)).toEqual([
      { K: 'a', GB: 2, c: 2, both: 4 },
      { K: 'b', GB: 0.007, c: 0, both: 2 },
    ]);
  });

  test('summarize groups null keys together', () => {
    expect(rowsOf('datatable(N:long)[1, long(null), long(null)] | summarize c = count() by N')).toEqual([{ N: 1, c: 1 }, { N: null, c: 2 }]);
  });

  test('an unsupported aggregate is named with its position', () => {
    expect(errorOf('datatable(N:long)[1]\n| summarize percentile(N, 50)')).toMatchObject({ line: 2, column: 13, construct: 'percentile' });
  });
});

describe('sort, top, take, distinct, count', () => {
  const T = `datatable(Name:string, N:real) ['a', 5, 'b', real(null), 'c', -1, 'd', real(nan), 'e', real(+inf)]`;

  // https://learn.microsoft.com/kusto/query/sort-operator (default: descending with nulls last; NaN with the nulls)
  test('sort by defaults to descending with nulls and NaN last', () => {
    expect(rowsOf(`${T} | sort by N | project Name`).map((r) => r.Name)).toEqual(['e', 'a', 'c', 'b', 'd']);
  });

  // https://learn.microsoft.com/kusto/query/sort-operator (asc defaults to nulls first)
  test('order by asc puts nulls and NaN first', () => {
    expect(rowsOf(`${T} | order by N asc | project Name`).map((r) => r.Name)).toEqual(['b', 'd', 'c', 'a', 'e']);
  });

  // https://learn.microsoft.com/kusto/query/sort-operator (explicit nulls first|last)
  test('explicit nulls placement overrides the default', () => {
    expect(rowsOf(`${T} | order by N asc nulls last | project Name`).map((r) => r.Name)).toEqual(['c', 'a', 'e', 'b', 'd']);
    expect(rowsOf(`${T} | order by N desc nulls first | project Name`).map((r) => r.Name)).toEqual(['b', 'd', 'e', 'a', 'c']);
  });

  test('sort by several keys applies them in order', () => {
    const rows = rowsOf(`datatable(State:string, T:long) ['B', 1, 'A', 1, 'A', 3, 'B', 2] | sort by State asc, T desc`);
    expect(rows).toEqual([{ State: 'A', T: 3 }, { State: 'A', T: 1 }, { State: 'B', T: 2 }, { State: 'B', T: 1 }]);
  });

  // https://learn.microsoft.com/kusto/query/top-operator
  test('top N by an expression', () => {
    expect(rowsOf(`${T} | top 2 by N asc nulls last | project Name`)).toEqual([{ Name: 'c' }, { Name: 'a' }]);
    expect(rowsOf(`${T} | top 1 by N | project Name`)).toEqual([{ Name: 'e' }]);
  });

  // https://learn.microsoft.com/kusto/query/take-operator
  test('take and limit keep the first N rows', () => {
    expect(rowsOf(`${T} | take 2 | project Name`)).toEqual([{ Name: 'a' }, { Name: 'b' }]);
    expect(rowsOf(`${T} | limit 1 | project Name`)).toEqual([{ Name: 'a' }]);
  });

  // https://learn.microsoft.com/kusto/query/distinct-operator
  test('distinct keeps one row per combination, in first-seen order', () => {
    expect(rowsOf(`datatable(A:string, B:long) ['x', 1, 'y', 1, 'x', 1, 'x', 2] | distinct A, B`)).toEqual([
      { A: 'x', B: 1 }, { A: 'y', B: 1 }, { A: 'x', B: 2 },
    ]);
    expect(rowsOf(`datatable(A:string, B:long) ['x', 1, 'x', 1] | distinct *`)).toEqual([{ A: 'x', B: 1 }]);
  });

  // https://learn.microsoft.com/kusto/query/count-operator
  test('count returns the number of rows in a Count column', () => {
    expect(rowsOf(`${T} | where N > 0 | count`)).toEqual([{ Count: 2 }]);
  });
});

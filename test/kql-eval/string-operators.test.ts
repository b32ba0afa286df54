/** String predicates, set membership, between, regex, and null semantics of comparisons. */
import { rowsOf } from './run-kql';

/** Evaluates one boolean expression with print. */
function truth(expression: string): unknown {
  return rowsOf(`print r = ${expression}`)[0].r;
}

describe('string operators', () => {
  // https://learn.microsoft.com/kusto/query/datatypes-string-operators (each row of the operator table)
  test.each([
    ['"aBc" == "aBc"'], ['"abc" != "ABC"'], ['"abc" =~ "ABC"'], ['"aBc" !~ "xyz"'],
    ['"North America" has "america"'], ['"North America" !has "amer"'],
    ['"North America" has_cs "America"'], ['"North America" !has_cs "amer"'],
    ['"FabriKam" contains "BRik"'], ['"Fabrikam" !contains "xyz"'],
    ['"FabriKam" contains_cs "Kam"'], ['"Fabrikam" !contains_cs "Kam"'],
    ['"Fabrikam" startswith "fab"'], ['"Fabrikam" !startswith "kam"'],
    ['"Fabrikam" startswith_cs "Fab"'], ['"Fabrikam" !startswith_cs "fab"'],
    ['"Fabrikam" endswith "Kam"'], ['"Fabrikam" !endswith "brik"'],
    ['"Fabrikam" endswith_cs "kam"'],
    ['"Fabrikam" matches regex "b.*k"'],
    ['"abc" in ("123", "345", "abc")'], ['"bca" !in ("123", "345", "abc")'],
    ['"abc" in~ ("123", "345", "ABC")'], ['"bca" !in~ ("123", "345", "ABC")'],
    ['"North America" has_any("south", "north")'],
  ])('%s is true', (expression) => {
    expect(truth(expression)).toBe(true);
  });

  test.each([
    ['"North America" has "amer"'], ['"North America" has_cs "america"'], ['"FabriKam" contains_cs "kam"'],
    ['"Fabrikam" startswith_cs "fab"'], ['"Fabrikam" endswith_cs "Kam"'], ['"abc" in ("ABC")'], ['"abc" == "ABC"'],
  ])('%s is false', (expression) => {
    expect(truth(expression)).toBe(false);
  });

  // https://learn.microsoft.com/kusto/query/datatypes-string-operators (terms are maximal runs of ASCII letters and digits)
  test('has matches whole terms split at non-alphanumeric characters', () => {
    const text = '"Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun"';
    expect(truth(`${text} has "c1db"`)).toBe(true);
    expect(truth(`${text} has "KustoExplorerQueryRun"`)).toBe(true);
    expect(truth(`${text} has "Explorer"`)).toBe(false);
    expect(truth(`${text} has "c1db-4f9f"`)).toBe(true);
    expect(truth(`${text} contains "Explorer"`)).toBe(true);
  });

  // https://learn.microsoft.com/kusto/query/has-all-operator
  test('has_all requires every term', () => {
    expect(truth('"North America" has_all("north", "america")')).toBe(true);
    expect(truth('"North America" has_all("north", "south")')).toBe(false);
  });

  test('has_any and has_all accept a dynamic array and a tabular let', () => {
    expect(rowsOf(`let terms = dynamic(["contoso", "fabrikam"]);
let blocked = datatable(Term:string) ["evil"];
datatable(Url:string) ["https://www.contoso.com/a", "https://evil.example/x", "https://other.net"]
| extend good = Url has_any (terms), bad = Url has_any (blocked), both = Url has_all ("www", "contoso")`)).toEqual([
      { Url: 'https://www.contoso.com/a', good: true, bad: false, both: true },
      { Url: 'https://evil.example/x', good: false, bad: true, both: false },
      { Url: 'https://other.net', good: false, bad: false, both: false },
    ]);
  });

  test('in with a dynamic array compares each element, in with a one-column let uses its values', () => {
    expect(rowsOf(`let ids = dynamic([1, 3]);
let names = datatable(N:string) ["b"];
datatable(Id:long, Name:string) [1, "a", 2, "b", 3, "c"]
| where Id in (ids) or Name in (names)
| project Id`)).toEqual([{ Id: 1 }, { Id: 2 }, { Id: 3 }]);
  });

  test('string predicates on a dynamic value read its text', () => {
    expect(rowsOf(`print d = dynamic({"user": "Alice@contoso.com"}) | extend a = d.user has "contoso", b = d has "alice", c = d.user =~ "alice@CONTOSO.com"`)[0])
      .toMatchObject({ a: true, b: true, c: true });
  });

  test('matches regex supports an inline case-insensitive flag', () => {
    expect(truth('"Fabrikam" matches regex "(?i)^fab"')).toBe(true);
    expect(truth('"Fabrikam" matches regex "^fab"')).toBe(false);
  });
});

describe('between', () => {
  // https://learn.microsoft.com/kusto/query/between-operator
  test('numbers between inclusive bounds', () => {
    expect(rowsOf('range x from 1 to 100 step 1 | where x between (50 .. 55)').map((r) => r.x)).toEqual([50, 51, 52, 53, 54, 55]);
  });

  // https://learn.microsoft.com/kusto/query/between-operator (filter using a timespan range)
  test('a datetime between a start and a timespan', () => {
    const rows = rowsOf(`datatable(StartTime:datetime) [datetime(2007-07-26), datetime(2007-07-27), datetime(2007-07-29 23:00), datetime(2007-07-30 00:00), datetime(2007-07-30 00:01)]
| where StartTime between (datetime(2007-07-27) .. 3d)`);
    expect(rows.map((r) => r.StartTime)).toEqual(['2007-07-27T00:00:00.0000000Z', '2007-07-29T23:00:00.0000000Z', '2007-07-30T00:00:00.0000000Z']);
  });

  test('!between keeps values outside the range', () => {
    expect(rowsOf('range x from 1 to 6 step 1 | where x !between (2 .. 5)').map((r) => r.x)).toEqual([1, 6]);
  });
});

describe('null semantics', () => {
  // https://learn.microsoft.com/kusto/query/scalar-data-types/null-values (equality and inequality of null values)
  test('comparisons with null follow Kusto: null == null is null, null == 5 is false', () => {
    expect(rowsOf(`datatable(val:int)[5, int(null)]
| extend IsBiggerThan3 = val > 3
| extend IsBiggerThan3OrNull = val > 3 or isnull(val)
| extend IsEqualToNull = val == int(null)
| extend IsNotEqualToNull = val != int(null)`)).toEqual([
      { val: 5, IsBiggerThan3: true, IsBiggerThan3OrNull: true, IsEqualToNull: false, IsNotEqualToNull: true },
      { val: null, IsBiggerThan3: null, IsBiggerThan3OrNull: true, IsEqualToNull: null, IsNotEqualToNull: null },
    ]);
  });

  // https://learn.microsoft.com/kusto/query/scalar-data-types/null-values (the where example: null != 5 is true, as the
  // page's inequality rule says, so that row stays; a null predicate drops its row)
  test('where keeps null != 5 and drops rows whose predicate is null', () => {
    expect(rowsOf('datatable(ival:int, sval:string)[5, "a", int(null), "b"] | where ival != 5')).toEqual([{ ival: null, sval: 'b' }]);
    expect(rowsOf('datatable(ival:int, sval:string)[5, "a", int(null), "b"] | where ival < 10')).toEqual([{ ival: 5, sval: 'a' }]);
  });

  test('an empty string equals the empty string and is empty but not null', () => {
    expect(rowsOf('print s = "" | extend eq = s == "", e = isempty(s), n = isnull(s)')[0]).toEqual({ s: '', eq: true, e: true, n: false });
  });
});

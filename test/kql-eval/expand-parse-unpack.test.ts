/** mv-expand, parse, evaluate bag_unpack, as, invoke, materialize. */
import { errorOf, rowsOf, runKql } from './run-kql';

describe('mv-expand', () => {
  // https://learn.microsoft.com/kusto/query/mv-expand-operator (single column - array expansion)
  test('expands each array element into its own row', () => {
    expect(rowsOf(`datatable (a: int, b: dynamic)
[
    1, dynamic([10, 20]),
    2, dynamic(['a', 'b'])
]
| mv-expand b`)).toEqual([{ a: 1, b: 10 }, { a: 1, b: 20 }, { a: 2, b: 'a' }, { a: 2, b: 'b' }]);
  });

  // https://learn.microsoft.com/kusto/query/mv-expand-operator (single column - bag expansion)
  test('expands a bag into single-entry bags', () => {
    expect(rowsOf(`datatable (a: int, b: dynamic)
[
    1, dynamic({"prop1": "a1", "prop2": "b1"}),
    2, dynamic({"prop1": "a2", "prop2": "b2"})
]
| mv-expand b`)).toEqual([
      { a: 1, b: { prop1: 'a1' } }, { a: 1, b: { prop2: 'b1' } }, { a: 2, b: { prop1: 'a2' } }, { a: 2, b: { prop2: 'b2' } },
    ]);
  });

  // https://learn.microsoft.com/kusto/query/mv-expand-operator (bag expansion to key-value pairs)
  test('kind=array expands a bag into [key, value] pairs', () => {
    expect(rowsOf(`datatable (a: int, b: dynamic)
[
    1, dynamic({"prop1": "a1", "prop2": "b1"}),
    2, dynamic({"prop1": "a2", "prop2": "b2"})
]
| mv-expand kind=array b
| extend key = b[0], val=b[1]`)).toEqual([
      { a: 1, b: ['prop1', 'a1'], key: 'prop1', val: 'a1' },
      { a: 1, b: ['prop2', 'b1'], key: 'prop2', val: 'b1' },
      { a: 2, b: ['prop1', 'a2'], key: 'prop1', val: 'a2' },
      { a: 2, b: ['prop2', 'b2'], key: 'prop2', val: 'b2' },
    ]);
  });

  // https://learn.microsoft.com/kusto/query/mv-expand-operator (zipped two columns)
  test('two expressions expand in parallel, the shorter padded with null', () => {
    expect(rowsOf(`datatable (a: int, b: dynamic, c: dynamic)[
    1, dynamic({"prop1": "a", "prop2": "b"}), dynamic([5, 4, 3])
]
| mv-expand b, c`)).toEqual([{ a: 1, b: { prop1: 'a' }, c: 5 }, { a: 1, b: { prop2: 'b' }, c: 4 }, { a: 1, b: null, c: 3 }]);
  });

  // https://learn.microsoft.com/kusto/query/mv-expand-operator (Cartesian product of two columns)
  test('two mv-expand operators in a row give the Cartesian product', () => {
    expect(rowsOf(`datatable (a: int, b: dynamic, c: dynamic)
[
    1, dynamic({"prop1": "a", "prop2": "b"}), dynamic([5, 6])
]
| mv-expand b
| mv-expand c`)).toEqual([
      { a: 1, b: { prop1: 'a' }, c: 5 }, { a: 1, b: { prop1: 'a' }, c: 6 }, { a: 1, b: { prop2: 'b' }, c: 5 }, { a: 1, b: { prop2: 'b' }, c: 6 },
    ]);
  });

  // https://learn.microsoft.com/kusto/query/mv-expand-operator (convert output)
  test('to typeof() types the expanded column', () => {
    const result = runKql(`datatable (a: string, b: dynamic, c: dynamic)[
    "Constant", dynamic([1, 2, 3, 4]), dynamic([6, 7, 8, 9])
]
| mv-expand b, c to typeof(int)`);
    expect(result.columns).toEqual([{ name: 'a', type: 'string' }, { name: 'b', type: 'dynamic' }, { name: 'c', type: 'int' }]);
    expect(result.rows[0]).toEqual({ a: 'Constant', b: 1, c: 6 });
  });

  // https://learn.microsoft.com/kusto/query/mv-expand-operator (using with_itemindex)
  test('with_itemindex numbers the expanded items from 0', () => {
    expect(rowsOf(`range x from 1 to 4 step 1
| summarize x = make_list(x)
| mv-expand with_itemindex=Index x`)).toEqual([{ x: 1, Index: 0 }, { x: 2, Index: 1 }, { x: 3, Index: 2 }, { x: 4, Index: 3 }]);
  });

  // https://learn.microsoft.com/kusto/query/mv-expand-operator (null gives one row, an empty array none)
  test('a null value gives one null row and an empty array gives none', () => {
    expect(rowsOf(`datatable(k:string, d:dynamic) ['n', dynamic(null), 'e', dynamic([]), 'x', dynamic(['v'])] | mv-expand d`))
      .toEqual([{ k: 'n', d: null }, { k: 'x', d: 'v' }]);
  });

  test('an expanded expression gets the name Kusto gives it and a limit caps the rows', () => {
    const result = runKql(`datatable(props:dynamic) [dynamic({"actions": ["a", "b", "c"]})]
| mv-expand parse_json(props.actions) limit 2`);
    expect(result.columns.map((c) => c.name)).toEqual(['props', 'props_actions']);
    expect(result.rows.map((r) => r.props_actions)).toEqual(['a', 'b']);
  });
});

describe('parse', () => {
  const traces = `let Traces = datatable(EventText: string)
    [
    "Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=23, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)",
    "Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=15, lockTime=02/17/2016 08:40:00, releaseTime=02/17/2016 08:40:00, previousLockTime=02/17/2016 08:39:00)",
    "Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=20, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)",
    "Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=22, lockTime=02/17/2016 08:41:01, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:01)",
    "Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=16, lockTime=02/17/2016 08:41:00, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:00)"
];
`;

  // https://learn.microsoft.com/kusto/query/parse-operator (parse and extend results)
  test('parse extracts typed columns between string constants', () => {
    const rows = rowsOf(`${traces}Traces
| parse EventText with * "resourceName=" resourceName ", totalSlices=" totalSlices: long * "sliceNumber=" sliceNumber: long * "lockTime=" lockTime ", releaseTime=" releaseTime: date "," * "previousLockTime=" previousLockTime: date ")" *
| project resourceName, totalSlices, sliceNumber, lockTime, releaseTime, previousLockTime`);
    expect(rows).toHaveLength(5);
    expect(rows).toContainEqual({ resourceName: 'PipelineScheduler', totalSlices: 27, sliceNumber: 15, lockTime: '02/17/2016 08:40:00', releaseTime: '2016-02-17T08:40:00.0000000Z', previousLockTime: '2016-02-17T08:39:00.0000000Z' });
    expect(rows).toContainEqual({ resourceName: 'PipelineScheduler', totalSlices: 27, sliceNumber: 22, lockTime: '02/17/2016 08:41:01', releaseTime: '2016-02-17T08:41:00.0000000Z', previousLockTime: '2016-02-17T08:40:01.0000000Z' });
  });

  // https://learn.microsoft.com/kusto/query/parse-operator (extract email alias and DNS)
  test('parse string columns split an address at its delimiters', () => {
    const rows = rowsOf(`let Leads=datatable(Contacts: string)
    [
    "Event: LeadContact (email=john@contosohotel.com, Website=https:contosohotel.com)",
    "Event: LeadContact (email=abi@fourthcoffee.com, Website=https:www.fourthcoffee.com)",
];
Leads
| parse Contacts with * "email=" alias:string "@" domain: string ", Website=https:" WebsiteDomain: string ")"
| project EmailAddress=strcat(alias, "@", domain), EmailAlias=alias, WebsiteDomain`);
    expect(rows).toEqual([
      { EmailAddress: 'john@contosohotel.com', EmailAlias: 'john', WebsiteDomain: 'contosohotel.com' },
      { EmailAddress: 'abi@fourthcoffee.com', EmailAlias: 'abi', WebsiteDomain: 'www.fourthcoffee.com' },
    ]);
  });

  // https://learn.microsoft.com/kusto/query/parse-operator (unsuccessfully parsed strings give null values)
  test('a row that does not match gets empty/null parsed columns', () => {
    expect(rowsOf(`datatable(s:string) ['id=7;', 'nothing here'] | parse s with "id=" id:long ";"`)).toEqual([
      { s: 'id=7;', id: 7 }, { s: 'nothing here', id: null },
    ]);
  });

  test('parse kind=regex is reported as unsupported at its parameter', () => {
    expect(errorOf(`datatable(s:string) ['a'] | parse kind=regex s with "(a)" x`)).toMatchObject({ line: 1, column: 35 });
  });
});

describe('evaluate bag_unpack', () => {
  const people = `datatable(d:dynamic)
[
    dynamic({"Name": "John", "Age":20}),
    dynamic({"Name": "Dave", "Age":40}),
    dynamic({"Name": "Jasmine", "Age":30}),
]
`;

  // https://learn.microsoft.com/kusto/query/bag-unpack-plugin (expand a bag)
  test('each slot becomes a typed column, in name order', () => {
    const result = runKql(`${people}| evaluate bag_unpack(d)`);
    expect(result.columns).toEqual([{ name: 'Age', type: 'long' }, { name: 'Name', type: 'string' }]);
    expect(result.rows).toEqual([{ Age: 20, Name: 'John' }, { Age: 40, Name: 'Dave' }, { Age: 30, Name: 'Jasmine' }]);
  });

  // https://learn.microsoft.com/kusto/query/bag-unpack-plugin (OutputColumnPrefix)
  test('a prefix is added to every slot column', () => {
    expect(rowsOf(`${people}| evaluate bag_unpack(d, 'Property_')`)[0]).toEqual({ Property_Age: 20, Property_Name: 'John' });
  });

  // https://learn.microsoft.com/kusto/query/bag-unpack-plugin (columnsConflict)
  test('columnsConflict chooses between the slot and the input column', () => {
    const input = `datatable(Name:string, d:dynamic)
[
    'Old_name', dynamic({"Name": "John", "Age":20}),
    'Old_name', dynamic({"Name": "Dave", "Age":40}),
]
`;
    expect(rowsOf(`${input}| evaluate bag_unpack(d, columnsConflict='replace_source')`)).toEqual([{ Age: 20, Name: 'John' }, { Age: 40, Name: 'Dave' }]);
    expect(rowsOf(`${input}| evaluate bag_unpack(d, columnsConflict='keep_source')`)).toEqual([{ Age: 20, Name: 'Old_name' }, { Age: 40, Name: 'Old_name' }]);
    expect(errorOf(`${input}| evaluate bag_unpack(d)`).message).toMatch(/conflicts with an input column/);
  });

  // https://learn.microsoft.com/kusto/query/bag-unpack-plugin (a slot missing from some bags)
  test('a slot missing from a bag is null in that row', () => {
    expect(rowsOf(`datatable(d:dynamic)
[
    dynamic({"Name": "John", "Age":20}),
    dynamic({ "Name": "Dave", "Height": 170, "Age":40}),
]
| evaluate bag_unpack(d)`)).toEqual([{ Age: 20, Height: null, Name: 'John' }, { Age: 40, Height: 170, Name: 'Dave' }]);
  });

  // https://learn.microsoft.com/kusto/query/bag-unpack-plugin (OutputSchema with the wildcard)
  test('an output schema with * keeps the input columns and types the named slots', () => {
    const result = runKql(`datatable(d:dynamic, Description: string)
[
    dynamic({"Name": "John", "Age":20, "height":180}), "Student",
    dynamic({"Name": "Dave", "Age":40, "height":160}), "Teacher",
]
| evaluate bag_unpack(d) : (*, Name:string, Age:long)`);
    expect(result.columns.map((c) => c.name)).toEqual(['Description', 'Name', 'Age']);
    expect(result.rows).toEqual([{ Description: 'Student', Name: 'John', Age: 20 }, { Description: 'Teacher', Name: 'Dave', Age: 40 }]);
  });

  test('another evaluate plugin is unsupported, named at its call', () => {
    expect(errorOf('print x = 1\n| evaluate narrow()')).toMatchObject({ line: 2, column: 12, construct: 'narrow' });
  });
});

describe('as, invoke, materialize', () => {
  // https://learn.microsoft.com/kusto/query/as-operator
  test('as names the input for later use in the query', () => {
    expect(rowsOf(`range x from 1 to 3 step 1 | as T1 | join kind=inner (T1 | where x > 1) on x | project x`)).toEqual([{ x: 2 }, { x: 3 }]);
  });

  // https://learn.microsoft.com/kusto/query/invoke-operator
  test('invoke passes the input as the first argument of a let function', () => {
    expect(rowsOf(`let f = (T:(x:long), threshold:long) { T | where x > threshold };
range x from 1 to 5 step 1 | invoke f(3)`)).toEqual([{ x: 4 }, { x: 5 }]);
  });

  test('a let function called with a table argument', () => {
    expect(rowsOf(`let top_n = (T:(x:long), n:long) { T | top n by x };
top_n((range x from 1 to 5 step 1), 2)`)).toEqual([{ x: 5 }, { x: 4 }]);
  });

  // https://learn.microsoft.com/kusto/query/materialize-function
  test('materialize() evaluates a tabular let once and reuses it', () => {
    expect(rowsOf(`let m = materialize(range x from 1 to 3 step 1 | extend y = x * 2);
m | join kind=inner (m | where y > 2) on x | project x, y`)).toEqual([{ x: 2, y: 4 }, { x: 3, y: 6 }]);
  });

  test('an error inside a let function body points into the declaration', () => {
    expect(errorOf(`let f = (T:(x:long)) {\n  T | extend y = series_fir(dynamic([1]), dynamic([1]))\n};\nrange x from 1 to 2 step 1 | invoke f()`))
      .toMatchObject({ line: 2, column: 18, construct: 'series_fir' });
  });
});

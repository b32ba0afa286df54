/** join (every flavor) and lookup, with the inputs and outputs of Microsoft's KQL reference pages. */
import { errorOf, rowsOf, runKql } from './run-kql';

const XY = `let X = datatable(Key:string, Value1:long)
[
    'a',1,
    'b',2,
    'b',3,
    'c',4
];
let Y = datatable(Key:string, Value2:long)
[
    'b',10,
    'c',20,
    'c',30,
    'd',40
];
`;

const sortRows = (rows: Record<string, unknown>[]): Record<string, unknown>[] =>
  [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('join flavors', () => {
  // https://learn.microsoft.com/kusto/query/join-innerunique
  test('innerunique (the default) keeps one left row per key, then matches every right row', () => {
    const result = runKql(`${XY}X | join Y on Key`);
    expect(result.columns.map((c) => c.name)).toEqual(['Key', 'Value1', 'Key1', 'Value2']);
    expect(sortRows([...result.rows])).toEqual(sortRows([
      { Key: 'b', Value1: 2, Key1: 'b', Value2: 10 },
      { Key: 'c', Value1: 4, Key1: 'c', Value2: 20 },
      { Key: 'c', Value1: 4, Key1: 'c', Value2: 30 },
    ]));
  });

  // https://learn.microsoft.com/kusto/query/join-innerunique (the left duplicate kept is one of val1.1/val1.2; we keep the first)
  test('innerunique de-duplicates the left side on the key only', () => {
    const rows = rowsOf(`let t1 = datatable(key: long, value: string) [1, "val1.1", 1, "val1.2"];
let t2 = datatable(key: long, value: string) [1, "val1.3", 1, "val1.4"];
t1 | join kind = innerunique t2 on key`);
    expect(rows).toEqual([
      { key: 1, value: 'val1.1', key1: 1, value1: 'val1.3' },
      { key: 1, value: 'val1.1', key1: 1, value1: 'val1.4' },
    ]);
  });

  // https://learn.microsoft.com/kusto/query/join-inner
  test('inner matches every left row with every right row of its key', () => {
    const rows = rowsOf(`let X = datatable(Key:string, Value1:long) ['a',1, 'b',2, 'b',3, 'k',5, 'c',4];
let Y = datatable(Key:string, Value2:long) ['b',10, 'c',20, 'c',30, 'd',40, 'k',50];
X | join kind=inner Y on Key`);
    expect(sortRows(rows)).toEqual(sortRows([
      { Key: 'b', Value1: 3, Key1: 'b', Value2: 10 },
      { Key: 'b', Value1: 2, Key1: 'b', Value2: 10 },
      { Key: 'c', Value1: 4, Key1: 'c', Value2: 20 },
      { Key: 'c', Value1: 4, Key1: 'c', Value2: 30 },
      { Key: 'k', Value1: 5, Key1: 'k', Value2: 50 },
    ]));
  });

  // https://learn.microsoft.com/kusto/query/join-leftouter
  test('leftouter keeps unmatched left rows with empty right cells', () => {
    expect(sortRows(rowsOf(`${XY}X | join kind=leftouter Y on Key`))).toEqual(sortRows([
      { Key: 'a', Value1: 1, Key1: '', Value2: null },
      { Key: 'b', Value1: 2, Key1: 'b', Value2: 10 },
      { Key: 'b', Value1: 3, Key1: 'b', Value2: 10 },
      { Key: 'c', Value1: 4, Key1: 'c', Value2: 20 },
      { Key: 'c', Value1: 4, Key1: 'c', Value2: 30 },
    ]));
  });

  // https://learn.microsoft.com/kusto/query/join-rightouter
  test('rightouter keeps unmatched right rows with empty left cells', () => {
    expect(sortRows(rowsOf(`${XY}X | join kind=rightouter Y on Key`))).toEqual(sortRows([
      { Key: 'b', Value1: 2, Key1: 'b', Value2: 10 },
      { Key: 'b', Value1: 3, Key1: 'b', Value2: 10 },
      { Key: 'c', Value1: 4, Key1: 'c', Value2: 20 },
      { Key: 'c', Value1: 4, Key1: 'c', Value2: 30 },
      { Key: '', Value1: null, Key1: 'd', Value2: 40 },
    ]));
  });

  // https://learn.microsoft.com/kusto/query/join-fullouter
  test('fullouter keeps unmatched rows of both sides', () => {
    expect(sortRows(rowsOf(`${XY}X | join kind=fullouter Y on Key`))).toEqual(sortRows([
      { Key: 'a', Value1: 1, Key1: '', Value2: null },
      { Key: 'b', Value1: 2, Key1: 'b', Value2: 10 },
      { Key: 'b', Value1: 3, Key1: 'b', Value2: 10 },
      { Key: 'c', Value1: 4, Key1: 'c', Value2: 20 },
      { Key: 'c', Value1: 4, Key1: 'c', Value2: 30 },
      { Key: '', Value1: null, Key1: 'd', Value2: 40 },
    ]));
  });

  // https://learn.microsoft.com/kusto/query/join-operator (left anti-join flavor)
  test('leftanti returns left rows without a match, left columns only', () => {
    const result = runKql(`${XY}X | join kind=leftanti Y on Key`);
    expect(result.columns.map((c) => c.name)).toEqual(['Key', 'Value1']);
    expect(result.rows).toEqual([{ Key: 'a', Value1: 1 }]);
    expect(rowsOf(`${XY}X | join kind=anti Y on Key`)).toEqual([{ Key: 'a', Value1: 1 }]);
  });

  // https://learn.microsoft.com/kusto/query/join-operator (right anti-join flavor)
  test('rightanti returns right rows without a match, right columns only', () => {
    expect(rowsOf(`${XY}X | join kind=rightanti Y on Key`)).toEqual([{ Key: 'd', Value2: 40 }]);
  });

  // https://learn.microsoft.com/kusto/query/join-operator (left semi-join flavor)
  test('leftsemi returns left rows with a match, left columns only', () => {
    expect(rowsOf(`${XY}X | join kind=leftsemi Y on Key`)).toEqual([{ Key: 'b', Value1: 2 }, { Key: 'b', Value1: 3 }, { Key: 'c', Value1: 4 }]);
  });

  // https://learn.microsoft.com/kusto/query/join-operator (right semi-join flavor)
  test('rightsemi returns right rows with a match, right columns only', () => {
    expect(rowsOf(`${XY}X | join kind=rightsemi Y on Key`)).toEqual([{ Key: 'b', Value2: 10 }, { Key: 'c', Value2: 20 }, { Key: 'c', Value2: 30 }]);
  });

  // https://learn.microsoft.com/kusto/query/join-operator (equality by value: $left.A == $right.B)
  test('$left/$right conditions and several keys join on all of them', () => {
    const rows = rowsOf(`let L = datatable(Id:string, Region:string, N:long) ['x','eu',1, 'x','us',2, 'y','eu',3];
let R = datatable(Ident:string, Region:string, Label:string) ['x','eu','first', 'x','us','second', 'y','us','third'];
L | join kind=inner (R) on $left.Id == $right.Ident, Region`);
    expect(rows).toEqual([
      { Id: 'x', Region: 'eu', N: 1, Ident: 'x', Region1: 'eu', Label: 'first' },
      { Id: 'x', Region: 'us', N: 2, Ident: 'x', Region1: 'us', Label: 'second' },
    ]);
  });

  test('right columns are renamed with the first free suffix, as the binder names them', () => {
    const result = runKql(`let A = datatable(K:string, V:long, V1:long) ['k', 1, 2];
let B = datatable(K:string, V:long) ['k', 3];
A | join kind=inner B on K`);
    expect(result.columns.map((c) => c.name)).toEqual(['K', 'V', 'V1', 'K1', 'V2']);
    expect(result.rows).toEqual([{ K: 'k', V: 1, V1: 2, K1: 'k', V2: 3 }]);
  });

  test('null keys match nothing, empty strings match each other', () => {
    const rows = rowsOf(`let A = datatable(K:long, S:string) [long(null), '', 1, 'x'];
let B = datatable(K:long, S:string) [long(null), '', 1, 'y'];
A | join kind=inner B on K | project K, S, S1`);
    expect(rows).toEqual([{ K: 1, S: 'x', S1: 'y' }]);
    expect(rowsOf(`let A = datatable(S:string) ['', 'a']; let B = datatable(S:string) ['']; A | join kind=inner B on S`)).toEqual([{ S: '', S1: '' }]);
  });

  // https://learn.microsoft.com/kusto/query/join-innerunique ("Get extended login activities": join a let table with itself)
  test('a let table joined with a filtered copy of itself pairs start and stop events', () => {
    const rows = rowsOf(`let Events = datatable(Name:string, City:string, ActivityId:string, timestamp:datetime) [
  'Start', 'Paris', 'a1', datetime(2024-01-01 10:00), 'Stop', 'Paris', 'a1', datetime(2024-01-01 10:30),
  'Start', 'Oslo', 'a2', datetime(2024-01-01 11:00)];
Events
| where Name == "Start"
| project Name, City, ActivityId, StartTime=timestamp
| join (Events | where Name == "Stop" | project StopTime=timestamp, ActivityId) on ActivityId
| project City, ActivityId, StartTime, StopTime, Duration = StopTime - StartTime`);
    expect(rows).toEqual([{ City: 'Paris', ActivityId: 'a1', StartTime: '2024-01-01T10:00:00.0000000Z', StopTime: '2024-01-01T10:30:00.0000000Z', Duration: '00:30:00' }]);
  });

  // https://learn.microsoft.com/kusto/query/join-operator (KQL has no cross-join flavor)
  test('an unknown join flavor is an error at its value', () => {
    const error = errorOf(`${XY}X | join kind=cross Y on Key`);
    expect(error).toMatchObject({ line: 15, column: 15, construct: 'KS005' });
  });

  test('a non-equality join condition is an error at the condition', () => {
    const error = errorOf(`${XY}X | join kind=inner Y on $left.Value1 < $right.Value2`);
    expect(error).toMatchObject({ line: 15, column: 26, construct: 'KS182' });
  });

  test('hints do not change results', () => {
    expect(sortRows(rowsOf(`${XY}X | join kind=inner hint.strategy=shuffle Y on Key`))).toEqual(sortRows(rowsOf(`${XY}X | join kind=inner Y on Key`)));
  });
});

describe('lookup', () => {
  const FACTS = `let FactTable=datatable(Row:string,Personal:string,Family:string) [
  "1", "Bill",   "Gates",
  "2", "Bill",   "Clinton",
  "3", "Bill",   "Clinton",
  "4", "Steve",  "Ballmer",
  "5", "Tim",    "Cook"
];
let DimTable=datatable(Personal:string,Family:string,Alias:string) [
  "Bill",  "Gates",   "billg",
  "Bill",  "Clinton", "billc",
  "Steve", "Ballmer", "steveb",
  "Tim",   "Cook",    "timc"
];
`;

  // https://learn.microsoft.com/kusto/query/lookup-operator
  test('lookup adds the dimension columns without repeating the keys', () => {
    const result = runKql(`${FACTS}FactTable | lookup kind=leftouter DimTable on Personal, Family`);
    expect(result.columns.map((c) => c.name)).toEqual(['Row', 'Personal', 'Family', 'Alias']);
    expect(result.rows).toEqual([
      { Row: '1', Personal: 'Bill', Family: 'Gates', Alias: 'billg' },
      { Row: '2', Personal: 'Bill', Family: 'Clinton', Alias: 'billc' },
      { Row: '3', Personal: 'Bill', Family: 'Clinton', Alias: 'billc' },
      { Row: '4', Personal: 'Steve', Family: 'Ballmer', Alias: 'steveb' },
      { Row: '5', Personal: 'Tim', Family: 'Cook', Alias: 'timc' },
    ]);
  });

  // https://learn.microsoft.com/kusto/query/lookup-operator (kind=leftouter keeps unmatched rows with nulls; inner drops them)
  test('lookup leftouter keeps unmatched rows and inner drops them', () => {
    const query = (kind: string): string => `let F = datatable(K:string, N:long) ['a', 1, 'z', 2];
let D = datatable(K:string, Label:string, Score:long) ['a', 'alpha', 10];
F | lookup kind=${kind} D on K`;
    expect(rowsOf(query('leftouter'))).toEqual([{ K: 'a', N: 1, Label: 'alpha', Score: 10 }, { K: 'z', N: 2, Label: '', Score: null }]);
    expect(rowsOf(query('inner'))).toEqual([{ K: 'a', N: 1, Label: 'alpha', Score: 10 }]);
  });

  test('lookup on $left.A == $right.B drops the right key column', () => {
    const result = runKql(`let F = datatable(Caller:string) ['u1'];
let D = datatable(ObjectId:string, DisplayName:string) ['u1', 'User One'];
F | lookup (D) on $left.Caller == $right.ObjectId`);
    expect(result.columns.map((c) => c.name)).toEqual(['Caller', 'DisplayName']);
    expect(result.rows).toEqual([{ Caller: 'u1', DisplayName: 'User One' }]);
  });
});

/**
 * What older rules in the public corpus use and the evaluator used to refuse: replace_regex and the
 * deprecated replace, the deprecated makeset/makelist, and table("Name").
 */
import { rowsOf } from './run-kql';

describe('replace_regex and replace', () => {
  // https://learn.microsoft.com/kusto/query/replace-regex-function (example)
  test('replace_regex rewrites each match, with \\1 for a capture group', () => {
    expect(rowsOf(`range x from 1 to 3 step 1
| extend str=strcat('Number is ', tostring(x))
| extend replaced=replace_regex(str, @'is (\\d+)', @'was: \\1')
| project replaced`)).toEqual([{ replaced: 'Number was: 1' }, { replaced: 'Number was: 2' }, { replaced: 'Number was: 3' }]);
  });

  // https://learn.microsoft.com/kusto/query/replace-function: replace(regex, rewrite, text), the older spelling
  test('replace takes the regex first and the text last', () => {
    expect(rowsOf("print r = replace(@'cat', 'hamster', 'A magic trick can turn a cat into a dog')")).toEqual([{ r: 'A magic trick can turn a hamster into a dog' }]);
  });

  test('a $ in the rewrite is literal text', () => {
    expect(rowsOf("print r = replace_regex('price: 5', @'(\\d+)', @'$\\1')")).toEqual([{ r: 'price: $5' }]);
  });
});

describe('makeset and makelist', () => {
  test('are make_set and make_list under their older names', () => {
    expect(rowsOf('range x from 1 to 4 step 1 | summarize s = makeset(x % 2), l = makelist(x)')).toEqual([{ s: [1, 0], l: [1, 2, 3, 4] }]);
  });
});

describe('table()', () => {
  const tables = { AuditLogs: { columns: [{ name: 'OperationName', type: 'string' }], rows: [{ OperationName: 'Add user' }, { OperationName: 'Delete user' }] } };

  test('reads the database table its constant name names, as naming it directly does', () => {
    expect(rowsOf('let name = "AuditLogs"; table(name) | where OperationName startswith "Add" | project OperationName', tables)).toEqual([{ OperationName: 'Add user' }]);
    expect(rowsOf('union table("AuditLogs"), AuditLogs | count', tables)).toEqual([{ Count: 4 }]);
  });
});

describe('make_bag and arraylength', () => {
  // https://learn.microsoft.com/kusto/query/make-bag-aggregation-function (example)
  test('make_bag merges the property bags of a group', () => {
    expect(rowsOf(`let T = datatable(prop:string, value:string)
[
    "prop01", "val_a",
    "prop02", "val_b",
    "prop03", "val_c",
];
T
| extend p = bag_pack(prop, value)
| summarize dict=make_bag(p)`)).toEqual([{ dict: { prop01: 'val_a', prop02: 'val_b', prop03: 'val_c' } }]);
  });

  test('make_bag keeps the first value of a repeated key, and make_bag_if only the rows its predicate selects', () => {
    expect(rowsOf(`datatable(k:string, v:long, keep:bool) ["a", 1, true, "a", 2, true, "b", 3, false]
| summarize all = make_bag(bag_pack(k, v)), kept = make_bag_if(bag_pack(k, v), keep)`)).toEqual([{ all: { a: 1, b: 3 }, kept: { a: 1 } }]);
  });

  test('arraylength is array_length under its older name', () => {
    expect(rowsOf(`print n = arraylength(dynamic([1, 2, 3])), m = arraylength(parse_json('{"a": 1}'))`)).toEqual([{ n: 3, m: null }]);
  });
});

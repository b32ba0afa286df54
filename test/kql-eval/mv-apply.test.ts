/** mv-apply, with the examples of https://learn.microsoft.com/kusto/query/mv-apply-operator */
import { rowsOf } from './run-kql';

const DATA = `let _data =
    range x from 1 to 8 step 1
    | summarize l=make_list(x) by xMod2 = x % 2;
_data`;

describe('mv-apply', () => {
  // "Get the largest element from the array"
  test('runs the subquery on each row expansion: the largest element of each array', () => {
    expect(rowsOf(`${DATA}
| mv-apply element=l to typeof(long) on
    (
    top 1 by element
    )`)).toEqual([
      { xMod2: 1, l: [1, 3, 5, 7], element: 7 },
      { xMod2: 0, l: [2, 4, 6, 8], element: 8 },
    ]);
  });

  // "Calculate the sum of the largest two elements in an array"
  test('keeps the input columns a summarize in the subquery drops', () => {
    expect(rowsOf(`${DATA}
| mv-apply l to typeof(long) on
    (
    top 2 by l
    | summarize SumOfTop2=sum(l)
    )`)).toEqual([
      { xMod2: 1, SumOfTop2: 12 },
      { xMod2: 0, SumOfTop2: 14 },
    ]);
  });

  // "Select elements in arrays"
  test('expands several arrays in parallel', () => {
    expect(rowsOf(`datatable (Val:int, Arr1:dynamic, Arr2:dynamic)
[ 1, dynamic(['A1', 'A2', 'A3']),       dynamic([10, 30, 7]),
  7, dynamic(['B1', 'B2', 'B5']),       dynamic([15, 11, 50]),
  3, dynamic(['C1', 'C2', 'C3', 'C4']), dynamic([6, 40, 20, 8])
]
| mv-apply NewArr1=Arr1, NewArr2=Arr2 to typeof(long) on (
    top 2 by NewArr2
    | summarize NewArr1=make_list(NewArr1), NewArr2=make_list(NewArr2)
)`)).toEqual([
      { Val: 1, Arr1: ['A1', 'A2', 'A3'], Arr2: [10, 30, 7], NewArr1: ['A2', 'A1'], NewArr2: [30, 10] },
      { Val: 7, Arr1: ['B1', 'B2', 'B5'], Arr2: [15, 11, 50], NewArr1: ['B5', 'B1'], NewArr2: [50, 15] },
      { Val: 3, Arr1: ['C1', 'C2', 'C3', 'C4'], Arr2: [6, 40, 20, 8], NewArr1: ['C2', 'C3'], NewArr2: [40, 20] },
    ]);
  });

  // "Use with_itemindex for working with a subset of the array"
  test('with_itemindex numbers the elements of each row from 0', () => {
    expect(rowsOf(`let _data =
    range x from 1 to 10 step 1
    | summarize l=make_list(x) by xMod2 = x % 2;
_data
| mv-apply with_itemindex=index element=l to typeof(long) on
    (
    where index >= 3
    )
| project index, element`)).toEqual([
      { index: 3, element: 7 },
      { index: 4, element: 9 },
      { index: 3, element: 8 },
      { index: 4, element: 10 },
    ]);
  });

  test('the subquery can read the row columns that are not expanded', () => {
    expect(rowsOf(`datatable (Host:string, Ports:dynamic) ["a", dynamic([22, 443]), "b", dynamic([])]
| mv-apply Port = Ports to typeof(long) on (extend Label = strcat(Host, ":", Port))
| project Label`)).toEqual([{ Label: 'a:22' }, { Label: 'a:443' }]);
  });
});

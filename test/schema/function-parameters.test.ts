import { parseFunctionParameters } from '../../src/schema/function-parameters';

describe('functionParameters of a saved search', () => {
  test('scalar parameters with and without defaults, Kusto type names normalized', () => {
    expect(parseFunctionParameters('lookback:timespan = 1d, user:string')).toEqual({
      parameters: [
        { name: 'lookback', type: 'timespan', defaultValue: '1d' },
        { name: 'user', type: 'string' },
      ],
    });
    expect(parseFunctionParameters('flag:boolean=false, n:Int64 = 5, at:date = datetime(null), id:uuid')).toEqual({
      parameters: [
        { name: 'flag', type: 'bool', defaultValue: 'false' },
        { name: 'n', type: 'long', defaultValue: '5' },
        { name: 'at', type: 'datetime', defaultValue: 'datetime(null)' },
        { name: 'id', type: 'guid' },
      ],
    });
  });

  test('commas and equals signs inside strings, dynamic literals and tabular schemas do not split', () => {
    expect(parseFunctionParameters(`sep:string = ",", q:string = 'a=b', ips:dynamic = dynamic(["1.1.1.1", "2.2.2.2"]), T:(TimeGenerated:datetime, User:string), path:string = @"C:\\x,y"`)).toEqual({
      parameters: [
        { name: 'sep', type: 'string', defaultValue: '","' },
        { name: 'q', type: 'string', defaultValue: "'a=b'" },
        { name: 'ips', type: 'dynamic', defaultValue: 'dynamic(["1.1.1.1", "2.2.2.2"])' },
        { name: 'T', type: '(TimeGenerated:datetime, User:string)' },
        { name: 'path', type: 'string', defaultValue: '@"C:\\x,y"' },
      ],
    });
  });

  test('no parameters', () => {
    expect(parseFunctionParameters(undefined)).toEqual({ parameters: [] });
    expect(parseFunctionParameters('  ')).toEqual({ parameters: [] });
  });

  test.each([
    ['lookback', /"lookback" is not "name:type"/],
    ['x:strng', /parameter x: "strng" is not a KQL scalar type/],
    ['x:string = ', /parameter x: "=" without a default value/],
    ['x:string = "open', /unclosed string/],
    ['T:(a:string', /unclosed "\("/],
    ['x:long, x:int', /parameter x is declared twice/],
  ])('%s is refused with the reason', (text, reason) => {
    const result = parseFunctionParameters(text);
    expect('problem' in result && result.problem).toMatch(reason);
  });
});

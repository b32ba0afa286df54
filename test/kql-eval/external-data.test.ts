/** externaldata, whose rows come from the caller by URI: https://learn.microsoft.com/kusto/query/externaldata-operator */
import { errorOf, rowsOf } from './run-kql';

const FEED = 'https://raw.githubusercontent.com/example/iocs/main/ips.csv';
const QUERY = `let iocs = externaldata(IoC:string, Type:string, Added:datetime) [@"${FEED}"] with (format="csv", ignoreFirstRecord=true);
iocs
| where Type == "ip"
| project IoC, Added`;

describe('externaldata', () => {
  test('reads the rows given for its URI, typed by the declared schema', () => {
    const externalData = { [FEED]: [{ IoC: '203.0.113.7', Type: 'ip', Added: '2024-07-01T00:00:00Z' }, { IoC: 'evil.example', Type: 'domain', Added: '2024-07-02T00:00:00Z' }] };
    expect(rowsOf(QUERY, {}, { externalData })).toEqual([{ IoC: '203.0.113.7', Added: '2024-07-01T00:00:00.0000000Z' }]);
  });

  test('concatenates several URIs in order', () => {
    const query = 'externaldata(x:long) ["https://a.example/1.csv", "https://a.example/2.csv"] | summarize make_list(x)';
    const externalData = { 'https://a.example/1.csv': [{ x: 1 }, { x: 2 }], 'https://a.example/2.csv': [{ x: 3 }] };
    expect(rowsOf(query, {}, { externalData })).toEqual([{ list_x: [1, 2, 3] }]);
  });

  test('a URI without rows is an error at the URI, never an empty feed', () => {
    const error = errorOf(QUERY);
    expect(error).toMatchObject({ line: 1, column: QUERY.indexOf('@"') + 1, construct: 'externaldata' });
    expect(error.message).toContain(`no rows are given for ${FEED}`);
  });

  test('a value of the wrong type is an error naming the URI', () => {
    const error = errorOf(QUERY, {}, { externalData: { [FEED]: [{ IoC: 'x', Type: 'ip', Added: 'not a date' }] } });
    expect(error.message).toContain(`rows for ${FEED}`);
  });
});

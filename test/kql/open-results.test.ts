import { analyzeQuery } from '../../src/kql/analyze-query';
import { KqlSchema } from '../../src/kql/kql-schema';

const schema = new KqlSchema({ workspaceContent: { parsers: ['PingFederateEvent'], customTables: ['Partner_CL'] } });
const isOpen = (query: string): boolean => analyzeQuery(query, schema).resultIsOpen === true;

describe('whether a query result may hold columns beyond the ones it names', () => {
  it.each([
    'PingFederateEvent | where EventType == "x"',
    'Partner_CL | extend y = 1',
    'PingFederateEvent | summarize arg_max(TimeGenerated, *) by Id',
    'AzureDiagnostics | where Category == "x"',
  ])('open: %s', (query) => expect(isOpen(query)).toBe(true));

  it.each([
    'PingFederateEvent | project TimeGenerated, Caller',
    'PingFederateEvent | summarize count() by User',
    'Partner_CL | distinct Host',
    'SigninLogs | where ResultType == "0"',
    'let x = PingFederateEvent; x | project A',
  ])('closed: %s', (query) => expect(isOpen(query)).toBe(false));
});

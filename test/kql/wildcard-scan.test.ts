import { analyzeQuery } from '../../src/kql/analyze-query';
import { KqlSchema } from '../../src/kql/kql-schema';

const schema = new KqlSchema();
const wildcards = (query: string): number => analyzeQuery(query, schema).problems.filter((p) => p.code === 'KQL_WILDCARD_SCAN').length;

describe('wildcard scans Sentinel refuses', () => {
  it.each(['union *', 'union isfuzzy=true *', 'union withsource=T *', 'SigninLogs | union *', 'search "x"', 'find "x"'])('reports %s', (query) => {
    expect(wildcards(query)).toBe(1);
  });

  // Seen in Azure-Sentinel rules: a `*` inside a parenthesized union leg multiplies, it does not scan.
  it.each([
    'union isfuzzy=true (SigninLogs | extend x = 2 * 3), (AuditLogs | project TimeGenerated)',
    'union SigninLogs, AuditLogs | extend y = 10 * 2',
    'search in (SigninLogs) "x"',
    'SigninLogs | search "x"',
  ])('does not report %s', (query) => {
    expect(wildcards(query)).toBe(0);
  });
});

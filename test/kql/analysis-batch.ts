import type { SchemaInput } from '../../src/kql/kql-schema';

/** The batch both analysis pools (worker threads, helper processes) are tested with. */
export const INPUT: SchemaInput = {
  tables: [{ name: 'App_CL', columns: [{ name: 'TimeGenerated', type: 'datetime' }, { name: 'User', type: 'string' }] }],
  watchlists: [{ alias: 'Allowed', columns: [{ name: 'Upn', type: 'string' }] }],
};

/** Clean queries and every kind of problem: syntax, unknown names, watchlists, wildcard unions; and text beyond ASCII. */
export const QUERIES = [
  'SigninLogs | where ResultType != "0" | summarize Failures = count() by UserPrincipalName, bin(TimeGenerated, 1h)',
  'App_CL | where User !in ((_GetWatchlist("Allowed") | project Upn)) | extend Hour = hourofday(TimeGenerated)',
  'SigninLogs | where',
  'NoSuchTable | take 1',
  'SigninLogs | project NoSuchColumn',
  '_GetWatchlist("Missing") | take 1',
  'union * | take 1',
  'AzureActivity | where TimeGenerated > ago(2d) | join kind=inner (AuditLogs | project CorrelationId) on CorrelationId',
  'imDns | where DnsQuery has "example"',
  'let x = 5; print y = x * 2',
  'print name = "naïve – ünïcode ✓"',
];

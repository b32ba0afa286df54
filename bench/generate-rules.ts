import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a synthetic but realistic project: N scheduled rules over the common Sentinel tables, each
 * with a .kql file, entity mappings and custom details, cycling through query shapes seen in
 * Azure-Sentinel content (filters, summarize by bin, joins, watchlist allow-lists, parse_json).
 */
const SHAPES: readonly { query: (i: number) => string; entities: string; details: string }[] = [
  {
    query: (i) => `let threshold = ${5 + (i % 20)};
SigninLogs
| where ResultType != "0"
| summarize Failures = count(), IPs = make_set(IPAddress, 50) by UserPrincipalName, bin(TimeGenerated, 1h)
| where Failures > threshold
| extend AccountUpn = UserPrincipalName, FirstIp = tostring(IPs[0])`,
    entities: `[{ entityType: 'Account', fieldMappings: [{ identifier: 'FullName', columnName: 'AccountUpn' }] }, { entityType: 'IP', fieldMappings: [{ identifier: 'Address', columnName: 'FirstIp' }] }]`,
    details: `{ Failures: 'Failures' }`,
  },
  {
    query: (i) => `AzureActivity
| where OperationNameValue =~ "MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE" and ActivityStatusValue =~ "Success"
| extend RoleDefinitionId = tostring(parse_json(tostring(Properties_d.requestbody)).Properties.RoleDefinitionId)
| extend CallerObjectId = tostring(Claims_d["http://schemas.microsoft.com/identity/claims/objectidentifier"])
| where CallerIpAddress !startswith "10.${i % 250}."
| project TimeGenerated, Caller, CallerObjectId, CallerIpAddress, RoleDefinitionId, ResourceId = _ResourceId`,
    entities: `[{ entityType: 'Account', fieldMappings: [{ identifier: 'AadUserId', columnName: 'CallerObjectId' }] }, { entityType: 'AzureResource', fieldMappings: [{ identifier: 'ResourceId', columnName: 'ResourceId' }] }]`,
    details: `{ Role: 'RoleDefinitionId' }`,
  },
  {
    query: (i) => `AuditLogs
| where OperationName has_any ("Add member to role", "Add eligible member to role")
| extend Target = tostring(TargetResources[0].userPrincipalName), Actor = tostring(InitiatedBy.user.userPrincipalName)
| extend RoleName = tostring(parse_json(tostring(TargetResources[0].modifiedProperties))[1].newValue)
| where RoleName has "Admin" and Result =~ "success"
| summarize Count = count(), Roles = make_set(RoleName) by Actor, Target, bin(TimeGenerated, ${1 + (i % 6)}h)`,
    entities: `[{ entityType: 'Account', fieldMappings: [{ identifier: 'FullName', columnName: 'Target' }] }]`,
    details: `{ Actor: 'Actor', Count: 'Count' }`,
  },
  {
    query: (i) => `SecurityEvent
| where EventID == ${4720 + (i % 10)}
| extend TargetAccount = strcat(TargetDomainName, "\\\\", TargetUserName)
| join kind=inner (SecurityEvent | where EventID == 4732 | project MemberSid = MemberSid, GroupName = TargetUserName, Computer) on $left.TargetSid == $right.MemberSid
| project TimeGenerated, Computer, Account, TargetAccount, GroupName`,
    entities: `[{ entityType: 'Host', fieldMappings: [{ identifier: 'HostName', columnName: 'Computer' }] }, { entityType: 'Account', fieldMappings: [{ identifier: 'Name', columnName: 'TargetAccount' }] }]`,
    details: `{ Group: 'GroupName' }`,
  },
  {
    query: (i) => `let Allowed = _GetWatchlist('BenchAllowed') | project Value = tostring(Value);
OfficeActivity
| where Operation in~ ("New-InboxRule", "Set-InboxRule", "UpdateInboxRules")
| where UserId !in (Allowed)
| extend ClientIp = tostring(split(ClientIP, ":")[0])
| summarize Ops = dcount(Operation), Last = max(TimeGenerated) by UserId, ClientIp
| where Ops >= ${1 + (i % 3)}`,
    entities: `[{ entityType: 'Account', fieldMappings: [{ identifier: 'FullName', columnName: 'UserId' }] }, { entityType: 'IP', fieldMappings: [{ identifier: 'Address', columnName: 'ClientIp' }] }]`,
    details: `{ Operations: 'Ops' }`,
  },
];

export function generateBenchProject(root: string, count: number): void {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'rules'), { recursive: true });
  fs.mkdirSync(path.join(root, 'watchlists'), { recursive: true });
  fs.writeFileSync(path.join(root, 'watchlists', 'bench-allowed.csv'), 'Value,Note\nadmin@example.com,example\n');
  fs.writeFileSync(
    path.join(root, 'watchlists', 'bench-allowed.ts'),
    `import { defineWatchlist } from 'sentinel-cac';\nexport const w = defineWatchlist({ alias: 'BenchAllowed', displayName: 'Bench', description: 'Bench allow-list', columns: { Value: 'string', Note: 'string' }, searchKey: 'Value', rows: './bench-allowed.csv' });\n`,
  );
  for (let i = 0; i < count; i++) {
    const shape = SHAPES[i % SHAPES.length];
    const name = `bench-rule-${String(i).padStart(4, '0')}`;
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    // The comment makes every text distinct, so no analysis is shared between rules.
    fs.writeFileSync(path.join(root, 'rules', `${name}.kql`), `// bench rule ${i}\n${shape.query(i)}\n`);
    fs.writeFileSync(
      path.join(root, 'rules', `${name}.ts`),
      `import { defineAnalyticsRule, kqlFile } from 'sentinel-cac';
export const rule = defineAnalyticsRule({
  id: '${id}', version: '1.0.${i % 10}', name: 'Bench rule ${i}', description: 'Synthetic rule ${i} for the benchmark.',
  severity: 'Medium', tactics: ['Persistence', 'PrivilegeEscalation', 'CredentialAccess', 'InitialAccess'], techniques: ['T1098'],
  query: kqlFile('./${name}.kql'), queryFrequency: '1h', queryPeriod: '1d',
  entityMappings: ${shape.entities},
  customDetails: ${shape.details},
});
`,
    );
  }
}

import { defineRuleTests, type TableInput } from 'sentinel-cac';
import { unauthorizedFicOnUami } from './unauthorized-fic-on-uami';

const NOW = '2026-03-02T12:00:00Z';
const FIC_WRITE = 'MICROSOFT.MANAGEDIDENTITY/USERASSIGNEDIDENTITIES/FEDERATEDIDENTITYCREDENTIALS/WRITE';
const ATTACKER_OID = '6f1c2b1e-0000-4000-8000-0000000000e1';
const ADMIN_OID = '00000000-0000-0000-0000-00000000a002';
const RESOURCE = '/subscriptions/00000000-0000-0000-0000-0000000000b1/resourcegroups/rg-platform/providers/microsoft.managedidentity/userassignedidentities/uami-deploy/federatedidentitycredentials/backdoor';

/** A federated-credential write as AzureActivity records it; `over` changes one aspect per case. */
function ficWrite(over: { caller?: string; oid?: string; role?: string; status?: string; hierarchy?: string; uti?: string } = {}): NonNullable<TableInput['AzureActivity']>[number] {
  return {
    TimeGenerated: '2026-03-02T11:40:00Z',
    OperationNameValue: FIC_WRITE,
    ActivityStatusValue: over.status ?? 'Success',
    Caller: over.caller ?? 'eve@contoso.example',
    CallerIpAddress: '203.0.113.7',
    Claims_d: { 'http://schemas.microsoft.com/identity/claims/objectidentifier': over.oid ?? ATTACKER_OID, uti: over.uti ?? 'token-eve-1', idtyp: 'user' },
    Authorization_d: { evidence: { role: over.role ?? 'Contributor' } },
    Properties_d: { hierarchy: over.hierarchy ?? '11111111-2222-3333-4444-555555555555/example-mg-platform/00000000-0000-0000-0000-0000000000b1' },
    Hierarchy: '',
    SubscriptionId: '00000000-0000-0000-0000-0000000000b1',
    _ResourceId: RESOURCE,
    EventDataId: 'event-1',
    CorrelationId: 'corr-1',
  };
}

function signIn(risk: string, uti = 'token-eve-1'): NonNullable<TableInput['SigninLogs']>[number] {
  return { TimeGenerated: '2026-03-02T11:05:00Z', UniqueTokenIdentifier: uti, IPAddress: '203.0.113.7', RiskLevelDuringSignIn: risk, UserPrincipalName: 'eve@contoso.example' };
}

export const unauthorizedFicOnUamiCases = defineRuleTests(unauthorizedFicOnUami, [
  {
    name: 'an unauthorized actor adding a federated credential raises one alert with the caller, IP and resource',
    now: NOW,
    tables: { AzureActivity: [ficWrite()], SigninLogs: [signIn('none')] },
    expect: {
      alerts: 1,
      severity: 'Medium',
      displayName: 'Federated credential added to uami-deploy by unauthorized eve@contoso.example',
      entities: [
        { entityType: 'Account', AadUserId: ATTACKER_OID, FullName: 'eve@contoso.example' },
        { entityType: 'IP', Address: '203.0.113.7' },
        { entityType: 'AzureResource', ResourceId: RESOURCE },
      ],
      customDetails: {
        ManagedIdentity: 'uami-deploy',
        FederatedCredential: 'backdoor',
        ScopeHierarchy: '11111111-2222-3333-4444-555555555555/example-mg-platform/00000000-0000-0000-0000-0000000000b1',
        SignInRiskLevel: 'none',
        CallerRole: 'Contributor',
      },
    },
  },
  {
    name: 'an actor on the allow-list by object id stays quiet',
    now: NOW,
    tables: { AzureActivity: [ficWrite({ caller: 'admin@contoso.example', oid: ADMIN_OID })] },
    expect: { alerts: 0 },
  },
  {
    name: 'an actor in an authorized group (IdentityInfo) stays quiet',
    now: NOW,
    tables: {
      AzureActivity: [ficWrite()],
      IdentityInfo: [
        { TimeGenerated: '2026-02-20T00:00:00Z', AccountObjectId: ATTACKER_OID, GroupMembership: ['Staff'] },
        { TimeGenerated: '2026-03-01T00:00:00Z', AccountObjectId: ATTACKER_OID, GroupMembership: ['Staff', 'Example-Azure-Identity-Administrators'] },
      ],
    },
    expect: { alerts: 0 },
  },
  {
    name: 'an actor whose write was authorized by an allowed RBAC role stays quiet',
    now: NOW,
    tables: { AzureActivity: [ficWrite({ role: 'Example Workload Identity Operator' })] },
    expect: { alerts: 0 },
  },
  {
    name: 'a write outside the monitored scopes stays quiet',
    now: NOW,
    tables: { AzureActivity: [ficWrite({ hierarchy: '11111111-2222-3333-4444-555555555555/mg-sandbox/99999999-0000-0000-0000-000000000000' })] },
    watchlists: { FicMonitoredScopes: [{ Scope: 'example-mg-platform', Description: 'platform only' }] },
    expect: { alerts: 0 },
  },
  {
    name: 'with no monitored scopes listed every scope is monitored',
    now: NOW,
    tables: { AzureActivity: [ficWrite({ hierarchy: '11111111-2222-3333-4444-555555555555/mg-sandbox/99999999-0000-0000-0000-000000000000' })] },
    watchlists: { FicMonitoredScopes: [] },
    expect: { alerts: 1 },
  },
  {
    name: 'a failed operation stays quiet',
    now: NOW,
    tables: { AzureActivity: [ficWrite({ status: 'Failure' })] },
    expect: { alerts: 0 },
  },
  {
    name: 'a risky sign-in behind the caller token raises the severity to High',
    now: NOW,
    tables: { AzureActivity: [ficWrite()], SigninLogs: [signIn('high')] },
    expect: { alerts: 1, severity: 'High', customDetails: { SignInRiskLevel: 'high' } },
  },
  {
    name: 'no matching sign-in keeps the default severity (the published rule made it High)',
    now: NOW,
    tables: { AzureActivity: [ficWrite()], SigninLogs: [signIn('high', 'another-token')] },
    expect: { alerts: 1, severity: 'Medium', customDetails: { SignInRiskLevel: 'unknown' } },
  },
  {
    name: 'a write older than the detection window has already alerted and stays quiet',
    now: NOW,
    tables: { AzureActivity: [{ ...ficWrite(), TimeGenerated: '2026-03-02T09:00:00Z' }] },
    expect: { alerts: 0 },
  },
  {
    name: 'each unauthorized write is its own alert',
    now: NOW,
    tables: { AzureActivity: [ficWrite(), { ...ficWrite({ caller: 'mallory@contoso.example', oid: '6f1c2b1e-0000-4000-8000-0000000000e2', uti: 'token-m' }), EventDataId: 'event-2' }] },
    expect: { alerts: 2, rows: 2 },
  },
]);

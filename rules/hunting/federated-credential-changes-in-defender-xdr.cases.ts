import { defineHuntingTests, type TableInput } from 'sentinel-cac';
import { federatedCredentialChangesInDefenderXdr } from './federated-credential-changes-in-defender-xdr';

const NOW = '2026-03-02T12:00:00Z';
const SUBSCRIPTION = '00000000-0000-0000-0000-0000000000b1';
const UAMI = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-platform/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami-deploy`;
const BACKDOOR = `${UAMI}/federatedIdentityCredentials/backdoor`;
const ATTACKER_OID = '00000000-0000-0000-0000-0000000000e1';
const ATTACKER_APP = '00000000-0000-0000-0000-0000000000e2';

type AuditEvent = NonNullable<TableInput['CloudAuditEvents']>[number];
type AppEvent = NonNullable<TableInput['CloudAppEvents']>[number];

/** An ARM control-plane operation as Defender for Cloud's CloudAuditEvents records it. */
function auditEvent(operation: string, over: Partial<AuditEvent> = {}): AuditEvent {
  return {
    TimeGenerated: '2026-03-02T11:00:00Z',
    OperationName: operation,
    ActionType: 'AzureResourceManagerOperation',
    RawEventData: { principalOid: ATTACKER_OID, applicationId: ATTACKER_APP },
    IPAddress: '203.0.113.7',
    AzureResourceId: BACKDOOR,
    ReportId: 'audit-1',
    ...over,
  };
}

/** A Microsoft Azure activity as Defender for Cloud Apps' CloudAppEvents records it. */
function appEvent(operationName: unknown, over: Partial<AppEvent> = {}): AppEvent {
  return {
    TimeGenerated: '2026-03-02T11:20:00Z',
    Application: 'Microsoft Azure',
    ActionType: 'Write FederatedIdentityCredentials',
    AccountObjectId: ATTACKER_OID,
    AccountDisplayName: 'Eve Example',
    IPAddress: '203.0.113.8',
    ObjectId: BACKDOOR,
    RawEventData: { operationName, resourceId: BACKDOOR },
    ReportId: 'app-1',
    ...over,
  };
}

const FIC_WRITE = 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials/write';
const FIC_DELETE = 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials/delete';

export const federatedCredentialChangesInDefenderXdrCases = defineHuntingTests(federatedCredentialChangesInDefenderXdr, [
  {
    name: 'a credential write in CloudAuditEvents is found (operation name in upper case) with its caller and resource parts',
    now: NOW,
    tables: { CloudAuditEvents: [auditEvent(FIC_WRITE.toUpperCase())] },
    expect: {
      rows: 1,
      includes: [
        {
          TimeGenerated: '2026-03-02T11:00:00.0000000Z',
          Operation: 'Write',
          ManagedIdentityName: 'uami-deploy',
          FederatedCredentialName: 'backdoor',
          SubscriptionId: SUBSCRIPTION,
          CallerObjectId: ATTACKER_OID,
          CallerAppId: ATTACKER_APP,
          CallerName: '',
          IPAddress: '203.0.113.7',
          ResourceId: BACKDOOR,
          SourceTable: 'CloudAuditEvents',
          ReportId: 'audit-1',
        },
      ],
    },
  },
  {
    name: 'a credential delete in CloudAuditEvents is found, falling back to CloudResourceId for the resource',
    now: NOW,
    tables: { CloudAuditEvents: [auditEvent(FIC_DELETE, { AzureResourceId: '', CloudResourceId: BACKDOOR })] },
    expect: { rows: 1, includes: [{ Operation: 'Delete', ResourceId: BACKDOOR, FederatedCredentialName: 'backdoor', SourceTable: 'CloudAuditEvents' }] },
  },
  {
    name: 'credential writes and deletes in CloudAppEvents are found whether operationName is text or { value, localizedValue }',
    now: NOW,
    tables: {
      CloudAppEvents: [
        appEvent(FIC_WRITE),
        appEvent({ value: FIC_DELETE.toUpperCase(), localizedValue: 'Delete Federated Identity Credential' }, { TimeGenerated: '2026-03-02T11:30:00Z', ActionType: 'Delete FederatedIdentityCredentials', ReportId: 'app-2' }),
      ],
    },
    expect: {
      rows: 2,
      includes: [
        { Operation: 'Write', ArmOperation: FIC_WRITE, SourceTable: 'CloudAppEvents', CallerObjectId: ATTACKER_OID, CallerAppId: '', CallerName: 'Eve Example', IPAddress: '203.0.113.8', ManagedIdentityName: 'uami-deploy', FederatedCredentialName: 'backdoor', ReportId: 'app-1' },
        { Operation: 'Delete', ArmOperation: FIC_DELETE.toUpperCase(), SourceTable: 'CloudAppEvents', ReportId: 'app-2' },
      ],
    },
  },
  {
    name: 'a CloudAppEvents row without an ARM operation name is matched by its ActionType',
    now: NOW,
    tables: { CloudAppEvents: [appEvent(undefined, { ActionType: 'Delete FederatedIdentityCredentials', RawEventData: { resourceId: BACKDOOR } })] },
    expect: { rows: 1, includes: [{ Operation: 'Delete', ArmOperation: '', ActionType: 'Delete FederatedIdentityCredentials', FederatedCredentialName: 'backdoor' }] },
  },
  {
    name: 'other operations (including a credential read), other applications and changes older than 7 days are not returned',
    now: NOW,
    tables: {
      CloudAuditEvents: [
        auditEvent('Microsoft.ManagedIdentity/userAssignedIdentities/write', { AzureResourceId: UAMI }),
        auditEvent('Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials/read'),
        auditEvent(FIC_WRITE, { TimeGenerated: '2026-02-23T11:00:00Z' }),
      ],
      CloudAppEvents: [
        appEvent('Microsoft.ManagedIdentity/userAssignedIdentities/delete', { ActionType: 'Delete UserAssignedIdentities', RawEventData: { operationName: 'Microsoft.ManagedIdentity/userAssignedIdentities/delete', resourceId: UAMI } }),
        appEvent(FIC_WRITE, { Application: 'Microsoft Exchange Online' }),
        appEvent(FIC_WRITE, { TimeGenerated: '2026-02-23T11:00:00Z' }),
        appEvent('Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials/read', { ActionType: 'Read FederatedIdentityCredentials', RawEventData: { operationName: 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials/read', resourceId: BACKDOOR } }),
      ],
    },
    expect: { rows: 0 },
  },
]);

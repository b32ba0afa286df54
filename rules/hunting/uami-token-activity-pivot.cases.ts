import { defineHuntingTests, type TableInput } from 'sentinel-cac';
import { uamiTokenActivityPivot } from './uami-token-activity-pivot';

const NOW = '2026-03-02T12:00:00Z';
const SUBSCRIPTION = '00000000-0000-0000-0000-0000000000b1';
const DEPLOY = { name: 'uami-deploy', objectId: '00000000-0000-0000-0000-0000000000d1', appId: '00000000-0000-0000-0000-0000000000d2' };
const BACKUP = { name: 'uami-backup', objectId: '00000000-0000-0000-0000-0000000000e1', appId: '00000000-0000-0000-0000-0000000000e2' };
// The identity the project's watchlist CSV lists as its example row.
const EXAMPLE = { name: 'example-uami-deploy', objectId: '00000000-0000-0000-0000-0000000000a7', appId: '00000000-0000-0000-0000-0000000000a8' };
const FIC_ID = '00000000-0000-0000-0000-0000000000f1';
const VM = `/subscriptions/${SUBSCRIPTION}/resourcegroups/rg-app/providers/microsoft.compute/virtualmachines/vm-web-01`;
const VAULT = `/subscriptions/${SUBSCRIPTION}/resourcegroups/rg-app/providers/microsoft.keyvault/vaults/kv-app`;

type SignIn = NonNullable<TableInput['AADManagedIdentitySignInLogs']>[number];
type Activity = NonNullable<TableInput['AzureActivity']>[number];

/** A managed identity token issuance as AADManagedIdentitySignInLogs records it. */
function tokenIssued(identity: typeof DEPLOY, uti: string, over: Partial<SignIn> = {}): SignIn {
  return {
    TimeGenerated: '2026-03-02T10:00:00Z',
    ServicePrincipalName: identity.name,
    ServicePrincipalId: identity.objectId,
    AppId: identity.appId,
    ResourceDisplayName: 'Azure Resource Manager',
    FederatedCredentialId: FIC_ID,
    IPAddress: '203.0.113.40',
    ResultType: '0',
    UniqueTokenIdentifier: uti,
    ...over,
  };
}

/** An ARM operation as AzureActivity records it; `uti` is the token's claim (omitted for a claim-less row). */
function armOperation(uti: string | undefined, over: Partial<Activity> = {}): Activity {
  return {
    TimeGenerated: '2026-03-02T10:35:00Z',
    OperationNameValue: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION',
    ActivityStatusValue: 'Success',
    Caller: DEPLOY.objectId,
    CallerIpAddress: '203.0.113.41',
    Claims_d: uti === undefined ? { idtyp: 'app' } : { uti, idtyp: 'app', appid: DEPLOY.appId },
    _ResourceId: VM,
    SubscriptionId: SUBSCRIPTION,
    ResourceGroup: 'rg-app',
    CorrelationId: '00000000-0000-0000-0000-00000000c001',
    ...over,
  };
}

export const uamiTokenActivityPivotCases = defineHuntingTests(uamiTokenActivityPivot, [
  {
    name: "the investigated identity's token activity is returned and another identity's token activity is not",
    description: 'The identity is listed by display name (different case, padded); its token is matched to the ARM operation through the uti claim.',
    now: NOW,
    tables: {
      AADManagedIdentitySignInLogs: [tokenIssued(DEPLOY, 'uti-deploy-1'), tokenIssued(BACKUP, 'uti-backup-1')],
      AzureActivity: [
        armOperation('uti-deploy-1'),
        armOperation('uti-backup-1', { Caller: BACKUP.objectId, _ResourceId: VAULT, OperationNameValue: 'MICROSOFT.KEYVAULT/VAULTS/WRITE', CorrelationId: '00000000-0000-0000-0000-00000000c002' }),
      ],
    },
    watchlists: { FicInvestigatedIdentities: [{ Identity: '  UAMI-Deploy ', Case: 'IR-1' }] },
    expect: {
      rows: 1,
      includes: [
        {
          TimeGenerated: '2026-03-02T10:35:00.0000000Z',
          ManagedIdentityName: 'uami-deploy',
          ManagedIdentityObjectId: DEPLOY.objectId,
          ManagedIdentityAppId: DEPLOY.appId,
          OperationNameValue: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION',
          ResourceId: VM,
          CallerIpAddress: '203.0.113.41',
          TokenIssuedAt: '2026-03-02T10:00:00.0000000Z',
          TokenAgeAtUse: '00:35:00',
          TokenAudience: 'Azure Resource Manager',
          FederatedCredentialId: FIC_ID,
          SignInIpAddress: '203.0.113.40',
          UniqueTokenIdentifier: 'uti-deploy-1',
        },
      ],
    },
  },
  {
    name: 'the identity is also matched by its service principal object id',
    now: NOW,
    tables: {
      AADManagedIdentitySignInLogs: [tokenIssued(DEPLOY, 'uti-deploy-1'), tokenIssued(BACKUP, 'uti-backup-1')],
      AzureActivity: [armOperation('uti-deploy-1'), armOperation('uti-backup-1', { Caller: BACKUP.objectId, _ResourceId: VAULT })],
    },
    watchlists: { FicInvestigatedIdentities: [{ Identity: BACKUP.objectId.toUpperCase(), Case: 'IR-2' }] },
    expect: { rows: 1, includes: [{ ManagedIdentityName: 'uami-backup', ManagedIdentityObjectId: BACKUP.objectId, ResourceId: VAULT, UniqueTokenIdentifier: 'uti-backup-1' }] },
  },
  {
    name: 'every operation of the token is returned, but not an operation without a token id or with a failed sign-in token',
    description: 'Two operations share the token; a claim-less AzureActivity row and a token from a failed sign-in (ResultType 7000215) are ignored.',
    now: NOW,
    tables: {
      AADManagedIdentitySignInLogs: [tokenIssued(DEPLOY, 'uti-deploy-1'), tokenIssued(DEPLOY, 'uti-deploy-failed', { ResultType: '7000215' })],
      AzureActivity: [
        armOperation('uti-deploy-1', { TimeGenerated: '2026-03-02T11:10:00Z', _ResourceId: VAULT, OperationNameValue: 'MICROSOFT.KEYVAULT/VAULTS/SECRETS/READ' }),
        armOperation('uti-deploy-1'),
        armOperation(undefined, { OperationNameValue: 'MICROSOFT.RESOURCES/DEPLOYMENTS/WRITE' }),
        armOperation('uti-deploy-failed', { OperationNameValue: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION' }),
      ],
    },
    watchlists: { FicInvestigatedIdentities: [{ Identity: 'uami-deploy', Case: 'IR-1' }] },
    expect: {
      rows: 2,
      includes: [
        { TimeGenerated: '2026-03-02T10:35:00.0000000Z', ResourceId: VM, TokenAgeAtUse: '00:35:00' },
        { TimeGenerated: '2026-03-02T11:10:00.0000000Z', ResourceId: VAULT, OperationNameValue: 'MICROSOFT.KEYVAULT/VAULTS/SECRETS/READ', TokenAgeAtUse: '01:10:00' },
      ],
    },
  },
  {
    name: 'a token issued before the activity window still matches an operation inside it; an operation older than 7 days does not',
    description: 'The sign-in side reaches back one token lifetime (1 day) further than the activity side.',
    now: NOW,
    tables: {
      AADManagedIdentitySignInLogs: [tokenIssued(DEPLOY, 'uti-old', { TimeGenerated: '2026-02-23T06:00:00Z' })],
      AzureActivity: [
        armOperation('uti-old', { TimeGenerated: '2026-02-23T14:00:00Z' }),
        armOperation('uti-old', { TimeGenerated: '2026-02-23T08:00:00Z', _ResourceId: VAULT }),
      ],
    },
    watchlists: { FicInvestigatedIdentities: [{ Identity: 'uami-deploy', Case: 'IR-1' }] },
    expect: { rows: 1, includes: [{ TimeGenerated: '2026-02-23T14:00:00.0000000Z', ResourceId: VM, TokenIssuedAt: '2026-02-23T06:00:00.0000000Z', TokenAgeAtUse: '08:00:00' }] },
  },
  {
    name: "with the project's watchlist rows only the listed example identity is pivoted",
    description: 'No watchlist override: watchlists/fic-investigated-identities.csv lists example-uami-deploy.',
    now: NOW,
    tables: {
      AADManagedIdentitySignInLogs: [tokenIssued(EXAMPLE, 'uti-example'), tokenIssued(DEPLOY, 'uti-deploy-1')],
      AzureActivity: [armOperation('uti-example'), armOperation('uti-deploy-1')],
    },
    expect: { rows: 1, includes: [{ ManagedIdentityName: 'example-uami-deploy', UniqueTokenIdentifier: 'uti-example' }] },
  },
]);

import { defineHuntingTests, type TableInput } from 'sentinel-cac';
import { signInsWithFederatedCredentials } from './sign-ins-with-federated-credentials';

const NOW = '2026-03-02T12:00:00Z';
const PIPELINE = { name: 'app-deploy-pipeline', objectId: '00000000-0000-0000-0000-0000000000d1', appId: '00000000-0000-0000-0000-0000000000d2', fic: '00000000-0000-0000-0000-0000000000f1' };
const UAMI = { name: 'uami-deploy', objectId: '00000000-0000-0000-0000-0000000000e1', appId: '00000000-0000-0000-0000-0000000000e2', fic: '00000000-0000-0000-0000-0000000000f2' };
const ARM = { ResourceDisplayName: 'Azure Resource Manager', ResourceIdentity: '797f4846-ba00-4fd7-ba43-dac1f8f63013' };

type ServicePrincipalSignIn = NonNullable<TableInput['AADServicePrincipalSignInLogs']>[number];
type ManagedIdentitySignIn = NonNullable<TableInput['AADManagedIdentitySignInLogs']>[number];

/** A workload identity sign-in; both sign-in logs share these columns. */
function signIn(identity: typeof PIPELINE, over: Partial<ServicePrincipalSignIn & ManagedIdentitySignIn> = {}): ServicePrincipalSignIn & ManagedIdentitySignIn {
  return {
    TimeGenerated: '2026-03-02T09:00:00Z',
    ServicePrincipalName: identity.name,
    ServicePrincipalId: identity.objectId,
    AppId: identity.appId,
    FederatedCredentialId: identity.fic,
    IPAddress: '198.51.100.20',
    Location: 'US',
    ...ARM,
    ResultType: '0',
    ResultDescription: '',
    ...over,
  };
}

export const signInsWithFederatedCredentialsCases = defineHuntingTests(signInsWithFederatedCredentials, [
  {
    name: 'federated sign-ins are reported from both logs with the log they came from',
    now: NOW,
    tables: {
      AADServicePrincipalSignInLogs: [signIn(PIPELINE)],
      AADManagedIdentitySignInLogs: [signIn(UAMI, { TimeGenerated: '2026-03-02T10:00:00Z', IPAddress: '', Location: '' })],
    },
    expect: {
      rows: 2,
      includes: [
        {
          SignInLog: 'AADServicePrincipalSignInLogs',
          ServicePrincipalName: 'app-deploy-pipeline',
          ServicePrincipalId: PIPELINE.objectId,
          AppId: PIPELINE.appId,
          FederatedCredentialId: PIPELINE.fic,
          IPAddress: '198.51.100.20',
          ResourceDisplayName: 'Azure Resource Manager',
          SignIns: 1,
          FirstSeen: '2026-03-02T09:00:00.0000000Z',
          LastSeen: '2026-03-02T09:00:00.0000000Z',
          Locations: ['US'],
          Succeeded: true,
        },
        { SignInLog: 'AADManagedIdentitySignInLogs', ServicePrincipalName: 'uami-deploy', FederatedCredentialId: UAMI.fic, IPAddress: '', SignIns: 1, Succeeded: true },
      ],
    },
  },
  {
    name: 'sign-ins without a federated credential id are not reported',
    description: 'Secret, certificate and plain managed identity sign-ins leave FederatedCredentialId empty.',
    now: NOW,
    tables: {
      AADServicePrincipalSignInLogs: [signIn(PIPELINE, { FederatedCredentialId: '' }), signIn(PIPELINE, { FederatedCredentialId: undefined, IPAddress: '198.51.100.21' })],
      AADManagedIdentitySignInLogs: [signIn(UAMI, { FederatedCredentialId: '' })],
    },
    expect: { rows: 0 },
  },
  {
    name: 'repeated sign-ins of one credential from one IP are summarized; a new IP and a failure get rows of their own',
    now: NOW,
    tables: {
      AADServicePrincipalSignInLogs: [
        signIn(PIPELINE, { TimeGenerated: '2026-03-01T09:00:00Z' }),
        signIn(PIPELINE, { TimeGenerated: '2026-03-02T09:00:00Z', Location: 'CA' }),
        signIn(PIPELINE, { TimeGenerated: '2026-03-02T11:00:00Z', IPAddress: '203.0.113.66', Location: 'NL' }),
        signIn(PIPELINE, { TimeGenerated: '2026-03-02T11:05:00Z', IPAddress: '203.0.113.66', Location: 'NL', ResultType: '700213', ResultDescription: 'No matching federated identity record found for presented assertion subject.' }),
      ],
    },
    expect: {
      rows: 3,
      includes: [
        { IPAddress: '198.51.100.20', ResultType: '0', SignIns: 2, FirstSeen: '2026-03-01T09:00:00.0000000Z', LastSeen: '2026-03-02T09:00:00.0000000Z', Locations: ['US', 'CA'], Succeeded: true },
        { IPAddress: '203.0.113.66', ResultType: '0', SignIns: 1, Locations: ['NL'], Succeeded: true },
        { IPAddress: '203.0.113.66', ResultType: '700213', SignIns: 1, Succeeded: false },
      ],
    },
  },
  {
    name: 'sign-ins older than the 7-day window are not reported',
    now: NOW,
    tables: {
      AADServicePrincipalSignInLogs: [signIn(PIPELINE, { TimeGenerated: '2026-02-23T11:00:00Z' }), signIn(PIPELINE, { TimeGenerated: '2026-02-24T11:00:00Z' })],
    },
    expect: { rows: 1, includes: [{ SignIns: 1, FirstSeen: '2026-02-24T11:00:00.0000000Z' }] },
  },
]);

import { defineHuntingTests } from 'sentinel-cac';
import { uamiWithFederatedCredentials } from './uami-with-federated-credentials';

const NOW = '2026-03-02T12:00:00Z';
const FIC_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials';
const GITHUB = 'https://token.actions.githubusercontent.com';
const UAMI_RESOURCE = '/subscriptions/00000000-0000-0000-0000-0000000000b1/resourceGroups/rg-platform/providers/Microsoft.ManagedIdentity/userAssignedIdentities';
const DEPLOY = { name: 'uami-deploy', objectId: '00000000-0000-0000-0000-0000000000d1', appId: '00000000-0000-0000-0000-0000000000d2' };
const BACKUP = { name: 'uami-backup', objectId: '00000000-0000-0000-0000-0000000000e1', appId: '00000000-0000-0000-0000-0000000000e2' };

/** A federated identity credential as ARM returns it (issuer and subject under properties). */
function fic(identity: typeof DEPLOY, name: string, issuer: string, subject: string, type = FIC_TYPE): Record<string, unknown> {
  return { id: `${UAMI_RESOURCE}/${identity.name}/federatedIdentityCredentials/${name}`, name, type, properties: { issuer, subject, audiences: ['api://AzureADTokenExchange'] } };
}

/** One AzADServicePrincipalInsights row: the identity's state at one run. */
function snapshot(identity: typeof DEPLOY, time: string, credentials: readonly Record<string, unknown>[]): Record<string, unknown> {
  return {
    TimeGenerated: time,
    ObjectId: identity.objectId,
    ObjectType: 'SP MI',
    SP: [{ SPObjectId: identity.objectId, SPAppId: identity.appId, SPDisplayName: identity.name }],
    ManagedIdentityFederatedIdentityCredentials: credentials,
    SPAADRoleAssignments: [],
    SPAppRoleAssignments: [{ AppRolePermission: 'User.Read.All', AppRoleAssignmentResourceDisplayName: 'Microsoft Graph' }],
    SPAzureRoleAssignments: [],
    SPAppRoleAssignedTo: [],
    SPOwnedObjects: [],
  };
}

export const uamiWithFederatedCredentialsCases = defineHuntingTests(uamiWithFederatedCredentials, [
  {
    name: 'each federated credential of the latest snapshot is listed with its issuer and subject; one removed since is not',
    description: 'The 20 February run still had credential "legacy"; the 1 March run no longer has it.',
    now: NOW,
    tables: {
      AzADServicePrincipalInsights_CL: [
        snapshot(DEPLOY, '2026-02-20T03:00:00Z', [fic(DEPLOY, 'github-main', GITHUB, 'repo:contoso/app:ref:refs/heads/main'), fic(DEPLOY, 'legacy', 'https://oidc.contoso.example', 'system:serviceaccount:ci:deployer')]),
        snapshot(DEPLOY, '2026-03-01T03:00:00Z', [fic(DEPLOY, 'github-main', GITHUB, 'repo:contoso/app:ref:refs/heads/main')]),
      ],
    },
    expect: {
      rows: 1,
      includes: [
        {
          SnapshotTime: '2026-03-01T03:00:00.0000000Z',
          ManagedIdentityName: 'uami-deploy',
          ServicePrincipalObjectId: DEPLOY.objectId,
          ManagedIdentityAppId: DEPLOY.appId,
          FederatedCredentialName: 'github-main',
          FederatedCredentialId: `${UAMI_RESOURCE}/uami-deploy/federatedIdentityCredentials/github-main`,
          Issuer: GITHUB,
          Subject: 'repo:contoso/app:ref:refs/heads/main',
          Audiences: '["api://AzureADTokenExchange"]',
          SPAppRoleAssignments: [{ AppRolePermission: 'User.Read.All', AppRoleAssignmentResourceDisplayName: 'Microsoft Graph' }],
        },
      ],
    },
  },
  {
    name: 'only federatedIdentityCredentials entries count (type matched case-insensitively); an identity without any is not listed',
    now: NOW,
    tables: {
      AzADServicePrincipalInsights_CL: [
        snapshot(DEPLOY, '2026-03-01T03:00:00Z', [
          fic(DEPLOY, 'github-main', GITHUB, 'repo:contoso/app:environment:prod', FIC_TYPE.toLowerCase()),
          fic(DEPLOY, 'not-a-credential', GITHUB, 'repo:contoso/app:ref:refs/heads/dev', 'Microsoft.ManagedIdentity/userAssignedIdentities'),
        ]),
        snapshot(BACKUP, '2026-03-01T03:00:00Z', []),
      ],
    },
    expect: { rows: 1, includes: [{ ManagedIdentityName: 'uami-deploy', FederatedCredentialName: 'github-main', Subject: 'repo:contoso/app:environment:prod' }] },
  },
  {
    name: 'an export that flattens the credential (issuer and subject at the top level) is read too',
    now: NOW,
    tables: {
      AzADServicePrincipalInsights_CL: [
        snapshot(BACKUP, '2026-03-01T03:00:00Z', [
          { id: `${UAMI_RESOURCE}/uami-backup/federatedIdentityCredentials/aks`, name: 'aks', type: FIC_TYPE, issuer: 'https://oidc.aks.contoso.example/00000000-0000-0000-0000-0000000000a1/', subject: 'system:serviceaccount:backup:agent', audiences: ['api://AzureADTokenExchange'] },
        ]),
      ],
    },
    expect: { rows: 1, includes: [{ ManagedIdentityName: 'uami-backup', FederatedCredentialName: 'aks', Issuer: 'https://oidc.aks.contoso.example/00000000-0000-0000-0000-0000000000a1/', Subject: 'system:serviceaccount:backup:agent', Audiences: '["api://AzureADTokenExchange"]' }] },
  },
  {
    name: 'an identity whose last snapshot is older than 14 days is not listed',
    now: NOW,
    tables: {
      AzADServicePrincipalInsights_CL: [
        snapshot(BACKUP, '2026-02-15T03:00:00Z', [fic(BACKUP, 'github-main', GITHUB, 'repo:contoso/backup:ref:refs/heads/main')]),
        snapshot(DEPLOY, '2026-02-17T03:00:00Z', [fic(DEPLOY, 'github-main', GITHUB, 'repo:contoso/app:ref:refs/heads/main')]),
      ],
    },
    expect: { rows: 1, includes: [{ ManagedIdentityName: 'uami-deploy', SnapshotTime: '2026-02-17T03:00:00.0000000Z' }] },
  },
]);

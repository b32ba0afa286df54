import { defineHuntingTests } from 'sentinel-cac';
import { federatedCredentialsWithUntrustedIssuer } from './federated-credentials-with-untrusted-issuer';

const NOW = '2026-03-02T12:00:00Z';
const FIC_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials';
const GITHUB = 'https://token.actions.githubusercontent.com';
const ROGUE = 'https://roadoidc.contoso-attacker.example';
const UAMI_RESOURCE = '/subscriptions/00000000-0000-0000-0000-0000000000b1/resourceGroups/rg-platform/providers/Microsoft.ManagedIdentity/userAssignedIdentities';
const DEPLOY = { name: 'uami-deploy', objectId: '00000000-0000-0000-0000-0000000000d1' };
const BACKUP = { name: 'uami-backup', objectId: '00000000-0000-0000-0000-0000000000e1' };
const TRUST_GITHUB = { FicTrustedIssuers: [{ Issuer: GITHUB, Description: 'GitHub Actions OIDC' }] };

function fic(identity: typeof DEPLOY, name: string, issuer: string, subject = 'repo:contoso/app:ref:refs/heads/main', type = FIC_TYPE): Record<string, unknown> {
  return { id: `${UAMI_RESOURCE}/${identity.name}/federatedIdentityCredentials/${name}`, name, type, properties: { issuer, subject, audiences: ['api://AzureADTokenExchange'] } };
}

/** One AzADServicePrincipalInsights row: the identity's state at one run. */
function snapshot(identity: typeof DEPLOY, time: string, credentials: readonly Record<string, unknown>[]): Record<string, unknown> {
  return {
    TimeGenerated: time,
    ObjectId: identity.objectId,
    ObjectType: 'SP MI',
    SP: [{ SPObjectId: identity.objectId, SPAppId: '00000000-0000-0000-0000-0000000000a1', SPDisplayName: identity.name }],
    ManagedIdentityFederatedIdentityCredentials: credentials,
    SPAADRoleAssignments: [{ roleDefinitionName: 'Directory Readers', roleIsCritical: false }],
    SPAppRoleAssignments: [],
    SPAzureRoleAssignments: [{ roleName: 'Owner', roleIsCritical: true }, { roleName: 'Reader', roleIsCritical: false }],
  };
}

export const federatedCredentialsWithUntrustedIssuerCases = defineHuntingTests(federatedCredentialsWithUntrustedIssuer, [
  {
    name: 'a credential with an unknown issuer is reported; a trusted one is not, even with a trailing slash or another case',
    now: NOW,
    tables: {
      AzADServicePrincipalInsights_CL: [
        snapshot(DEPLOY, '2026-03-01T03:00:00Z', [
          fic(DEPLOY, 'github-main', GITHUB),
          fic(DEPLOY, 'github-slash', `${GITHUB}/`),
          fic(DEPLOY, 'github-upper', 'HTTPS://Token.Actions.GitHubUserContent.com'),
          fic(DEPLOY, 'backdoor', ROGUE, 'attacker'),
        ]),
      ],
    },
    watchlists: TRUST_GITHUB,
    expect: {
      rows: 1,
      includes: [
        {
          SnapshotTime: '2026-03-01T03:00:00.0000000Z',
          ManagedIdentityName: 'uami-deploy',
          ServicePrincipalObjectId: DEPLOY.objectId,
          FederatedCredentialName: 'backdoor',
          FederatedCredentialId: `${UAMI_RESOURCE}/uami-deploy/federatedIdentityCredentials/backdoor`,
          Issuer: ROGUE,
          Subject: 'attacker',
          Audiences: '["api://AzureADTokenExchange"]',
          EntraRoleCount: 1,
          AppRoleCount: 0,
          AzureRoleCount: 2,
        },
      ],
    },
  },
  {
    name: 'a watchlist entry with a trailing slash, padding or upper case still trusts the issuer',
    now: NOW,
    tables: { AzADServicePrincipalInsights_CL: [snapshot(DEPLOY, '2026-03-01T03:00:00Z', [fic(DEPLOY, 'github-main', GITHUB), fic(DEPLOY, 'backdoor', ROGUE)])] },
    watchlists: { FicTrustedIssuers: [{ Issuer: ' HTTPS://TOKEN.ACTIONS.GITHUBUSERCONTENT.COM/ ', Description: 'typed loosely' }, { Issuer: '', Description: 'blank row' }] },
    expect: { rows: 1, includes: [{ FederatedCredentialName: 'backdoor', Issuer: ROGUE }] },
  },
  {
    name: 'an empty watchlist trusts nothing, so every federated credential is reported (other resource types are not)',
    now: NOW,
    tables: {
      AzADServicePrincipalInsights_CL: [
        snapshot(DEPLOY, '2026-03-01T03:00:00Z', [fic(DEPLOY, 'github-main', GITHUB), fic(DEPLOY, 'not-a-credential', ROGUE, 'x', 'Microsoft.ManagedIdentity/userAssignedIdentities')]),
        snapshot(BACKUP, '2026-03-01T03:00:00Z', [fic(BACKUP, 'aks', 'https://oidc.aks.contoso.example/00000000-0000-0000-0000-0000000000a1/', 'system:serviceaccount:backup:agent')]),
      ],
    },
    watchlists: { FicTrustedIssuers: [] },
    expect: {
      rows: 2,
      includes: [
        { ManagedIdentityName: 'uami-deploy', FederatedCredentialName: 'github-main', Issuer: GITHUB },
        { ManagedIdentityName: 'uami-backup', FederatedCredentialName: 'aks', Subject: 'system:serviceaccount:backup:agent' },
      ],
    },
  },
  {
    name: "with the project's watchlist rows GitHub and the example Azure DevOps issuer are trusted; an untrusted credential removed since an older snapshot is not reported",
    description: 'No watchlist override: watchlists/fic-trusted-issuers.csv. uami-deploy had the rogue credential on 20 February, not on 1 March.',
    now: NOW,
    tables: {
      AzADServicePrincipalInsights_CL: [
        snapshot(DEPLOY, '2026-02-20T03:00:00Z', [fic(DEPLOY, 'github-main', GITHUB), fic(DEPLOY, 'backdoor', ROGUE)]),
        snapshot(DEPLOY, '2026-03-01T03:00:00Z', [fic(DEPLOY, 'github-main', GITHUB), fic(DEPLOY, 'ado', 'https://vstoken.dev.azure.com/00000000-0000-0000-0000-0000000000c1', 'sc://contoso/app/deploy')]),
        snapshot(BACKUP, '2026-03-01T03:00:00Z', [fic(BACKUP, 'other-ado', 'https://vstoken.dev.azure.com/00000000-0000-0000-0000-0000000000c9', 'sc://fabrikam/app/deploy')]),
      ],
    },
    expect: { rows: 1, includes: [{ ManagedIdentityName: 'uami-backup', FederatedCredentialName: 'other-ado', Issuer: 'https://vstoken.dev.azure.com/00000000-0000-0000-0000-0000000000c9' }] },
  },
]);

import { defineHuntingTests } from 'sentinel-cac';
import { criticalEntraRolesOnUamiWithFederatedCredentials } from './critical-entra-roles-on-uami-with-federated-credentials';

const NOW = '2026-03-02T12:00:00Z';
const FIC_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials';
const GITHUB = 'https://token.actions.githubusercontent.com';
const UAMI_RESOURCE = '/subscriptions/00000000-0000-0000-0000-0000000000b1/resourceGroups/rg-platform/providers/Microsoft.ManagedIdentity/userAssignedIdentities';
const DEPLOY = { name: 'uami-deploy', objectId: '00000000-0000-0000-0000-0000000000d1' };
const BACKUP = { name: 'uami-backup', objectId: '00000000-0000-0000-0000-0000000000e1' };

/** Entra ID role assignments as AzADSPI lists them; roleIsCritical is its classification. */
const GLOBAL_ADMIN = { roleDefinitionName: 'Global Administrator', roleDefinitionId: '62e90394-69f5-4237-9190-012177145e10', resourceScope: '/', roleDefinitionDescription: 'Can manage all aspects of Microsoft Entra ID.', roleIsCritical: true };
const PRIVILEGED_ROLE_ADMIN = { roleDefinitionName: 'Privileged Role Administrator', roleDefinitionId: 'e8611ab8-c189-46e8-94e1-60213ab1f814', resourceScope: '/', roleDefinitionDescription: 'Can manage role assignments in Microsoft Entra ID.', roleIsCritical: true };
const DIRECTORY_READERS = { roleDefinitionName: 'Directory Readers', roleDefinitionId: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', resourceScope: '/', roleDefinitionDescription: 'Can read basic directory information.', roleIsCritical: false };

function fic(identity: typeof DEPLOY, name: string, subject: string, type = FIC_TYPE): Record<string, unknown> {
  return { id: `${UAMI_RESOURCE}/${identity.name}/federatedIdentityCredentials/${name}`, name, type, properties: { issuer: GITHUB, subject, audiences: ['api://AzureADTokenExchange'] } };
}

/** One AzADServicePrincipalInsights row: the identity's state at one run. */
function snapshot(identity: typeof DEPLOY, time: string, credentials: readonly Record<string, unknown>[], entraRoles: readonly Record<string, unknown>[]): Record<string, unknown> {
  return {
    TimeGenerated: time,
    ObjectId: identity.objectId,
    ObjectType: 'SP MI',
    SP: [{ SPObjectId: identity.objectId, SPAppId: '00000000-0000-0000-0000-0000000000a1', SPDisplayName: identity.name }],
    ManagedIdentityFederatedIdentityCredentials: credentials,
    SPAADRoleAssignments: entraRoles,
    SPAppRoleAssignments: [],
    SPAzureRoleAssignments: [],
  };
}

export const criticalEntraRolesOnUamiWithFederatedCredentialsCases = defineHuntingTests(criticalEntraRolesOnUamiWithFederatedCredentials, [
  {
    name: 'a critical Entra ID role on an identity with a federated credential is listed; a non-critical role is not',
    now: NOW,
    tables: {
      AzADServicePrincipalInsights_CL: [snapshot(DEPLOY, '2026-03-01T03:00:00Z', [fic(DEPLOY, 'github-main', 'repo:contoso/app:ref:refs/heads/main')], [GLOBAL_ADMIN, DIRECTORY_READERS])],
    },
    expect: {
      rows: 1,
      includes: [
        {
          SnapshotTime: '2026-03-01T03:00:00.0000000Z',
          ManagedIdentityName: 'uami-deploy',
          ServicePrincipalObjectId: DEPLOY.objectId,
          RoleName: 'Global Administrator',
          RoleDefinitionId: '62e90394-69f5-4237-9190-012177145e10',
          RoleScope: '/',
          RoleDescription: 'Can manage all aspects of Microsoft Entra ID.',
          FederatedCredentialName: 'github-main',
          FederatedCredentialId: `${UAMI_RESOURCE}/uami-deploy/federatedIdentityCredentials/github-main`,
          Issuer: GITHUB,
          Subject: 'repo:contoso/app:ref:refs/heads/main',
        },
      ],
    },
  },
  {
    name: 'one row per federated credential and critical role (roleIsCritical as boolean or text)',
    now: NOW,
    tables: {
      AzADServicePrincipalInsights_CL: [
        snapshot(
          DEPLOY,
          '2026-03-01T03:00:00Z',
          [fic(DEPLOY, 'github-main', 'repo:contoso/app:ref:refs/heads/main'), fic(DEPLOY, 'github-prod', 'repo:contoso/app:environment:prod')],
          [GLOBAL_ADMIN, { ...PRIVILEGED_ROLE_ADMIN, roleIsCritical: 'True' }],
        ),
      ],
    },
    expect: {
      rows: 4,
      includes: [
        { RoleName: 'Global Administrator', FederatedCredentialName: 'github-main' },
        { RoleName: 'Global Administrator', FederatedCredentialName: 'github-prod' },
        { RoleName: 'Privileged Role Administrator', FederatedCredentialName: 'github-main' },
        { RoleName: 'Privileged Role Administrator', FederatedCredentialName: 'github-prod', Subject: 'repo:contoso/app:environment:prod' },
      ],
    },
  },
  {
    name: 'a critical role on an identity without a federated credential is not listed',
    description: 'uami-backup holds Global Administrator but its only entry is not a federatedIdentityCredentials resource.',
    now: NOW,
    tables: {
      AzADServicePrincipalInsights_CL: [
        snapshot(BACKUP, '2026-03-01T03:00:00Z', [fic(BACKUP, 'not-a-credential', 'repo:contoso/backup:ref:refs/heads/main', 'Microsoft.ManagedIdentity/userAssignedIdentities')], [GLOBAL_ADMIN]),
        snapshot(DEPLOY, '2026-03-01T03:00:00Z', [], [GLOBAL_ADMIN]),
      ],
    },
    expect: { rows: 0 },
  },
  {
    name: 'a critical role or credential removed since an older snapshot is not listed',
    description: 'The latest run per identity wins: uami-deploy lost Global Administrator, uami-backup lost its credential.',
    now: NOW,
    tables: {
      AzADServicePrincipalInsights_CL: [
        snapshot(DEPLOY, '2026-02-22T03:00:00Z', [fic(DEPLOY, 'github-main', 'repo:contoso/app:ref:refs/heads/main')], [GLOBAL_ADMIN]),
        snapshot(DEPLOY, '2026-03-01T03:00:00Z', [fic(DEPLOY, 'github-main', 'repo:contoso/app:ref:refs/heads/main')], [DIRECTORY_READERS]),
        snapshot(BACKUP, '2026-02-22T03:00:00Z', [fic(BACKUP, 'github-main', 'repo:contoso/backup:ref:refs/heads/main')], [PRIVILEGED_ROLE_ADMIN]),
        snapshot(BACKUP, '2026-03-01T03:00:00Z', [], [PRIVILEGED_ROLE_ADMIN]),
      ],
    },
    expect: { rows: 0 },
  },
]);

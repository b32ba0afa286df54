import { defineHuntingTests } from 'sentinel-cac';
import { privilegedUamiWithFederatedCredentials } from './privileged-uami-with-federated-credentials';

const NOW = '2026-03-02T12:00:00Z';
const FIC_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials';
const GITHUB = 'https://token.actions.githubusercontent.com';
const AKS = 'https://oidc.aks.contoso.example/00000000-0000-0000-0000-0000000000a1/';
const SUBSCRIPTION_SCOPE = '/subscriptions/00000000-0000-0000-0000-0000000000b1';
const UAMI_RESOURCE = `${SUBSCRIPTION_SCOPE}/resourceGroups/rg-platform/providers/Microsoft.ManagedIdentity/userAssignedIdentities`;
const DEPLOY = { name: 'uami-deploy', objectId: '00000000-0000-0000-0000-0000000000d1', appId: '00000000-0000-0000-0000-0000000000d2' };
const BACKUP = { name: 'uami-backup', objectId: '00000000-0000-0000-0000-0000000000e1', appId: '00000000-0000-0000-0000-0000000000e2' };

/** Privileges as AzADSPI lists them, with its own critical classification. */
const GRAPH_ROLE_MANAGEMENT = { AppRolePermission: 'RoleManagement.ReadWrite.Directory', AppRoleAssignmentResourceDisplayName: 'Microsoft Graph', AppRolePermissionSensitivity: 'critical' };
const GRAPH_USER_READ = { AppRolePermission: 'User.Read.All', AppRoleAssignmentResourceDisplayName: 'Microsoft Graph', AppRolePermissionSensitivity: '' };
const OWNER = { roleName: 'Owner', roleAssignmentAssignmentScopeId: SUBSCRIPTION_SCOPE, roleIsCritical: true };
const READER = { roleName: 'Reader', roleAssignmentAssignmentScopeId: SUBSCRIPTION_SCOPE, roleIsCritical: false };
const DIRECTORY_READERS = { roleDefinitionName: 'Directory Readers', resourceScope: '/', roleIsCritical: false };

interface Privileges {
  readonly appRoles?: readonly Record<string, unknown>[];
  readonly azureRoles?: readonly Record<string, unknown>[];
  readonly entraRoles?: readonly Record<string, unknown>[];
}

function fic(identity: typeof DEPLOY, name: string, issuer: string, subject: string): Record<string, unknown> {
  return { id: `${UAMI_RESOURCE}/${identity.name}/federatedIdentityCredentials/${name}`, name, type: FIC_TYPE, properties: { issuer, subject, audiences: ['api://AzureADTokenExchange'] } };
}

/** One AzADServicePrincipalInsights row: the identity's state at one run. */
function snapshot(identity: typeof DEPLOY, time: string, credentials: readonly Record<string, unknown>[], privileges: Privileges): Record<string, unknown> {
  return {
    TimeGenerated: time,
    ObjectId: identity.objectId,
    ObjectType: 'SP MI',
    SP: [{ SPObjectId: identity.objectId, SPAppId: identity.appId, SPDisplayName: identity.name }],
    ManagedIdentityFederatedIdentityCredentials: credentials,
    SPAppRoleAssignments: privileges.appRoles ?? [],
    SPAzureRoleAssignments: privileges.azureRoles ?? [],
    SPAADRoleAssignments: privileges.entraRoles ?? [],
  };
}

const DEPLOY_CREDENTIALS = [fic(DEPLOY, 'github-main', GITHUB, 'repo:contoso/app:ref:refs/heads/main'), fic(DEPLOY, 'aks-deployer', AKS, 'system:serviceaccount:ci:deployer')];
const DEPLOY_SUMMARY = {
  ManagedIdentityName: 'uami-deploy',
  ServicePrincipalObjectId: DEPLOY.objectId,
  ManagedIdentityAppId: DEPLOY.appId,
  FederatedCredentialCount: 2,
  FederatedCredentialIssuers: [GITHUB, AKS],
  FederatedCredentialSubjects: ['repo:contoso/app:ref:refs/heads/main', 'system:serviceaccount:ci:deployer'],
};

export const privilegedUamiWithFederatedCredentialsCases = defineHuntingTests(privilegedUamiWithFederatedCredentials, [
  {
    name: 'each app role, Azure role and Entra ID role of an identity with federated credentials is one row, with AzADSPI critical flags',
    now: NOW,
    tables: {
      AzADServicePrincipalInsights_CL: [
        snapshot(DEPLOY, '2026-03-01T03:00:00Z', DEPLOY_CREDENTIALS, { appRoles: [GRAPH_ROLE_MANAGEMENT, GRAPH_USER_READ], azureRoles: [OWNER, READER], entraRoles: [DIRECTORY_READERS] }),
      ],
    },
    expect: {
      rows: 5,
      includes: [
        { ...DEPLOY_SUMMARY, SnapshotTime: '2026-03-01T03:00:00.0000000Z', PrivilegeType: 'AppRole', PrivilegeName: 'RoleManagement.ReadWrite.Directory', PrivilegeScope: 'Microsoft Graph', IsCritical: true },
        { ...DEPLOY_SUMMARY, PrivilegeType: 'AppRole', PrivilegeName: 'User.Read.All', IsCritical: false },
        { ...DEPLOY_SUMMARY, PrivilegeType: 'AzureRole', PrivilegeName: 'Owner', PrivilegeScope: SUBSCRIPTION_SCOPE, IsCritical: true },
        { ...DEPLOY_SUMMARY, PrivilegeType: 'AzureRole', PrivilegeName: 'Reader', IsCritical: false },
        { ...DEPLOY_SUMMARY, PrivilegeType: 'EntraRole', PrivilegeName: 'Directory Readers', PrivilegeScope: '/', IsCritical: false },
      ],
    },
  },
  {
    name: 'a privileged identity without a federated credential and an identity with a credential but no privileges are not listed',
    now: NOW,
    tables: {
      AzADServicePrincipalInsights_CL: [
        snapshot(BACKUP, '2026-03-01T03:00:00Z', [], { appRoles: [GRAPH_ROLE_MANAGEMENT], azureRoles: [OWNER] }),
        snapshot(DEPLOY, '2026-03-01T03:00:00Z', DEPLOY_CREDENTIALS, {}),
      ],
    },
    expect: { rows: 0 },
  },
  {
    name: 'privileges and credentials removed since an older snapshot are not listed',
    description: 'The latest run per identity wins: uami-deploy lost Owner, uami-backup lost its only credential.',
    now: NOW,
    tables: {
      AzADServicePrincipalInsights_CL: [
        snapshot(DEPLOY, '2026-02-22T03:00:00Z', DEPLOY_CREDENTIALS, { azureRoles: [OWNER, READER] }),
        snapshot(DEPLOY, '2026-03-01T03:00:00Z', DEPLOY_CREDENTIALS, { azureRoles: [READER] }),
        snapshot(BACKUP, '2026-02-22T03:00:00Z', [fic(BACKUP, 'github-main', GITHUB, 'repo:contoso/backup:ref:refs/heads/main')], { azureRoles: [OWNER] }),
        snapshot(BACKUP, '2026-03-01T03:00:00Z', [], { azureRoles: [OWNER] }),
      ],
    },
    expect: { rows: 1, includes: [{ ...DEPLOY_SUMMARY, SnapshotTime: '2026-03-01T03:00:00.0000000Z', PrivilegeType: 'AzureRole', PrivilegeName: 'Reader', IsCritical: false }] },
  },
]);

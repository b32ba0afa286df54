import { defineHuntingQuery, kqlFile } from 'sentinel-cac';

/**
 * The article's AzADSPI example 3, with its filter corrected to what its title asks for: critical
 * (not non-critical) Entra ID roles. The reasoning is in the .kql header.
 */
export const criticalEntraRolesOnUamiWithFederatedCredentials = defineHuntingQuery({
  id: '6acd54d6-3ae0-49a3-ae43-2f3d8dae0e8b',
  version: '1.0.0',
  name: 'Critical Entra ID roles on user-assigned managed identities with federated credentials (AzADSPI)',
  description:
    'Lists the critical Entra ID directory roles held by user-assigned managed identities that have a federated identity credential, one row per credential and role, with the issuer and subject the credential trusts. The source article\'s example filters roleIsCritical == false although its title asks for critical roles; this query keeps roleIsCritical == true, the title\'s intent: a critical directory role on an identity that an external identity provider can sign in as is a backdoor, usable by whoever controls the trusted issuer or can add a federated credential through Azure RBAC, with no secret and no Entra ID permission. roleIsCritical is the AzADServicePrincipalInsights (AzADSPI) classification. Read from the latest AzADSPI snapshot per identity within 14 days (custom table AzADServicePrincipalInsights_CL, ingested by the AzADSPI script; no Sentinel data connector feeds it).',
  tactics: ['Persistence', 'PrivilegeEscalation'],
  techniques: ['T1098.001', 'T1078.004'],
  // No Sentinel data connector feeds this table: AzADSPI's own script ingests it through the Logs
  // Ingestion API, so there is no connector id to declare (an invented one would fail Sentinel's CI).
  requiredDataConnectors: [],
  query: kqlFile('./critical-entra-roles-on-uami-with-federated-credentials.kql'),
  entityMappings: [
    {
      entityType: 'Account',
      fieldMappings: [
        { identifier: 'AadUserId', columnName: 'ServicePrincipalObjectId' },
        { identifier: 'Name', columnName: 'ManagedIdentityName' },
      ],
    },
    { entityType: 'AzureResource', fieldMappings: [{ identifier: 'ResourceId', columnName: 'FederatedCredentialId' }] },
  ],
  tags: ['federated-credentials'],
});

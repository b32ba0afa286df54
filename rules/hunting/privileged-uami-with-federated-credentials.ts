import { defineHuntingQuery, kqlFile } from 'sentinel-cac';

/** The article's AzADSPI example 2, one row per privilege so that critical ones sort first. */
export const privilegedUamiWithFederatedCredentials = defineHuntingQuery({
  id: '29d0e54f-a5a4-4dc0-8ebd-444fefce0817',
  version: '1.0.0',
  name: 'Privileged user-assigned managed identities with federated credentials (AzADSPI)',
  description:
    'Lists the application permissions (app roles), Azure RBAC roles and Entra ID roles held by user-assigned managed identities that have a federated identity credential, one row per privilege, with the issuers and subjects the identity trusts. Whoever controls a trusted issuer, or can add a federated credential to the identity (Azure RBAC, not Entra ID), can use these privileges without any secret. IsCritical is the AzADServicePrincipalInsights (AzADSPI) classification (critical app roles, Azure roles that can write role assignments, Entra ID roles marked critical); critical privileges sort first, and OnlyCriticalPrivileges = true keeps only them. Read from the latest AzADSPI snapshot per identity within 14 days (custom table AzADServicePrincipalInsights_CL, ingested by the AzADSPI script; no Sentinel data connector feeds it).',
  tactics: ['Persistence', 'PrivilegeEscalation'],
  techniques: ['T1098.001', 'T1078.004'],
  // No Sentinel data connector feeds this table: AzADSPI's own script ingests it through the Logs
  // Ingestion API, so there is no connector id to declare (an invented one would fail Sentinel's CI).
  requiredDataConnectors: [],
  query: kqlFile('./privileged-uami-with-federated-credentials.kql'),
  entityMappings: [
    {
      entityType: 'Account',
      fieldMappings: [
        { identifier: 'AadUserId', columnName: 'ServicePrincipalObjectId' },
        { identifier: 'Name', columnName: 'ManagedIdentityName' },
      ],
    },
  ],
  tags: ['federated-credentials'],
});

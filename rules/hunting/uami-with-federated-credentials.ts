import { defineHuntingQuery, kqlFile } from 'sentinel-cac';

/** The article's AzADSPI example 1: the inventory of UAMI federated credentials and what they trust. */
export const uamiWithFederatedCredentials = defineHuntingQuery({
  id: 'd3d3731b-24d9-4d54-8c50-e45d70664565',
  version: '1.0.0',
  name: 'User-assigned managed identities with federated credentials (AzADSPI inventory)',
  description:
    'Lists every user-assigned managed identity that has a federated identity credential, one row per credential, with the issuer, subject and audiences it trusts and the identity\'s Entra ID roles, app roles, Azure roles and owned objects. Read from the latest AzADServicePrincipalInsights (AzADSPI) snapshot per identity within 14 days (custom table AzADServicePrincipalInsights_CL, ingested by the AzADSPI script through the Logs Ingestion API; no Sentinel data connector feeds it). A federated credential lets an external identity provider obtain tokens for the identity, so each row is a trust relationship to review: is the issuer yours, and is the subject the workload you expect?',
  tactics: ['Persistence'],
  techniques: ['T1098.001'],
  // No Sentinel data connector feeds this table: AzADSPI's own script ingests it through the Logs
  // Ingestion API, so there is no connector id to declare (an invented one would fail Sentinel's CI).
  requiredDataConnectors: [],
  query: kqlFile('./uami-with-federated-credentials.kql'),
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

import { defineHuntingQuery, kqlFile } from 'sentinel-cac';

/**
 * The hunting counterpart of the Azure Policy "approved federation sources" audit the article
 * recommends: issuers outside the tenant's allow-list (watchlist FicTrustedIssuers).
 */
export const federatedCredentialsWithUntrustedIssuer = defineHuntingQuery({
  id: 'd4cde9d7-fc35-4c38-ab9d-1364447c091c',
  version: '1.0.0',
  name: 'Federated credentials on managed identities trusting an unapproved issuer (AzADSPI)',
  description:
    'Lists federated identity credentials on user-assigned managed identities whose issuer is not in watchlist FicTrustedIssuers (column Issuer), with the subject and audiences they trust and how many Entra ID, app and Azure roles the identity holds. Such a credential lets an identity provider you have not approved, such as a self-hosted OIDC issuer, a foreign Kubernetes cluster or another organization\'s CI system, obtain tokens for the identity. Issuers are compared case-insensitively and ignoring a trailing slash; an empty watchlist trusts nothing, so every credential is listed. Read from the latest AzADServicePrincipalInsights (AzADSPI) snapshot per identity within 14 days (custom table AzADServicePrincipalInsights_CL, ingested by the AzADSPI script; no Sentinel data connector feeds it).',
  tactics: ['Persistence'],
  techniques: ['T1098.001'],
  // No Sentinel data connector feeds this table: AzADSPI's own script ingests it through the Logs
  // Ingestion API, so there is no connector id to declare (an invented one would fail Sentinel's CI).
  requiredDataConnectors: [],
  query: kqlFile('./federated-credentials-with-untrusted-issuer.kql'),
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

import { defineHuntingQuery, kqlFile } from 'sentinel-cac';

/**
 * The article notes that federated-credential writes are also audited in Defender XDR's
 * CloudAuditEvents and CloudAppEvents; this is the hunt over those two tables.
 */
export const federatedCredentialChangesInDefenderXdr = defineHuntingQuery({
  id: '3391a9ce-856a-41f3-bd27-5074ea81436c',
  version: '1.0.1',
  name: 'Federated credential writes and deletes on managed identities seen in Defender XDR',
  description:
    'Lists writes (MICROSOFT.MANAGEDIDENTITY/USERASSIGNEDIDENTITIES/FEDERATEDIDENTITYCREDENTIALS/WRITE) and deletes of federated identity credentials on user-assigned managed identities from the Defender XDR tables CloudAuditEvents and CloudAppEvents, with the caller, IP address, identity and credential name (Operation column: Write or Delete). Useful where AzureActivity is not collected, or to cross-check it; neither table carries the credential\'s issuer or subject, so pair the results with the AzADSPI inventory. Confirmed from public queries over these tables: CloudAuditEvents.OperationName holds the ARM operation name and RawEventData.principalOid / applicationId the caller; in CloudAppEvents, Azure operations have Application "Microsoft Azure" and the ARM operation name in RawEventData.operationName. Not confirmed: the exact ActionType text CloudAppEvents gives federated-credential operations (matched on "FederatedIdentityCredentials" only as a fallback), and whether CloudAppEvents RawEventData.resourceId is always set (ObjectId is the fallback). Operation names are compared case-insensitively. Default window: 7 days.',
  tactics: ['Persistence'],
  techniques: ['T1098.001'],
  requiredDataConnectors: [
    { connectorId: 'MicrosoftThreatProtection', dataTypes: ['CloudAppEvents', 'CloudAuditEvents'] },
  ],
  query: kqlFile('./federated-credential-changes-in-defender-xdr.kql'),
  entityMappings: [
    {
      entityType: 'Account',
      fieldMappings: [
        { identifier: 'AadUserId', columnName: 'CallerObjectId' },
        { identifier: 'DisplayName', columnName: 'CallerName' },
      ],
    },
    { entityType: 'IP', fieldMappings: [{ identifier: 'Address', columnName: 'IPAddress' }] },
    { entityType: 'AzureResource', fieldMappings: [{ identifier: 'ResourceId', columnName: 'ResourceId' }] },
  ],
  tags: ['federated-credentials'],
});

import { defineHuntingQuery, kqlFile } from 'sentinel-cac';

/**
 * The article's token-UTI pivot, driven by a watchlist instead of a hard-coded identity name: what
 * did the tokens of a suspected managed identity do in Azure, even after its federated credential
 * was removed.
 */
export const uamiTokenActivityPivot = defineHuntingQuery({
  id: '4849f010-d7ae-4031-8a2b-90058c230df3',
  version: '1.0.0',
  name: 'Azure activity performed with tokens of managed identities under investigation',
  description:
    'Lists every Azure Resource Manager operation (AzureActivity) performed with an access token that Entra ID issued to a managed identity listed in watchlist FicInvestigatedIdentities (display name or service principal object id). The sign-in and the operation are joined on the token\'s unique identifier (AADManagedIdentitySignInLogs.UniqueTokenIdentifier = AzureActivity claim uti). This matters after a federated credential abuse: managed identity tokens live up to 24 hours, managed identities do not support continuous access evaluation, and removing the federated credential does not revoke tokens already issued, so the attacker can keep acting until the token expires. Default window: 7 days of activity, with sign-ins read one day further back so that tokens issued before the window still match.',
  tactics: ['DefenseEvasion', 'LateralMovement', 'Persistence'],
  techniques: ['T1550.001', 'T1078.004'],
  requiredDataConnectors: [
    { connectorId: 'AzureActiveDirectory', dataTypes: ['AADManagedIdentitySignInLogs'] },
    { connectorId: 'AzureActivity', dataTypes: ['AzureActivity'] },
  ],
  query: kqlFile('./uami-token-activity-pivot.kql'),
  entityMappings: [
    {
      entityType: 'Account',
      fieldMappings: [
        { identifier: 'AadUserId', columnName: 'ManagedIdentityObjectId' },
        { identifier: 'Name', columnName: 'ManagedIdentityName' },
      ],
    },
    { entityType: 'AzureResource', fieldMappings: [{ identifier: 'ResourceId', columnName: 'ResourceId' }] },
    { entityType: 'IP', fieldMappings: [{ identifier: 'Address', columnName: 'CallerIpAddress' }] },
  ],
  tags: ['federated-credentials'],
});

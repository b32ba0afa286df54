import { defineHuntingQuery, kqlFile } from 'sentinel-cac';

/** Which federated credentials are actually used, from where, and for which resource. */
export const signInsWithFederatedCredentials = defineHuntingQuery({
  id: '6ff47128-f558-4238-88aa-bf12170cfe78',
  version: '1.0.0',
  name: 'Workload identity sign-ins that used a federated credential',
  description:
    'Summarizes the sign-ins of service principals and managed identities that presented a federated identity credential (FederatedCredentialId is set), per identity, credential, source IP address, resource and result, with first and last seen times. Use it to find credentials used from unexpected addresses, for unexpected resources, or failing repeatedly: the external token behind such a sign-in is issued outside the tenant, by the identity provider the credential trusts. Reads AADServicePrincipalSignInLogs and AADManagedIdentitySignInLogs (column SignInLog tells which); both tables have the FederatedCredentialId column, but the source article (2024) found neither that id nor the IP address filled in managed identity sign-ins, so their rows may be few. Default window: 7 days.',
  tactics: ['InitialAccess', 'DefenseEvasion', 'LateralMovement'],
  techniques: ['T1078.004', 'T1550.001'],
  requiredDataConnectors: [
    { connectorId: 'AzureActiveDirectory', dataTypes: ['AADServicePrincipalSignInLogs', 'AADManagedIdentitySignInLogs'] },
  ],
  query: kqlFile('./sign-ins-with-federated-credentials.kql'),
  entityMappings: [
    {
      entityType: 'Account',
      fieldMappings: [
        { identifier: 'AadUserId', columnName: 'ServicePrincipalId' },
        { identifier: 'Name', columnName: 'ServicePrincipalName' },
      ],
    },
    { entityType: 'IP', fieldMappings: [{ identifier: 'Address', columnName: 'IPAddress' }] },
  ],
  tags: ['federated-credentials'],
});

import { defineAnalyticsRule, kqlFile, kqlTimespan } from 'sentinel-cac';

/**
 * After Cloud-Architekt's "Unauthorized actor has been added Federated Credential on User-Assigned
 * Managed Identity", with its defects fixed (see the .kql): a write without a matching sign-in no
 * longer becomes High, an empty risk filter no longer drops every row, the hierarchy is read under
 * one name, and the Account entity carries the caller's object id and UPN.
 */
export const unauthorizedFicOnUami = defineAnalyticsRule({
  id: '9e9a52b2-0fd7-4e46-be5c-191c737cd2f7',
  version: '1.0.1',
  name: 'Unauthorized actor added a federated credential to a user-assigned managed identity',
  description:
    'A principal that is not on the allow-list (watchlists FicAuthorizedActors, FicAuthorizedGroups, FicAuthorizedRoles) added or changed a federated identity credential on a user-assigned managed identity in a monitored scope (watchlist FicMonitoredScopes; empty = all). A federated credential lets an external identity provider obtain tokens for the managed identity, a persistent backdoor that survives password and secret rotation. Severity is raised to High when the sign-in behind the caller\'s token was rated risky by Entra ID Protection.',
  severity: 'Medium',
  tactics: ['Persistence', 'PrivilegeEscalation'],
  techniques: ['T1098.001', 'T1078.004'],
  requiredDataConnectors: [
    { connectorId: 'AzureActivity', dataTypes: ['AzureActivity'] },
    { connectorId: 'AzureActiveDirectory', dataTypes: ['SigninLogs', 'AADNonInteractiveUserSignInLogs', 'AADServicePrincipalSignInLogs', 'AADRiskyServicePrincipals'] },
    { connectorId: 'BehaviorAnalytics', dataTypes: ['IdentityInfo'] },
  ],
  query: kqlFile('./unauthorized-fic-on-uami.kql', {
    // The rule runs hourly; the AzureActivity window matches, so each write alerts once.
    DetectionWindow: kqlTimespan('1h'),
    RaiseSeverityOnRiskLevels: ['low', 'medium', 'high'],
    // Empty: alert whatever the sign-in risk. E.g. ['medium', 'high'] alerts only on risky callers.
    OnlyRiskLevels: [],
  }),
  // 14 days so the IdentityInfo group lookup sees the latest snapshot; events are windowed in the query.
  queryFrequency: '1h',
  queryPeriod: '14d',
  trigger: { operator: 'GreaterThan', threshold: 0 },
  suppression: { enabled: false, duration: '5h' },
  eventGrouping: 'AlertPerResult',
  entityMappings: [
    {
      entityType: 'Account',
      fieldMappings: [
        { identifier: 'AadUserId', columnName: 'CallerObjectId' },
        { identifier: 'FullName', columnName: 'CallerUpn' },
      ],
    },
    { entityType: 'IP', fieldMappings: [{ identifier: 'Address', columnName: 'CallerIpAddress' }] },
    { entityType: 'AzureResource', fieldMappings: [{ identifier: 'ResourceId', columnName: 'ResourceId' }] },
  ],
  customDetails: {
    ManagedIdentity: 'ManagedIdentityName',
    FederatedCredential: 'FederatedCredentialName',
    ScopeHierarchy: 'ScopeHierarchy',
    CallerRole: 'CallerRole',
    SignInRiskLevel: 'SignInRiskLevel',
    TokenId: 'UniqueTokenIdentifier',
  },
  alertDetailsOverride: {
    alertDisplayNameFormat: 'Federated credential added to {{ManagedIdentityName}} by unauthorized {{Caller}}',
    alertDescriptionFormat:
      '{{Caller}} added federated credential {{FederatedCredentialName}} to a user-assigned managed identity. Check the credential issuer and subject, and whether the caller was expected to make this change.',
    alertSeverityColumnName: 'AlertSeverity',
  },
  incidentConfiguration: {
    createIncident: true,
    grouping: {
      enabled: true,
      reopenClosedIncident: false,
      lookbackDuration: '1d',
      matchingMethod: 'Selected',
      groupByEntities: ['Account'],
    },
  },
  tags: ['federated-credentials'],
});

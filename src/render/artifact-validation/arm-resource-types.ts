/**
 * The ARM resource types the build emits, spelt as the Sentinel portal and watchlist templates spell them.
 * ARM compares types case-insensitively, but the schemas compare exactly so that every file in dist/ is spelt
 * one way.
 */
export const ARM_RESOURCE_TYPES = {
  alertRule: 'Microsoft.OperationalInsights/workspaces/providers/alertRules',
  watchlist: 'Microsoft.OperationalInsights/workspaces/providers/Watchlists',
  savedSearch: 'Microsoft.OperationalInsights/workspaces/savedSearches',
  contentMetadata: 'Microsoft.OperationalInsights/workspaces/providers/metadata',
} as const;

/** The deployment-template `$schema` the portal export writes. */
export const ARM_DEPLOYMENT_TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** The only api-version SavedSearches_OperationalInsights_2020-08-01.json describes (and @azure/arm-operationalinsights 9 uses). */
export const SAVED_SEARCH_API_VERSION = '2020-08-01';

/** The alert-rule kinds the build emits: the query-based ones, which are the only kinds with rule templates. */
export const ALERT_RULE_KINDS = ['Scheduled', 'NRT'] as const;

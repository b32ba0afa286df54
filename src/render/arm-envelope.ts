/** The deployment-template envelope the Sentinel portal exports and imports. */
export const DEPLOYMENT_TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

export const ALERT_RULE_API_VERSION = '2023-12-01-preview';
export const WATCHLIST_API_VERSION = '2025-09-01';
export const SAVED_SEARCH_API_VERSION = '2020-08-01';

export const ALERT_RULE_RESOURCE_TYPE = 'Microsoft.OperationalInsights/workspaces/providers/alertRules';
export const WATCHLIST_RESOURCE_TYPE = 'Microsoft.OperationalInsights/workspaces/providers/Watchlists';
export const SAVED_SEARCH_RESOURCE_TYPE = 'Microsoft.OperationalInsights/workspaces/savedSearches';

export type ArmResource = Record<string, unknown>;

export function deploymentTemplate(resources: readonly ArmResource[]): Record<string, unknown> {
  return {
    $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: { workspace: { type: 'String' } },
    resources,
  };
}

/** `[concat(parameters('workspace'),'/Microsoft.SecurityInsights/<name>')]`, as the portal writes it. */
export function securityInsightsName(name: string): string {
  return `[concat(parameters('workspace'),'/Microsoft.SecurityInsights/${name}')]`;
}

export function securityInsightsId(collection: 'alertRules' | 'Watchlists', name: string): string {
  return `[concat(resourceId('Microsoft.OperationalInsights/workspaces/providers', parameters('workspace'), 'Microsoft.SecurityInsights'),'/${collection}/${name}')]`;
}

export function savedSearchName(id: string): string {
  return `[concat(parameters('workspace'),'/${id}')]`;
}

export function savedSearchId(id: string): string {
  return `[resourceId('Microsoft.OperationalInsights/workspaces/savedSearches', parameters('workspace'), '${id}')]`;
}

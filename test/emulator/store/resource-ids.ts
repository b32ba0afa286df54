/** ARM resource ids and types of the resources the emulator serves. */
import { matchRoute, type ResourceTypeName, type WorkspaceScope } from '../router';

export const ARM_RESOURCE_TYPE: Readonly<Record<ResourceTypeName, string>> = {
  alertRules: 'Microsoft.SecurityInsights/alertRules',
  watchlists: 'Microsoft.SecurityInsights/Watchlists',
  watchlistItems: 'Microsoft.SecurityInsights/Watchlists/WatchlistItems',
  metadata: 'Microsoft.SecurityInsights/metadata',
  savedSearches: 'Microsoft.OperationalInsights/savedSearches',
  tables: 'Microsoft.OperationalInsights/workspaces/tables',
};

export function workspaceResourceId(scope: WorkspaceScope): string {
  return `/subscriptions/${scope.subscriptionId}/resourceGroups/${scope.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${scope.workspace}`;
}

export function resourceId(type: ResourceTypeName, scope: WorkspaceScope, name: string, parentName?: string): string {
  const si = `${workspaceResourceId(scope)}/providers/Microsoft.SecurityInsights`;
  switch (type) {
    case 'alertRules':
      return `${si}/alertRules/${name}`;
    case 'watchlists':
      return `${si}/watchlists/${name}`;
    case 'watchlistItems':
      if (!parentName) throw new Error('A watchlist item id needs the watchlist alias');
      return `${si}/watchlists/${parentName}/watchlistItems/${name}`;
    case 'metadata':
      return `${si}/metadata/${name}`;
    case 'savedSearches':
      // Log Analytics spells the segment in lower case, in its paths and in the ids it returns.
      return `/subscriptions/${scope.subscriptionId}/resourcegroups/${scope.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${scope.workspace}/savedSearches/${name}`;
    case 'tables':
      // As in the spec's examples (TablesList.json): `resourcegroups` in lower case.
      return `/subscriptions/${scope.subscriptionId}/resourcegroups/${scope.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${scope.workspace}/tables/${name}`;
  }
}

export interface ParsedResourceId {
  readonly type: ResourceTypeName;
  readonly scope: WorkspaceScope;
  readonly name: string;
  readonly parentName?: string;
}

/** Parses an id of one of the served resource types (case-insensitively); throws naming the id otherwise. */
export function parseResourceId(id: string): ParsedResourceId {
  const route = matchRoute(id.split('?')[0]);
  if (!route || !route.name) {
    throw new Error(`${id}: not the id of an alert rule, watchlist, watchlist item, metadata item, saved search or table`);
  }
  return { type: route.resourceType, scope: route.scope, name: route.name, parentName: route.parentName };
}

/** Helpers to build ids in tests: `ids.alertRule(scope, ruleId)` etc. */
export const ids = {
  workspace: workspaceResourceId,
  alertRule: (scope: WorkspaceScope, ruleId: string) => resourceId('alertRules', scope, ruleId),
  watchlist: (scope: WorkspaceScope, alias: string) => resourceId('watchlists', scope, alias),
  watchlistItem: (scope: WorkspaceScope, alias: string, itemId: string) => resourceId('watchlistItems', scope, itemId, alias),
  metadata: (scope: WorkspaceScope, name: string) => resourceId('metadata', scope, name),
  savedSearch: (scope: WorkspaceScope, savedSearchId: string) => resourceId('savedSearches', scope, savedSearchId),
  table: (scope: WorkspaceScope, tableName: string) => resourceId('tables', scope, tableName),
};

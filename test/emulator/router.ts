/**
 * Matches a request path to a resource route. ARM paths are case-insensitive (the Operational
 * Insights SDK sends `resourcegroups`, the Security Insights SDK `resourceGroups`), so every fixed
 * segment is compared without case, and names keep the casing the client sent.
 */
import type { ApiFamily } from './openapi/spec-catalog';

export type ResourceTypeName = 'alertRules' | 'watchlists' | 'watchlistItems' | 'metadata' | 'savedSearches' | 'tables';

export const RESOURCE_TYPES: readonly ResourceTypeName[] = ['alertRules', 'watchlists', 'watchlistItems', 'metadata', 'savedSearches', 'tables'];

export interface WorkspaceScope {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly workspace: string;
}

export interface RouteMatch {
  readonly family: ApiFamily;
  readonly resourceType: ResourceTypeName;
  readonly scope: WorkspaceScope;
  /** Watchlist alias for watchlist items. */
  readonly parentName?: string;
  /** The item name; undefined for a collection (list) request. */
  readonly name?: string;
  /** The spec's path template for this route, `{}` for parameters (see normalizeTemplate). */
  readonly template: string;
  /** The type segment as ARM names it in errors, e.g. `workspaces/alertRules`. */
  readonly armType: string;
}

const WS = '/subscriptions/{}/resourcegroups/{}/providers/microsoft.operationalinsights/workspaces/{}';
const SI = `${WS}/providers/microsoft.securityinsights`;

function eq(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** Returns undefined when the path is not one the emulator serves. */
export function matchRoute(pathname: string): RouteMatch | undefined {
  const s = pathname.split('/').filter((p) => p !== '').map((p) => decodeURIComponent(p));
  if (!(eq(s[0], 'subscriptions') && eq(s[2], 'resourceGroups') && eq(s[4], 'providers') && eq(s[5], 'Microsoft.OperationalInsights') && eq(s[6], 'workspaces'))) {
    return undefined;
  }
  if (!s[1] || !s[3] || !s[7]) return undefined;
  const scope: WorkspaceScope = { subscriptionId: s[1], resourceGroup: s[3], workspace: s[7] };
  const rest = s.slice(8);
  if (eq(rest[0], 'savedSearches') && rest.length <= 2) {
    return { family: 'operationalInsights', resourceType: 'savedSearches', scope, name: rest[1], template: `${WS}/savedsearches${rest[1] ? '/{}' : ''}`, armType: 'workspaces/savedSearches' };
  }
  if (eq(rest[0], 'tables') && rest.length <= 2) {
    return { family: 'operationalInsights', resourceType: 'tables', scope, name: rest[1], template: `${WS}/tables${rest[1] ? '/{}' : ''}`, armType: 'workspaces/tables' };
  }
  if (!(eq(rest[0], 'providers') && eq(rest[1], 'Microsoft.SecurityInsights'))) return undefined;
  const [type, name, sub, subName, ...extra] = rest.slice(2);
  if (extra.length > 0) return undefined;
  if (eq(type, 'alertRules') && !sub) {
    return { family: 'securityInsights', resourceType: 'alertRules', scope, name, template: `${SI}/alertrules${name ? '/{}' : ''}`, armType: 'alertRules' };
  }
  if (eq(type, 'metadata') && !sub) {
    return { family: 'securityInsights', resourceType: 'metadata', scope, name, template: `${SI}/metadata${name ? '/{}' : ''}`, armType: 'metadata' };
  }
  if (eq(type, 'watchlists') && !sub) {
    return { family: 'securityInsights', resourceType: 'watchlists', scope, name, template: `${SI}/watchlists${name ? '/{}' : ''}`, armType: 'watchlists' };
  }
  if (eq(type, 'watchlists') && name && eq(sub, 'watchlistItems')) {
    return {
      family: 'securityInsights',
      resourceType: 'watchlistItems',
      scope,
      parentName: name,
      name: subName,
      template: `${SI}/watchlists/{}/watchlistitems${subName ? '/{}' : ''}`,
      armType: 'watchlists/watchlistItems',
    };
  }
  return undefined;
}

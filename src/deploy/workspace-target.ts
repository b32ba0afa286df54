/** One Sentinel workspace to plan against and deploy to. */
export interface WorkspaceTarget {
  /** The environment's name from the config, or "workspace" when named by flags. */
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly workspace: string;
}

export type ContentKind = 'AnalyticsRule' | 'HuntingQuery' | 'Function' | 'Watchlist';

function workspacePath(t: WorkspaceTarget): string {
  return `/subscriptions/${t.subscriptionId}/resourceGroups/${t.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${t.workspace}`;
}

/** The full ARM id of a content item, as Sentinel metadata records it in `parentId`. */
export function contentResourceId(target: WorkspaceTarget, kind: ContentKind, name: string): string {
  switch (kind) {
    case 'AnalyticsRule':
      return `${workspacePath(target)}/providers/Microsoft.SecurityInsights/alertRules/${name}`;
    case 'Watchlist':
      return `${workspacePath(target)}/providers/Microsoft.SecurityInsights/watchlists/${name}`;
    case 'HuntingQuery':
    case 'Function':
      return `${workspacePath(target)}/savedSearches/${name}`;
  }
}

/**
 * The kind and name a metadata `parentId` points at, if it is content of this workspace. Hunting
 * queries and functions are both saved searches: the metadata's own kind tells them apart.
 */
export function parseContentResourceId(target: WorkspaceTarget, id: string, metadataKind?: string): { kind: ContentKind; name: string } | undefined {
  const prefix = workspacePath(target).toLowerCase();
  const lower = id.toLowerCase();
  if (!lower.startsWith(`${prefix}/`)) return undefined;
  const rest = id.slice(prefix.length + 1).split('/');
  if (rest.length === 4 && rest[0].toLowerCase() === 'providers' && rest[1].toLowerCase() === 'microsoft.securityinsights') {
    if (rest[2].toLowerCase() === 'alertrules') return { kind: 'AnalyticsRule', name: rest[3] };
    if (rest[2].toLowerCase() === 'watchlists') return { kind: 'Watchlist', name: rest[3] };
  }
  if (rest.length === 2 && rest[0].toLowerCase() === 'savedsearches') return { kind: metadataKind === FUNCTION_METADATA_KIND ? 'Function' : 'HuntingQuery', name: rest[1] };
  return undefined;
}

/** Sentinel's content metadata kind for a workspace function (a parser). */
export const FUNCTION_METADATA_KIND = 'Parser';

/** The content metadata `kind` of our kind of content. */
export function metadataKindOf(kind: ContentKind): string {
  return kind === 'Function' ? FUNCTION_METADATA_KIND : kind;
}

/** "AnalyticsRule:<guid>" in lower case: how live and desired content are matched. */
export function contentKey(kind: ContentKind, name: string): string {
  return `${kind}:${name.toLowerCase()}`;
}

export function describeTarget(t: WorkspaceTarget): string {
  return `${t.name} (${t.subscriptionId}/${t.resourceGroup}/${t.workspace})`;
}

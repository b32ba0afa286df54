/**
 * What a workspace holds now, read with one paged LIST per resource type (and one per watchlist
 * for its items), never one GET per resource.
 */
import type { OperationalInsightsManagementClient, SavedSearch } from '@azure/arm-operationalinsights';
import type { AlertRuleUnion, MetadataModel, SecurityInsights, Watchlist, WatchlistItem } from '@azure/arm-securityinsight';
import { isSentinelCacMetadata } from './ownership-metadata';
import { parseContentResourceId, type WorkspaceTarget } from './workspace-target';

export interface DeployClients {
  readonly sentinel: SecurityInsights;
  readonly logAnalytics: OperationalInsightsManagementClient;
}

export interface LiveState {
  /** Keyed by lower-case resource name. */
  readonly rules: ReadonlyMap<string, AlertRuleUnion>;
  /** Hunting queries and workspace functions alike. */
  readonly searches: ReadonlyMap<string, SavedSearch>;
  readonly watchlists: ReadonlyMap<string, Watchlist>;
  /** Items of the watchlists we deploy or own, keyed by lower-case alias. */
  readonly items: ReadonlyMap<string, readonly WatchlistItem[]>;
  /** sentinel-cac metadata (of any project) that points at content of this workspace. */
  readonly metadata: readonly MetadataModel[];
}

/** Sentinel Repositories and Content hub write metadata too; we read only SourceRepository items. */
export const METADATA_FILTER = "properties/source/kind eq 'SourceRepository'";

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function byName<T extends { name?: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.filter((i) => i.name).map((i) => [i.name!.toLowerCase(), i]));
}

async function listMetadata(clients: DeployClients, t: WorkspaceTarget): Promise<MetadataModel[]> {
  try {
    return await collect(clients.sentinel.metadata.list(t.resourceGroup, t.workspace, { filter: METADATA_FILTER }));
  } catch (e) {
    // A service that does not take the filter gets the unfiltered list; we filter here anyway.
    if ((e as { statusCode?: number }).statusCode !== 400) throw e;
    return collect(clients.sentinel.metadata.list(t.resourceGroup, t.workspace));
  }
}

/** `watchlistAliases`: lower-case aliases the code deploys (their items are read if they exist). */
export async function readLiveState(clients: DeployClients, t: WorkspaceTarget, watchlistAliases: ReadonlySet<string>): Promise<LiveState> {
  const [rules, searches, watchlists, allMetadata] = await Promise.all([
    collect(clients.sentinel.alertRules.list(t.resourceGroup, t.workspace)),
    clients.logAnalytics.savedSearches.listByWorkspace(t.resourceGroup, t.workspace).then((r) => r.value ?? []),
    collect(clients.sentinel.watchlists.list(t.resourceGroup, t.workspace)),
    listMetadata(clients, t),
  ]);
  const metadata = allMetadata.filter((m) => isSentinelCacMetadata(m) && m.parentId && parseContentResourceId(t, m.parentId, m.kind));
  const owned = metadata.map((m) => parseContentResourceId(t, m.parentId!)).filter((p) => p?.kind === 'Watchlist').map((p) => p!.name.toLowerCase());
  const liveWatchlists = byName(watchlists);
  const itemAliases = [...new Set([...watchlistAliases, ...owned])].filter((a) => liveWatchlists.has(a));
  const items = new Map<string, WatchlistItem[]>();
  await Promise.all(
    itemAliases.map(async (alias) => {
      const name = liveWatchlists.get(alias)!.name!;
      items.set(alias, await collect(clients.sentinel.watchlistItems.list(t.resourceGroup, t.workspace, name)));
    }),
  );
  return { rules: byName(rules), searches: byName(searches), watchlists: liveWatchlists, items, metadata };
}

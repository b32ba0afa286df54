/** The writes for one plan entry: the resource first, then its ownership record. */
import type { SavedSearch } from '@azure/arm-operationalinsights';
import type { AlertRuleUnion, MetadataModel, Watchlist, WatchlistItem } from '@azure/arm-securityinsight';
import { contentHash } from './canonical-json';
import type { PlanEntry } from './deploy-plan';
import type { DesiredFunction, DesiredRule, DesiredSearch, DesiredWatchlist } from './desired-state';
import type { DeployClients } from './live-state';
import { metadataName, ownershipMetadata } from './ownership-metadata';
import { comparableAlertRule } from './sdk-alert-rule';
import { comparableSavedSearch } from './sdk-saved-search';
import { comparableItem, itemKey, watchlistContentHash } from './sdk-watchlist';
import { contentResourceId, type WorkspaceTarget } from './workspace-target';

export interface WriteContext {
  readonly clients: DeployClients;
  readonly target: WorkspaceTarget;
  readonly sourceId: string;
  /** Counts the writes (PUT, PATCH, DELETE) made, for the summary. */
  wrote(n?: number): void;
}

async function recordOwnership(entry: PlanEntry, ctx: WriteContext, desiredHash: string, deployedHash: string, etag: string | undefined, pendingHash?: string): Promise<MetadataModel> {
  const { target, clients } = ctx;
  const d = entry.desired!;
  const name = entry.ownership?.metadata.name ?? metadataName(d.kind, d.name);
  const body = ownershipMetadata({
    kind: d.kind,
    parentId: contentResourceId(target, d.kind, d.name),
    contentId: d.name,
    version: d.version,
    record: { sourceId: ctx.sourceId, desiredHash, deployedHash, ...(pendingHash && { pendingHash }) },
    etag,
  });
  ctx.wrote();
  return clients.sentinel.metadata.create(target.resourceGroup, target.workspace, name, body);
}

export async function writeRule(entry: PlanEntry, ctx: WriteContext): Promise<void> {
  const d = entry.desired as DesiredRule;
  const { resourceGroup: rg, workspace: ws } = ctx.target;
  let deployed = entry.live as AlertRuleUnion | undefined;
  if (!entry.metadataOnly) {
    let etag = deployed?.etag;
    if (deployed && deployed.kind !== d.body.kind) {
      // Sentinel cannot change a rule's kind in place (Scheduled <-> NRT): replace it.
      ctx.wrote();
      await ctx.clients.sentinel.alertRules.delete(rg, ws, d.name);
      etag = undefined;
    }
    ctx.wrote();
    deployed = await ctx.clients.sentinel.alertRules.createOrUpdate(rg, ws, d.name, { ...d.body, ...(etag && { etag }) } as AlertRuleUnion);
  }
  await recordOwnership(entry, ctx, d.hash, contentHash(comparableAlertRule(deployed!)), entry.ownership?.metadata.etag);
}

/** A hunting query or a workspace function: both are saved searches. */
export async function writeSearch(entry: PlanEntry, ctx: WriteContext): Promise<void> {
  const d = entry.desired as DesiredSearch | DesiredFunction;
  let deployed = entry.live as SavedSearch | undefined;
  if (!entry.metadataOnly) {
    // Log Analytics wants the current etag to update a saved search: the one read when planning.
    ctx.wrote();
    deployed = await ctx.clients.logAnalytics.savedSearches.createOrUpdate(ctx.target.resourceGroup, ctx.target.workspace, d.name, { ...d.body, ...(deployed?.etag && { etag: deployed.etag }) });
  }
  await recordOwnership(entry, ctx, d.hash, contentHash(comparableSavedSearch(deployed!)), entry.ownership?.metadata.etag);
}

/**
 * Creates or updates a watchlist. The first upload carries its rows inline when they fit; any
 * other row change goes item by item. Before a multi-request item sync the ownership record is
 * marked `pending`, so a run that dies half-way is finished by the next one instead of being
 * reported as a portal edit.
 */
export async function writeWatchlist(entry: PlanEntry, ctx: WriteContext, runItems: <T>(fns: (() => Promise<T>)[]) => Promise<T[]>): Promise<void> {
  const d = entry.desired as DesiredWatchlist;
  const { resourceGroup: rg, workspace: ws } = ctx.target;
  const sentinel = ctx.clients.sentinel;
  const items = entry.items!;
  let settings = entry.live as Watchlist | undefined;
  let metadataEtag = entry.ownership?.metadata.etag;
  let current: WatchlistItem[] = [...items.kept];

  if (!entry.metadataOnly) {
    if (!settings) {
      const inline = items.upload === 'inline' && d.rows.length > 0;
      ctx.wrote();
      settings = await sentinel.watchlists.createOrUpdate(rg, ws, d.name, { ...d.body, ...(inline && { rawContent: d.csv }) });
      if (inline) current = await collect(sentinel.watchlistItems.list(rg, ws, d.name));
    } else if (entry.changes.length > 0) {
      ctx.wrote();
      settings = await sentinel.watchlists.createOrUpdate(rg, ws, d.name, { ...d.body, ...(settings.etag && { etag: settings.etag }) });
    }
    const itemWrites = items.upload === 'inline' ? [] : items.changes;
    if (itemWrites.length > 0) {
      const pending = await recordOwnership(entry, ctx, entry.ownership?.record?.desiredHash ?? d.hash, entry.ownership?.record?.deployedHash ?? d.hash, metadataEtag, d.hash);
      metadataEtag = pending.etag;
      const written = await runItems(
        itemWrites.map((change) => async () => {
          ctx.wrote();
          if (change.action === 'delete') {
            await sentinel.watchlistItems.delete(rg, ws, d.name, change.itemId);
            return undefined;
          }
          const body: WatchlistItem = { itemsKeyValue: { ...change.values }, ...(change.etag && { etag: change.etag }) };
          return sentinel.watchlistItems.createOrUpdate(rg, ws, d.name, change.itemId, body);
        }),
      );
      current = [...current, ...written.filter((w): w is NonNullable<typeof w> => w !== undefined)];
    }
  }
  const keyed = (entry.metadataOnly ? (items.kept as WatchlistItem[]) : current).map((i) => ({ key: itemKey(i, d.searchKey), comparable: comparableItem(i) }));
  await recordOwnership(entry, ctx, d.hash, watchlistContentHash(settings!, keyed), metadataEtag);
}

export async function deleteContent(entry: PlanEntry, ctx: WriteContext): Promise<void> {
  const { resourceGroup: rg, workspace: ws } = ctx.target;
  if (entry.live) {
    ctx.wrote();
    if (entry.kind === 'AnalyticsRule') await ctx.clients.sentinel.alertRules.delete(rg, ws, entry.name);
    else if (entry.kind === 'HuntingQuery' || entry.kind === 'Function') await ctx.clients.logAnalytics.savedSearches.delete(rg, ws, entry.name);
    else await ctx.clients.sentinel.watchlists.delete(rg, ws, entry.name);
  }
  ctx.wrote();
  await ctx.clients.sentinel.metadata.delete(rg, ws, entry.ownership!.metadata.name!);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/**
 * The plan: a pure function of the desired state and the live state. It compares three things
 * per content item: the code (desired hash), the live resource (its hash now) and the ownership
 * record (the hashes written at the last deploy).
 */
import { contentHash, sameContent } from './canonical-json';
import type { DeployPlan, ItemsPlan, LiveResource, PlanEntry } from './deploy-plan';
import type { DesiredContent, DesiredState, DesiredWatchlist } from './desired-state';
import type { LiveState } from './live-state';
import { type OwnedMetadata, readOwnership } from './ownership-metadata';
import { firstUploadPlan, syncItemsPlan } from './plan-watchlist-items';
import { diffProperties } from './property-diff';
import { comparableAlertRule } from './sdk-alert-rule';
import { comparableSavedSearch } from './sdk-saved-search';
import { comparableItem, comparableWatchlist, itemKey, watchlistContentHash } from './sdk-watchlist';
import { type ContentKind, contentKey, parseContentResourceId, type WorkspaceTarget } from './workspace-target';

export interface PlanOptions {
  readonly target: WorkspaceTarget;
  readonly sourceId: string;
  readonly prune: boolean;
  readonly force: boolean;
  /** Rows up to this CSV size go inline in the first PUT (default Sentinel's 3.8 MB). */
  readonly inlineUploadMaxBytes?: number;
}

interface Observed {
  readonly live?: LiveResource;
  /** Comparable form of the live resource (watchlists: settings only). */
  readonly comparable?: Record<string, unknown>;
  /** Hash comparable with the ownership record's deployedHash. */
  readonly hash?: string;
  readonly items?: ItemsPlan;
}

export function computePlan(desired: DesiredState, live: LiveState, options: PlanOptions): DeployPlan {
  const metadata = metadataByContent(live, options.target);
  const entries: PlanEntry[] = [];
  const desiredKeys = new Set<string>();
  for (const d of [...desired.watchlists, ...desired.functions, ...desired.rules, ...desired.searches]) {
    const key = contentKey(d.kind, d.name);
    desiredKeys.add(key);
    entries.push(planDesired(d, observe(d, live, options.inlineUploadMaxBytes), metadata.get(key) ?? [], options));
  }
  for (const [key, records] of metadata) {
    if (desiredKeys.has(key)) continue;
    const ours = records.find((r) => r.record?.sourceId === options.sourceId);
    if (ours) entries.push(planRemoved(ours, live, options));
  }
  return { target: options.target, sourceId: options.sourceId, prune: options.prune, force: options.force, entries, unowned: countUnowned(live, metadata) };
}

function metadataByContent(live: LiveState, target: WorkspaceTarget): Map<string, OwnedMetadata[]> {
  const out = new Map<string, OwnedMetadata[]>();
  for (const m of live.metadata) {
    const parent = parseContentResourceId(target, m.parentId!, m.kind)!;
    const key = contentKey(parent.kind, parent.name);
    out.set(key, [...(out.get(key) ?? []), readOwnership(m)]);
  }
  return out;
}

function observe(d: DesiredContent, live: LiveState, inlineMaxBytes?: number): Observed {
  const name = d.name.toLowerCase();
  if (d.kind === 'AnalyticsRule') {
    const r = live.rules.get(name);
    return r ? { live: r, comparable: comparableAlertRule(r), hash: contentHash(comparableAlertRule(r)) } : {};
  }
  if (d.kind === 'HuntingQuery' || d.kind === 'Function') {
    const s = live.searches.get(name);
    return s ? { live: s, comparable: comparableSavedSearch(s), hash: contentHash(comparableSavedSearch(s)) } : {};
  }
  const w = live.watchlists.get(name);
  if (!w) return { items: firstUploadPlan(d, inlineMaxBytes) };
  const items = live.items.get(name) ?? [];
  return {
    live: w,
    comparable: comparableWatchlist(w),
    hash: watchlistContentHash(w, items.map((i) => ({ key: itemKey(i, d.searchKey), comparable: comparableItem(i) }))),
    items: syncItemsPlan(d, items),
  };
}

/** The live resource already is what the code describes (settings, and rows for a watchlist). */
function matchesCode(d: DesiredContent, o: Observed): boolean {
  if (!o.live || !sameContent(o.comparable, d.comparable)) return false;
  return d.kind !== 'Watchlist' || (o.items?.changes.length ?? 0) === 0;
}

function planDesired(d: DesiredContent, o: Observed, records: readonly OwnedMetadata[], options: PlanOptions): PlanEntry {
  const ownership = records.find((r) => r.record?.sourceId === options.sourceId);
  const base = {
    kind: d.kind, name: d.name, displayName: d.displayName, notes: d.notes, desired: d, live: o.live, ownership,
    dependsOn: d.kind === 'Watchlist' ? [] : [...d.reads.map((alias) => contentKey('Watchlist', alias)), ...d.calls.map((fn) => contentKey('Function', fn))],
    drifted: false, metadataOnly: false,
    ...(d.kind === 'Watchlist' && o.items && { items: o.items }),
  };
  const changes = o.live ? diffProperties(o.comparable, d.comparable) : [];
  const entry = (action: PlanEntry['action'], reason: string, extra: Partial<PlanEntry> = {}): PlanEntry => ({ ...base, action, reason, changes, ...extra });
  if (!ownership) {
    const foreign = records.find((r) => r.record);
    if (foreign) return entry('blocked', `${what(d.kind)} is deployed by another sentinel-cac project (sourceId "${foreign.record!.sourceId}"); not touching it`);
    if (!o.live) return entry('create', `new ${what(d.kind)}`);
    if (adoptable(d, o)) return entry('update', 'exists with the same content but without an ownership record (a deploy stopped before writing it); recording ownership', { metadataOnly: matchesCode(d, o) });
    return entry('blocked', `${d.kind === 'AnalyticsRule' ? 'an' : 'a'} ${what(d.kind)} with this ${identity(d.kind)} exists in the workspace but was not deployed by sentinel-cac; not overwriting it`);
  }
  const record = ownership.record;
  if (!o.live) return entry('create', `${what(d.kind)} was deleted outside sentinel-cac since the last deploy; creating it again`);
  if (!record) return entry(options.force ? 'update' : 'drifted', 'its ownership record cannot be read (customVersion was changed)', { drifted: true });
  if (record.pendingHash) return entry('update', 'a previous deploy of this watchlist stopped part-way through its items; finishing it');
  if (o.hash !== record.deployedHash) {
    if (matchesCode(d, o)) return entry('update', 'matches the code, but its ownership record is stale (a deploy stopped before updating it); refreshing the record', { metadataOnly: true });
    if (options.force) return entry('update', 'edited outside sentinel-cac since the last deploy; overwriting because of --force', { drifted: true });
    return entry('drifted', 'edited outside sentinel-cac since the last deploy; not overwritten (use --force to replace the edit with the code)', { drifted: true });
  }
  if (record.desiredHash === d.hash) return entry('unchanged', 'matches the last deploy');
  return entry('update', 'changed in code since the last deploy', { metadataOnly: changes.length === 0 && (o.items?.changes.length ?? 0) === 0 });
}

/** Resource present, no record: ours if it holds what we would deploy (settings for a watchlist, whose rows are then synced). */
function adoptable(d: DesiredContent, o: Observed): boolean {
  return o.live !== undefined && sameContent(o.comparable, d.comparable);
}

function planRemoved(ownership: OwnedMetadata, live: LiveState, options: PlanOptions): PlanEntry {
  const parent = parseContentResourceId(options.target, ownership.metadata.parentId!, ownership.metadata.kind)!;
  const name = parent.name.toLowerCase();
  const resource: LiveResource | undefined = parent.kind === 'AnalyticsRule' ? live.rules.get(name) : parent.kind === 'Watchlist' ? live.watchlists.get(name) : live.searches.get(name);
  const displayName = (resource as { displayName?: string } | undefined)?.displayName ?? parent.name;
  const base = { kind: parent.kind, name: resource?.name ?? parent.name, displayName, notes: [], live: resource, ownership, dependsOn: [], metadataOnly: !resource, changes: [] };
  const hash = resource ? removedHash(parent.kind, resource, live.items.get(name)) : undefined;
  const drifted = resource !== undefined && ownership.record !== undefined && hash !== ownership.record.deployedHash && !ownership.record.pendingHash;
  if (!options.prune) return { ...base, drifted, metadataOnly: false, action: 'unchanged', reason: 'no longer in code (or not selected for this environment); kept, run with --prune to delete it' };
  if (drifted && !options.force) return { ...base, drifted, action: 'drifted', reason: 'no longer in code, but edited outside sentinel-cac since the last deploy; not deleted (use --force to delete it anyway)' };
  return { ...base, drifted, action: 'delete', reason: resource ? 'no longer in code; --prune deletes it' : 'already deleted; removing its ownership record' };
}

function removedHash(kind: ContentKind, resource: LiveResource, items: readonly import('@azure/arm-securityinsight').WatchlistItem[] | undefined): string {
  if (kind === 'AnalyticsRule') return contentHash(comparableAlertRule(resource as never));
  if (kind === 'HuntingQuery' || kind === 'Function') return contentHash(comparableSavedSearch(resource as never));
  const w = resource as DesiredWatchlist['body'];
  const key = w.itemsSearchKey ?? '';
  return watchlistContentHash(w, (items ?? []).map((i) => ({ key: itemKey(i, key), comparable: comparableItem(i) })));
}

function countUnowned(live: LiveState, metadata: Map<string, OwnedMetadata[]>): DeployPlan['unowned'] {
  const count = (kind: ContentKind, names: Iterable<string>): number => [...names].filter((n) => !metadata.has(contentKey(kind, n))).length;
  // A saved search with a function alias is a function (a solution's parser, say), not a hunting query.
  const searches = [...live.searches];
  const functions = searches.filter(([, s]) => s.functionAlias).map(([name]) => name);
  const hunting = searches.filter(([, s]) => !s.functionAlias).map(([name]) => name);
  return {
    AnalyticsRule: count('AnalyticsRule', live.rules.keys()),
    HuntingQuery: count('HuntingQuery', hunting),
    Function: count('Function', functions),
    Watchlist: count('Watchlist', live.watchlists.keys()),
  };
}

export function what(kind: ContentKind): string {
  return { AnalyticsRule: 'analytics rule', HuntingQuery: 'hunting query', Function: 'function', Watchlist: 'watchlist' }[kind];
}

/** What names content of a kind in its workspace. */
function identity(kind: ContentKind): string {
  return { AnalyticsRule: 'id', HuntingQuery: 'id', Function: 'name', Watchlist: 'alias' }[kind];
}

/** Item-level comparison of a watchlist's rows with its live items, by search key. */
import type { WatchlistItem } from '@azure/arm-securityinsight';
import { sameContent } from './canonical-json';
import type { ItemChange, ItemsPlan } from './deploy-plan';
import type { DesiredWatchlist } from './desired-state';
import { diffProperties } from './property-diff';
import { comparableItem, itemKey, watchlistItemId } from './sdk-watchlist';

/** Sentinel's limit for inline rawContent: 3.8 MB of UTF-8. Larger lists go through the items API. */
export const INLINE_UPLOAD_MAX_BYTES = Math.floor(3.8 * 1024 * 1024);

export function firstUploadPlan(d: DesiredWatchlist, inlineMaxBytes = INLINE_UPLOAD_MAX_BYTES): ItemsPlan {
  const upload = Buffer.byteLength(d.csv, 'utf8') < inlineMaxBytes ? 'inline' : 'items';
  return { upload, changes: d.rows.map((r) => ({ action: 'create', key: r.key, itemId: watchlistItemId(d.name, r.key), changes: [], values: r.values })), unchanged: 0, kept: [] };
}

/**
 * create: a row whose key no item has; update: an item whose row differs; delete: an item whose
 * key no row has, and any second item with the same key (a watchlist must not hold duplicates).
 */
export function syncItemsPlan(d: DesiredWatchlist, live: readonly WatchlistItem[]): ItemsPlan {
  const byKey = new Map<string, WatchlistItem[]>();
  for (const item of live) {
    const key = itemKey(item, d.searchKey);
    byKey.set(key, [...(byKey.get(key) ?? []), item]);
  }
  const liveIds = new Set(live.map((i) => i.name?.toLowerCase()));
  const changes: ItemChange[] = [];
  const kept: WatchlistItem[] = [];
  let unchanged = 0;
  for (const row of d.rows) {
    const [item, ...duplicates] = byKey.get(row.key) ?? [];
    byKey.delete(row.key);
    for (const dup of duplicates) changes.push({ action: 'delete', key: row.key, itemId: dup.name!, changes: [] });
    const desired = { itemsKeyValue: row.values };
    if (!item) {
      const derived = watchlistItemId(d.name, row.key);
      // A live item may already hold the derived id under another key (edited in the portal); it is deleted, so use a fresh id.
      const itemId = liveIds.has(derived) ? cryptoRandomId() : derived;
      changes.push({ action: 'create', key: row.key, itemId, changes: [], values: row.values });
    } else if (!sameContent(comparableItem(item), desired)) {
      changes.push({ action: 'update', key: row.key, itemId: item.name!, etag: item.etag, changes: diffProperties(comparableItem(item), desired), values: row.values });
    } else {
      unchanged += 1;
      kept.push(item);
    }
  }
  for (const [key, items] of byKey) for (const item of items) changes.push({ action: 'delete', key, itemId: item.name!, changes: [] });
  return { upload: 'none', changes, unchanged, kept };
}

function cryptoRandomId(): string {
  return globalThis.crypto.randomUUID();
}

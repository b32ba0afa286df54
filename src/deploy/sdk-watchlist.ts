/**
 * Watchlists and their items as @azure/arm-securityinsight sends them. A watchlist's rows are
 * items keyed by the search key column; the watchlist resource itself carries only its settings.
 */
import { createHash } from 'node:crypto';
import type { Watchlist, WatchlistItem } from '@azure/arm-securityinsight';
import type { WatchlistProps } from '../model/watchlist';
import { contentHash } from './canonical-json';
import { watchlistSettings } from '../render/arm-watchlist';

/** The settings of a watchlist (no rows): what is compared and what a settings update PUTs. */
export function sdkWatchlist(watchlist: WatchlistProps): Watchlist {
  return watchlistSettings(watchlist, 'Local file');
}

/**
 * Managed settings of a watchlist. contentType, sourceType and numberOfLinesToSkip describe an
 * upload rather than the list, so they are not compared.
 */
export function comparableWatchlist(w: Watchlist): Record<string, unknown> {
  return {
    displayName: w.displayName,
    description: w.description,
    provider: w.provider,
    source: w.source,
    itemsSearchKey: w.itemsSearchKey,
    labels: w.labels,
    defaultDuration: w.defaultDuration,
  };
}

/** An item's row, values as strings (CSV cells are strings; the service may hand back numbers). */
export function comparableItem(item: WatchlistItem): Record<string, unknown> {
  const row: Record<string, string> = {};
  for (const [k, v] of Object.entries(item.itemsKeyValue ?? {})) row[k] = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return { itemsKeyValue: row, entityMapping: item.entityMapping };
}

export function itemKey(item: WatchlistItem, searchKey: string): string {
  const value = item.itemsKeyValue?.[searchKey];
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The item id (a GUID) for a search-key value: derived from the alias and the key (UUID v5
 * layout over SHA-256), so a create that is retried or re-run after a crash writes the same item
 * instead of a duplicate.
 */
export function watchlistItemId(alias: string, key: string): string {
  const h = createHash('sha256').update(`${alias.toLowerCase()}\n${key}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface KeyedItem {
  readonly key: string;
  readonly comparable: Record<string, unknown>;
}

/** The hash of a watchlist's settings and all its rows, in search-key order. */
export function watchlistContentHash(settings: Watchlist, items: readonly KeyedItem[]): string {
  const rows = [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((i) => i.comparable);
  return contentHash({ watchlist: comparableWatchlist(settings), items: rows });
}

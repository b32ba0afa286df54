import type { WatchlistProps } from '../model/watchlist';
import { WATCHLIST_API_VERSION, WATCHLIST_RESOURCE_TYPE, securityInsightsName, type ArmResource } from './arm-envelope';

/** A watchlist resource with its rows inline (rawContent), the form `az deployment` and the portal accept. */
export function armWatchlistResource(watchlist: WatchlistProps, csv: string): ArmResource {
  return {
    name: securityInsightsName(watchlist.alias),
    type: WATCHLIST_RESOURCE_TYPE,
    apiVersion: WATCHLIST_API_VERSION,
    properties: { ...watchlistSettings(watchlist, 'Local'), rawContent: csv },
  };
}

/**
 * A watchlist's settings, without its rows, as ARM templates and the deploy step both send them.
 * Only the spelling of the local-file source differs between API versions: 2025-09-01 says
 * "Local", 2022-09-01-preview (the SDK's) says "Local file".
 */
export function watchlistSettings(watchlist: WatchlistProps, sourceType: 'Local' | 'Local file') {
  return {
    displayName: watchlist.displayName,
    description: watchlist.description,
    provider: watchlist.provider ?? 'Custom',
    source: `${watchlist.alias}.csv`,
    sourceType,
    itemsSearchKey: watchlist.searchKey,
    contentType: 'text/csv',
    numberOfLinesToSkip: 0,
    labels: [...(watchlist.labels ?? [])],
  };
}

import type { WatchlistProps } from '../model/watchlist';
import { WATCHLIST_API_VERSION, WATCHLIST_RESOURCE_TYPE, securityInsightsName, type ArmResource } from './arm-envelope';

/** A watchlist resource with its rows inline (rawContent), the form `az deployment` and the portal accept. */
export function armWatchlistResource(watchlist: WatchlistProps, csv: string): ArmResource {
  return {
    name: securityInsightsName(watchlist.alias),
    type: WATCHLIST_RESOURCE_TYPE,
    apiVersion: WATCHLIST_API_VERSION,
    properties: {
      displayName: watchlist.displayName,
      description: watchlist.description,
      provider: watchlist.provider ?? 'Custom',
      source: `${watchlist.alias}.csv`,
      sourceType: 'Local',
      itemsSearchKey: watchlist.searchKey,
      contentType: 'text/csv',
      numberOfLinesToSkip: 0,
      labels: [...(watchlist.labels ?? [])],
      rawContent: csv,
    },
  };
}

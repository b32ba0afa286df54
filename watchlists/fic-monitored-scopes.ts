import { defineWatchlist } from 'sentinel-cac';

/** Optional: the management groups or subscriptions to monitor. Empty means every scope. */
export const ficMonitoredScopes = defineWatchlist({
  alias: 'FicMonitoredScopes',
  displayName: 'FIC: monitored scopes',
  description:
    'Management group ids or subscription ids whose user-assigned managed identities are monitored for new federated credentials. A write matches when any segment of its management-group hierarchy, or its subscription id, is listed. Leave the watchlist empty to monitor every scope.',
  columns: { Scope: 'string', Description: 'string' },
  searchKey: 'Scope',
  rows: './fic-monitored-scopes.csv',
  tags: ['federated-credentials'],
});

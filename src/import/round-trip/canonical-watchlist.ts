import { readWatchlistCsv } from '../../load/read-watchlist-csv';
import { list } from './canonical-values';

/** Watchlist rows as data: the header and each row's values, whatever the quoting and line endings. */
export function canonicalRows(csv: string, skipLines = 0): { header: string[]; rows: string[][] } {
  const lines = csv.split(/\r?\n/);
  const parsed = readWatchlistCsv(skipLines ? lines.slice(skipLines).join('\n') : csv);
  return { header: [...parsed.header], rows: parsed.rows.map((r) => parsed.header.map((h) => r.values[h] ?? '')) };
}

/** A watchlist resource's properties reduced to what the watchlist is: names, key, labels and rows. */
export function canonicalArmWatchlist(properties: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return {
    displayName: properties.displayName,
    description: properties.description ?? '',
    provider: properties.provider ?? 'Custom',
    itemsSearchKey: properties.itemsSearchKey,
    labels: list(properties.labels),
    content: canonicalRows(String(properties.rawContent ?? ''), Number(properties.numberOfLinesToSkip ?? 0) || 0),
  };
}

import type { ConversionContext } from './conversion-context';
import type { ImportedWatchlist, ImportedWatchlistProps } from './imported-item';
import { inferColumnTypes } from './infer-column-types';
import type { WatchlistTable } from './watchlist-rows';

export interface WatchlistFields {
  readonly alias: string;
  readonly displayName: string;
  readonly description: string;
  readonly searchKey: string;
  readonly provider?: string;
  readonly labels?: readonly string[];
}

/** The props of defineWatchlist for an imported table, with column types inferred from its values. */
export function convertWatchlist(fields: WatchlistFields, table: WatchlistTable, ctx: ConversionContext): ImportedWatchlist {
  const props: Record<string, unknown> = {
    alias: fields.alias,
    displayName: fields.displayName,
    description: fields.description,
    columns: inferColumnTypes(table.header, table.rows),
    searchKey: fields.searchKey,
  };
  if (fields.provider !== undefined && fields.provider !== 'Custom') props.provider = fields.provider;
  if (fields.labels?.length) props.labels = [...fields.labels];
  return { kind: 'Watchlist', props: props as unknown as ImportedWatchlistProps, header: table.header, rows: table.rows, origin: ctx.origin() };
}

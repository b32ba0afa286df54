import type { ColumnType } from './column-types';
import { brand, type Branded } from './definition-brand';

export interface WatchlistProps<C extends Readonly<Record<string, ColumnType>> = Readonly<Record<string, ColumnType>>> {
  /** 3-64 characters, first and last alphanumeric; what `_GetWatchlist('alias')` takes. */
  readonly alias: string;
  readonly displayName: string;
  readonly description: string;
  /** Column names and types, in CSV order. Queries are validated against them. */
  readonly columns: C;
  /** The column whose value identifies a row; it must be unique across rows. */
  readonly searchKey: keyof C & string;
  /** CSV file with a header row equal to `columns`, relative to this definition. Example rows only: tenant rows come from each environment. */
  readonly rows: string;
  /** @default "Custom" */
  readonly provider?: string;
  readonly labels?: readonly string[];
  /** Free labels for selecting content per environment when deploying. */
  readonly tags?: readonly string[];
}

export type Watchlist = Branded<'Watchlist', WatchlistProps>;

/** Declares a watchlist: its typed columns and the CSV its example rows come from. */
export function defineWatchlist<const C extends Readonly<Record<string, ColumnType>>>(props: WatchlistProps<C>): Watchlist {
  return brand('Watchlist', props as unknown as WatchlistProps);
}

import type { LoadedWatchlist } from '../load/loaded-project';
import type { EvalFunction, EvalTable } from '../kql/eval';
import { WATCHLIST_BUILTIN_COLUMNS } from '../kql/kql-schema';

/**
 * `_GetWatchlist(alias)` at simulation time: the rows a test case supplies for the alias, or the
 * project's CSV rows, shaped as the built-in function returns them (SearchKey, _DTItemId, … plus
 * the CSV columns).
 */
export function watchlistFunction(
  watchlists: readonly LoadedWatchlist[],
  overrides: Readonly<Record<string, readonly Readonly<Record<string, string>>[]>> = {},
): EvalFunction {
  const byAlias = new Map(watchlists.map((w) => [w.props.alias.toLowerCase(), w]));
  const overrideByAlias = new Map(Object.entries(overrides).map(([alias, rows]) => [alias.toLowerCase(), rows]));
  return (args: readonly unknown[]): EvalTable => {
    const alias = String(args[0] ?? '');
    const watchlist = byAlias.get(alias.toLowerCase());
    if (!watchlist) throw new Error(`_GetWatchlist('${alias}'): no watchlist with that alias is defined`);
    const columns = [...WATCHLIST_BUILTIN_COLUMNS, ...Object.entries(watchlist.props.columns).map(([name, type]) => ({ name, type }))];
    const source = overrideByAlias.get(alias.toLowerCase()) ?? (watchlist.rows ?? []).map((r) => r.values);
    const rows = source.map((values, i) => ({
      _DTItemId: `item-${i + 1}`,
      LastUpdatedTimeUTC: '2000-01-01T00:00:00Z',
      SearchKey: values[watchlist.props.searchKey] ?? '',
      ...values,
    }));
    return { columns, rows };
  };
}

/** The public input and output types of evaluateKql. */

export interface EvalColumn {
  readonly name: string;
  /** A Kusto scalar type name: string, long, int, real, bool, datetime, timespan, guid, dynamic, decimal. */
  readonly type: string;
}

export interface EvalTable {
  readonly columns: readonly EvalColumn[];
  readonly rows: readonly Record<string, unknown>[];
}

/** A tabular function supplied by the caller, such as `_GetWatchlist(alias)`; it gets constant arguments. */
export type EvalFunction = (args: readonly unknown[]) => EvalTable;

export interface EvalOptions {
  /** now() and ago() use this fixed clock. */
  readonly now: Date;
  /** Database tables by name. */
  readonly tables: Readonly<Record<string, EvalTable>>;
  /** Tabular functions by name; each takes zero to eight constant string arguments. */
  readonly functions?: Readonly<Record<string, EvalFunction>>;
  /**
   * Result columns of each function in `functions`. When a function has no entry here, its result
   * type is taken from calling it with the query's constant arguments while the query is bound.
   */
  readonly functionSchemas?: Readonly<Record<string, readonly EvalColumn[]>>;
  /**
   * A pre-built Kusto.Language GlobalState to bind the query against. When absent, one is built from
   * `tables` and `functions`. Data for a table the globals declare but `tables` lacks is an empty table.
   */
  readonly globals?: unknown;
  /**
   * The rows `externaldata(...) [uri]` returns, by URI exactly as the query writes it (values by
   * column name). There is no network offline: a URI without an entry is an error.
   */
  readonly externalData?: Readonly<Record<string, readonly Record<string, unknown>[]>>;
}

export interface EvalResult {
  readonly columns: readonly EvalColumn[];
  readonly rows: readonly Record<string, unknown>[];
}

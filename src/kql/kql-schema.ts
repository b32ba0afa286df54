import { loadAsimCatalog, type AsimFunction } from '../catalog/asim-catalog';
import { OPEN_SCHEMA_TABLES, STANDARD_COLUMNS } from '../catalog/standard-columns';
import { appendMissingColumns, loadTableCatalog, type TableColumn } from '../catalog/table-catalog';
import { kustoLanguage, type KustoNamespace } from './kusto-bridge';
import { LazySymbol, lazyDatabaseGlobals } from './lazy-database';

/** A table the project declares itself (custom `_CL` tables). */
export interface DeclaredTable {
  readonly name: string;
  readonly columns: readonly TableColumn[];
}

/** A watchlist as `_GetWatchlist(alias)` returns it: the built-in columns plus the CSV's. */
export interface DeclaredWatchlist {
  readonly alias: string;
  readonly columns: readonly TableColumn[];
}

/** A parameter of a declared function; `defaultValue` is KQL literal text (`1d`, `"x"`), making it optional. */
export interface FunctionParameter {
  readonly name: string;
  readonly type: string;
  readonly defaultValue?: string;
}

/**
 * A workspace function (a saved search with a function alias, or a parser) the project declares:
 * either its KQL body, from which Kusto.Language infers the result at each call, or its output columns.
 */
export interface DeclaredFunction {
  readonly name: string;
  readonly parameters: readonly FunctionParameter[];
  readonly body?: string;
  readonly columns?: readonly TableColumn[];
}

/**
 * Everything project-specific a query binds against. Plain data, so it can be hashed for the
 * analysis cache and sent to worker threads, each of which builds its own KqlSchema from it.
 */
export interface SchemaInput {
  readonly tables?: readonly DeclaredTable[];
  readonly watchlists?: readonly DeclaredWatchlist[];
  readonly functions?: readonly DeclaredFunction[];
  readonly workspaceContent?: WorkspaceContent;
}

/**
 * Solution content the project's workspaces have, by name (from defineWorkspaceCatalog()). The
 * reference gives no output columns for solution parsers and custom tables, so they bind as open
 * schemas: any column name is accepted, with an unknown type. `schema pull` gives the real ones.
 */
export interface WorkspaceContent {
  /** Parser function names (the solutions' and any legacy parsers listed). */
  readonly parsers: readonly string[];
  /** Custom log table names (`..._CL`). */
  readonly customTables: readonly string[];
}

/** A `_GetWatchlist(...)` call seen while binding, with the alias when it was a literal. */
export interface WatchlistCall {
  readonly alias: string | undefined;
  /** 0-based offset of the call's argument in the query text. */
  readonly offset: number;
  readonly length: number;
}

/** What `_GetWatchlist` returns whatever the alias; the documented function adds the CSV columns. */
export const WATCHLIST_BUILTIN_COLUMNS: readonly TableColumn[] = [
  { name: '_DTItemId', type: 'string' },
  { name: 'LastUpdatedTimeUTC', type: 'datetime' },
  { name: 'SearchKey', type: 'string' },
];

/**
 * The Kusto.Language global state a query is bound against: every Log Analytics table from the
 * generated catalog, the project's custom tables (which win over a catalog table of the same name),
 * the ASIM parser functions (`_Im_Dns(...)`, `imNetworkSession`, ...) returning their schema's
 * columns, and `_GetWatchlist(alias)` typed per alias from the project's own watchlist definitions.
 */
export class KqlSchema {
  readonly globals: unknown;
  private readonly watchlists: ReadonlyMap<string, unknown>;
  private readonly baseWatchlistTable: unknown;
  /** Filled while one query is being bound; binding is synchronous, so one collector suffices. */
  private collector: WatchlistCall[] | undefined;
  private readonly declaredNames: readonly string[];
  private names: readonly string[] | undefined;

  constructor(input: SchemaInput = {}) {
    const K = kustoLanguage();
    const watchlists = input.watchlists ?? [];
    const custom = new Map((input.tables ?? []).map((t) => [t.name, t.columns]));
    const symbols: unknown[] = [...catalogSymbols(K)].filter(([name]) => !custom.has(name)).map(([, symbol]) => symbol);
    for (const [name, columns] of custom) symbols.push(tableSymbol(K, name, columns));
    // A table and a function of one name would make every reference to it ambiguous; the table wins,
    // and a function the project declares wins over a catalog function of the same name.
    const taken = (name: string): boolean => custom.has(name) || catalogSymbols(K).has(name);
    const declaredFunctions = (input.functions ?? []).filter((f) => !taken(f.name));
    for (const fn of declaredFunctions) symbols.push(declaredFunctionSymbol(K, fn));
    const declaredNames = new Set(declaredFunctions.map((f) => f.name));
    for (const [name, symbol] of asimFunctionSymbols(K)) if (!taken(name) && !declaredNames.has(name)) symbols.push(symbol);
    const content = input.workspaceContent;
    const bound = new Set([...custom.keys(), ...declaredNames]);
    const unbound = (name: string): boolean => !bound.has(name) && !catalogSymbols(K).has(name) && !asimFunctionSymbols(K).has(name);
    // Every solution's tables and parsers can be hundreds of names, of which a query uses a few.
    for (const name of new Set(content?.customTables ?? [])) if (unbound(name) && bound.add(name)) symbols.push(new LazySymbol(name, () => openTableSymbol(K, name, STANDARD_COLUMNS)));
    for (const name of new Set(content?.parsers ?? [])) if (unbound(name) && bound.add(name)) symbols.push(new LazySymbol(name, () => openParserSymbol(K, name)));
    this.baseWatchlistTable = tableSymbol(K, '_GetWatchlist', WATCHLIST_BUILTIN_COLUMNS);
    this.watchlists = new Map(
      watchlists.map((w) => [w.alias.toLowerCase(), tableSymbol(K, `_GetWatchlist_${w.alias}`, appendMissingColumns(WATCHLIST_BUILTIN_COLUMNS, w.columns))]),
    );
    symbols.push(this.watchlistFunction(K));
    this.declaredNames = [...bound];
    this.globals = lazyDatabaseGlobals('workspace', symbols);
  }

  /** Runs `bind` while recording every `_GetWatchlist` call it makes Kusto resolve. */
  collectWatchlistCalls<T>(bind: () => T): { result: T; calls: WatchlistCall[] } {
    const calls: WatchlistCall[] = [];
    this.collector = calls;
    try {
      return { result: bind(), calls };
    } finally {
      this.collector = undefined;
    }
  }

  /** Every table and tabular function name a query can use here, for "did you mean" hints. */
  tabularNames(): readonly string[] {
    this.names ??= [...catalogSymbols(kustoLanguage()).keys(), ...asimFunctionSymbols(kustoLanguage()).keys(), ...this.declaredNames];
    return this.names;
  }

  hasWatchlist(alias: string): boolean {
    return this.watchlists.has(alias.toLowerCase());
  }

  private watchlistFunction(K: KustoNamespace): unknown {
    const parameters = [new K.Symbols.Parameter.$ctor2('watchlistAlias', K.Symbols.ScalarTypes.String)];
    // Kusto asks for the return type at each call site with the bound arguments, which is where a
    // literal alias becomes the watchlist's own columns.
    const returnType = (context: any): unknown => {
      const argument = context.Arguments?.Count > 0 ? context.Arguments.getItem(0) : undefined;
      const alias = argument && argument.IsLiteral && typeof argument.LiteralValue === 'string' ? (argument.LiteralValue as string) : undefined;
      const table = alias === undefined ? undefined : this.watchlists.get(alias.toLowerCase());
      if (this.collector && argument) {
        const call = { alias, offset: argument.TextStart as number, length: argument.Width as number };
        const last = this.collector[this.collector.length - 1];
        // The binder may ask more than once for the same call site; record it once.
        if (!last || last.offset !== call.offset) this.collector.push(call);
      }
      return table ?? this.baseWatchlistTable;
    };
    return new K.Symbols.FunctionSymbol.ctor('_GetWatchlist', returnType, K.Symbols.Tabularity.Tabular, parameters);
  }
}

let catalogCache: Map<string, LazySymbol> | undefined;

/** The catalog's ~900 table symbols, each built on first use (lazy-database) and shared by every schema. */
function catalogSymbols(K: KustoNamespace): Map<string, LazySymbol> {
  if (!catalogCache) {
    catalogCache = new Map();
    for (const [name, columns] of loadTableCatalog()) catalogCache.set(name, new LazySymbol(name, () => (OPEN_SCHEMA_TABLES.has(name) ? openTableSymbol(K, name, columns) : tableSymbol(K, name, columns))));
  }
  return catalogCache;
}

let asimCache: Map<string, LazySymbol> | undefined;

/** The ~450 ASIM parser function symbols, each built on first use; parsers of one schema share its result table. */
function asimFunctionSymbols(K: KustoNamespace): Map<string, LazySymbol> {
  if (!asimCache) {
    const catalog = loadAsimCatalog();
    const results = new Map([...catalog.schemas].map(([schema, columns]) => [schema, new LazySymbol(schema, () => tableSymbol(K, schema, columns))]));
    asimCache = new Map();
    for (const fn of catalog.functions.values()) asimCache.set(fn.name, new LazySymbol(fn.name, () => asimFunctionSymbol(K, fn, results.get(fn.schema)?.get())));
  }
  return asimCache;
}

/**
 * Every ASIM parameter is optional (minOccurring 0), so `imDns`, `imDns()` and `imDns(domain_has_any=x)`
 * all bind; its default is shown as text, as there is no body to expand. Kusto.Language coerces any
 * argument to a database function's declared scalar type — even a table — so a declared type would
 * check nothing; the Scalar kind keeps that scalar coercion but rejects a tabular argument. The
 * declared type stays in the description (and in asim-functions.json).
 */
function asimFunctionSymbol(K: KustoNamespace, fn: AsimFunction, result: unknown): unknown {
  const { ParameterTypeKind, ArgumentKind } = K.Symbols;
  const parameters = fn.parameters.map(
    (p) => new K.Symbols.Parameter.ctor(p.name, ParameterTypeKind.Scalar, ArgumentKind.Expression, null, null, false, p.defaultValue ?? null, 0, 1, null, p.type),
  );
  return new K.Symbols.FunctionSymbol.$ctor5(fn.name, result, parameters);
}

/** A custom table whose columns the project does not declare: the standard ones, and any other name. */
function openTableSymbol(K: KustoNamespace, name: string, columns: readonly TableColumn[]): unknown {
  return (tableSymbol(K, name, columns) as any).WithIsOpen(true);
}

/**
 * A solution parser known by name only: callable as `P`, `P()` or with any positional arguments
 * (parsers take optional time-window and filter parameters the reference does not list), returning
 * an open table.
 */
function openParserSymbol(K: KustoNamespace, name: string): unknown {
  const { ParameterTypeKind, ArgumentKind } = K.Symbols;
  const anyArguments = new K.Symbols.Parameter.ctor('args', ParameterTypeKind.Scalar, ArgumentKind.Expression, null, null, false, null, 0, 64, null, null);
  return new K.Symbols.FunctionSymbol.$ctor5(name, openTableSymbol(K, name, []), [anyArguments]);
}

/**
 * A body-declared function is expanded by Kusto.Language at each call site (so its result follows
 * the arguments); a column-declared one returns a fixed table.
 */
function declaredFunctionSymbol(K: KustoNamespace, fn: DeclaredFunction): unknown {
  const parameterList = `(${fn.parameters.map((p) => `${p.name}:${p.type}${p.defaultValue === undefined ? '' : `=${p.defaultValue}`}`).join(', ')})`;
  if (fn.body !== undefined) return new K.Symbols.FunctionSymbol.$ctor16(fn.name, parameterList, `{\n${fn.body}\n}`, null);
  const parameters = K.Symbols.Parameter.ParseList(parameterList);
  return new K.Symbols.FunctionSymbol.$ctor5(fn.name, tableSymbol(K, fn.name, fn.columns ?? []), parameters);
}

/**
 * Builds the symbol from typed columns directly: parsing a "(Col:type, …)" schema string per table
 * costs ~20× more, which for ~900 tables is a second at start-up (several under jest).
 */
function tableSymbol(K: KustoNamespace, name: string, columns: readonly TableColumn[]): unknown {
  const symbols = columns.map((c) => new K.Symbols.ColumnSymbol(c.name, K.Symbols.ScalarTypes.GetSymbol(c.type), null, null, null, null));
  return new K.Symbols.TableSymbol.$ctor4(name, symbols);
}

import type { Diagnostic } from '../check/diagnostic';
import type { AnalyticsRuleProps } from '../model/analytics-rule';
import type { CustomTableProps } from '../model/custom-table';
import type { WorkspaceCatalogProps } from '../model/workspace-catalog';
import type { WorkspaceFunctionProps } from '../model/workspace-function';
import type { HuntingQueryProps } from '../model/hunting-query';
import type { WatchlistProps } from '../model/watchlist';
import type { TemplateProblem } from '../kql/kql-template';
import type { Position, PropPath } from './source-locator';
import type { CsvRow } from './read-watchlist-csv';

/** Where a definition is written, and how to find any of its properties in that file. */
export interface DefinitionSource {
  /** Project-relative path of the `.ts` file. */
  readonly file: string;
  /** Name of the export that holds the definition. */
  readonly exportName: string;
  locate(path: PropPath): Position;
}

/** A query ready for Kusto: rendered from its template, with a map back to where it is written. */
export interface LoadedQuery {
  /** The rendered KQL (LF line endings, no BOM, parameters substituted as literals). */
  readonly text: string;
  /** Project-relative file holding the query: the `.kql` file, or the definition for inline KQL. */
  readonly file: string;
  readonly templateProblems: readonly TemplateProblem[];
  /** Position in `file` of an offset in `text`. */
  positionAt(offset: number): Position;
}

export interface LoadedRule {
  readonly kind: 'AnalyticsRule';
  readonly props: AnalyticsRuleProps;
  readonly source: DefinitionSource;
  /** Undefined when the query could not be read (a diagnostic says why). */
  readonly query: LoadedQuery | undefined;
}

export interface LoadedHuntingQuery {
  readonly kind: 'HuntingQuery';
  readonly props: HuntingQueryProps;
  readonly source: DefinitionSource;
  readonly query: LoadedQuery | undefined;
}

export interface LoadedWatchlist {
  readonly kind: 'Watchlist';
  readonly props: WatchlistProps;
  readonly source: DefinitionSource;
  /** Project-relative path of the rows CSV. */
  readonly csvFile: string;
  /** Undefined when the CSV could not be read or parsed. */
  readonly rows: readonly CsvRow[] | undefined;
  readonly header: readonly string[] | undefined;
}

export interface LoadedCustomTable {
  readonly kind: 'CustomTable';
  readonly props: CustomTableProps;
  readonly source: DefinitionSource;
}

export interface LoadedFunction {
  readonly kind: 'WorkspaceFunction';
  readonly props: WorkspaceFunctionProps;
  readonly source: DefinitionSource;
  /** The body; undefined for a function declared by its columns, or when it could not be read. */
  readonly query: LoadedQuery | undefined;
}

export interface LoadedWorkspaceCatalog {
  readonly kind: 'WorkspaceCatalog';
  readonly props: WorkspaceCatalogProps;
  readonly source: DefinitionSource;
}

export type LoadedDefinition = LoadedRule | LoadedHuntingQuery | LoadedWatchlist | LoadedCustomTable | LoadedFunction | LoadedWorkspaceCatalog;

export interface LoadedProject {
  readonly root: string;
  readonly rules: readonly LoadedRule[];
  readonly huntingQueries: readonly LoadedHuntingQuery[];
  readonly watchlists: readonly LoadedWatchlist[];
  readonly tables: readonly LoadedCustomTable[];
  readonly functions: readonly LoadedFunction[];
  readonly workspaceCatalogs: readonly LoadedWorkspaceCatalog[];
  /** Problems found while loading: files that do not compile, unreadable queries, bad CSV. */
  readonly diagnostics: readonly Diagnostic[];
}

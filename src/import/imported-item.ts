import type { Diagnostic } from '../check/diagnostic';
import type { PropPath, Position } from '../load/source-locator';
import type { AnalyticsRuleProps } from '../model/analytics-rule';
import type { HuntingQueryProps } from '../model/hunting-query';
import type { WatchlistProps } from '../model/watchlist';
import type { WorkspaceFunctionProps } from '../model/workspace-function';

/** The formats `import` reads, named as reports and docs name them. */
export type SourceFormat = 'detection YAML' | 'hunting YAML' | 'ARM alert rule' | 'ARM saved search' | 'ARM function' | 'ARM watchlist' | 'watchlist CSV';

/**
 * Where an imported item came from, so that every later finding (validation of the generated
 * definition included) can point back at the user's own file. Positions are resolved lazily: most
 * imports never need them, and JSON positions cost a second parse.
 */
export interface ItemOrigin {
  /** The source file as the user named it (relative to the working directory when possible). */
  readonly file: string;
  readonly format: SourceFormat;
  /** The item inside the file: '' for a YAML document, `resources[2]` for an ARM resource. */
  readonly pointer: string;
  /** The same place as a path into the parsed file. */
  readonly path: PropPath;
  /** Position of the item itself in the source. */
  readonly at: Position;
  /** Position in the source of a property of the generated definition, if it came from one. */
  locate(modelPath: PropPath): Position | undefined;
}

/** The query text of an imported item, and how its lines map back onto the source. */
export interface ImportedQuery {
  /** LF line endings, no BOM: as the loader reads `.kql` files. */
  readonly text: string;
  /** Position in the source file of a 1-based line and column of `text`. */
  positionOf(line: number, column: number): Position;
}

/** Rule props without the query, which the definition file points at through kqlFile(). */
export type ImportedRuleProps = Omit<AnalyticsRuleProps, 'query'>;
export type ImportedHuntingProps = Omit<HuntingQueryProps, 'query'>;
export type ImportedWatchlistProps = Omit<WatchlistProps, 'rows'>;
export type ImportedFunctionProps = Omit<WorkspaceFunctionProps, 'query' | 'columns'>;

export interface ImportedRule {
  readonly kind: 'AnalyticsRule';
  readonly props: ImportedRuleProps;
  readonly query: ImportedQuery;
  readonly origin: ItemOrigin;
}

export interface ImportedHuntingQuery {
  readonly kind: 'HuntingQuery';
  readonly props: ImportedHuntingProps;
  readonly query: ImportedQuery;
  readonly origin: ItemOrigin;
}

export interface ImportedWatchlist {
  readonly kind: 'Watchlist';
  readonly props: ImportedWatchlistProps;
  /** Header row first; every row has one value per column. */
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly origin: ItemOrigin;
}

/** A saved search with a function alias: a workspace function, declared by its body. */
export interface ImportedFunction {
  readonly kind: 'WorkspaceFunction';
  readonly props: ImportedFunctionProps;
  readonly query: ImportedQuery;
  readonly origin: ItemOrigin;
}

export type ImportedItem = ImportedRule | ImportedHuntingQuery | ImportedWatchlist | ImportedFunction;

/** Content that was found but not imported, and the code of the diagnostic that says why. */
export interface SkippedItem {
  readonly file: string;
  readonly pointer: string;
  readonly name: string;
  readonly reason: string;
}

/** A file that could not be parsed at all counts as one item not imported. */
export function skippedFile(file: string, reason: string): SkippedItem {
  return { file, pointer: '', name: file, reason };
}

/** What reading one source file yields: the items it holds and what could not be carried over. */
export interface ReadResult {
  readonly items: readonly ImportedItem[];
  readonly skipped: readonly SkippedItem[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The identity that must be unique in a project: rule/hunting id, watchlist alias or function name (case-insensitive). */
export function identityOf(item: ImportedItem): string {
  if (item.kind === 'Watchlist') return `watchlist:${item.props.alias.toLowerCase()}`;
  if (item.kind === 'WorkspaceFunction') return `function:${item.props.name.toLowerCase()}`;
  return `id:${String(item.props.id).toLowerCase()}`;
}

/** The property that holds an item's identity: where a report about it points. */
export function identityProperty(item: ImportedItem): 'id' | 'alias' | 'name' {
  return item.kind === 'Watchlist' ? 'alias' : item.kind === 'WorkspaceFunction' ? 'name' : 'id';
}

/** A human name for reports: the rule's or watchlist's display name, the function's name. */
export function displayNameOf(item: ImportedItem): string {
  return item.kind === 'Watchlist' ? item.props.displayName : item.props.name;
}

/** What a workspace should hold according to the code, in the SDK's shapes, with content hashes. */
import type { SavedSearch } from '@azure/arm-operationalinsights';
import type { AlertRuleUnion, Watchlist } from '@azure/arm-securityinsight';

interface DesiredBase {
  /** ARM resource name: the rule's or hunting query's GUID, or the watchlist alias. */
  readonly name: string;
  readonly displayName: string;
  /** Project-relative definition file. */
  readonly file: string;
  /** The content's semantic version (rules and hunting queries), recorded in metadata `version`. */
  readonly version?: string;
  readonly comparable: Record<string, unknown>;
  /** contentHash of `comparable` (for watchlists: settings and rows). */
  readonly hash: string;
  /** Plan notes, e.g. settings this API version cannot carry. */
  readonly notes: readonly string[];
}

export interface DesiredRule extends DesiredBase {
  readonly kind: 'AnalyticsRule';
  readonly body: AlertRuleUnion;
  /** Lower-case aliases of the watchlists its query reads: they are deployed first. */
  readonly reads: readonly string[];
  /** Names of the project's functions its query calls: they are deployed first. */
  readonly calls: readonly string[];
}

/** Content that is a Log Analytics saved search: a hunting query, or a workspace function named after itself. */
interface DesiredSavedSearch<Kind extends 'HuntingQuery' | 'Function'> extends DesiredBase {
  readonly kind: Kind;
  readonly body: SavedSearch;
  /** Lower-case aliases of the watchlists its query reads: they are deployed first. */
  readonly reads: readonly string[];
  /** Names of the project's functions its query calls: they are deployed first. */
  readonly calls: readonly string[];
}

export type DesiredSearch = DesiredSavedSearch<'HuntingQuery'>;
export type DesiredFunction = DesiredSavedSearch<'Function'>;

export interface DesiredRow {
  readonly key: string;
  readonly values: Readonly<Record<string, string>>;
}

export interface DesiredWatchlist extends DesiredBase {
  readonly kind: 'Watchlist';
  /** Settings only; rows travel as items or as the first upload's rawContent. */
  readonly body: Watchlist;
  readonly searchKey: string;
  readonly rows: readonly DesiredRow[];
  /** The rows as CSV, for the first upload. */
  readonly csv: string;
  /** Project-relative CSV the rows came from. */
  readonly rowsFile: string;
}

export type DesiredContent = DesiredRule | DesiredSearch | DesiredFunction | DesiredWatchlist;

export interface DesiredState {
  readonly rules: readonly DesiredRule[];
  readonly searches: readonly DesiredSearch[];
  readonly functions: readonly DesiredFunction[];
  readonly watchlists: readonly DesiredWatchlist[];
}

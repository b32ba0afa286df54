/** The environments file (`sentinel-cac.environments.yaml`), once read and checked. */

export interface ConfigPosition {
  readonly line: number;
  readonly column: number;
}

export interface ContentSelection {
  /** Deploy definitions carrying any of these tags (from the definitions' `tags`). */
  readonly tags?: readonly string[];
  /** Deploy these definitions: rule or hunting-query ids (GUIDs) or watchlist aliases. */
  readonly ids?: readonly string[];
}

export interface WatchlistRowsSource {
  readonly alias: string;
  /** Absolute path of the CSV. */
  readonly file: string;
  /** As written in the config (relative to the config file). */
  readonly written: string;
  readonly at: ConfigPosition;
}

export interface EnvironmentConfig {
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly workspace: string;
  /** Undefined = all content. */
  readonly content?: ContentSelection;
  readonly watchlistRows: readonly WatchlistRowsSource[];
  /** Absolute path of the pulled workspace schema (`schema:`, relative to the config file); undefined = schemas/<name>.schema.json. */
  readonly schema?: string;
  /** Where the environment and its fields are written, for diagnostics found later. */
  readonly at: ConfigPosition;
  readonly fieldAt: Readonly<Record<string, ConfigPosition>>;
}

export interface EnvironmentsConfig {
  /** Project-relative path of the config file. */
  readonly file: string;
  /** Identifies this project in ownership records, so two repositories can share a workspace. */
  readonly sourceId: string;
  readonly environments: readonly EnvironmentConfig[];
}

export const DEFAULT_CONFIG_FILE = 'sentinel-cac.environments.yaml';
export const DEFAULT_SOURCE_ID = 'default';

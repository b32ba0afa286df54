import type { LegacyParserName, SolutionName } from '../catalog/generated/solution-names';
import { brand, type Branded } from './definition-brand';

export interface WorkspaceCatalogProps {
  /**
   * Solutions installed in the project's workspaces. Their parser functions (`CiscoASA`,
   * `PingFederateEvent`, ...) and custom tables become known to validation; `'all'` for content
   * shared across many workspaces. Their output columns are not in the catalog, so they bind as
   * open schemas (any column accepted) until `schema pull` records the real ones.
   */
  readonly solutions?: readonly SolutionName[] | 'all';
  /** Parsers from Azure-Sentinel's Parsers/ folder that no solution installs (`GitHubAudit`, ...). */
  readonly parsers?: readonly LegacyParserName[];
  /** Custom log tables the workspaces have whose columns the project does not declare. */
  readonly customTables?: readonly `${string}_CL`[];
}

export type WorkspaceCatalog = Branded<'WorkspaceCatalog', WorkspaceCatalogProps>;

/** Says what the project's workspaces have beyond the built-in tables; one per project, in tables/. */
export function defineWorkspaceCatalog(props: WorkspaceCatalogProps): WorkspaceCatalog {
  return brand('WorkspaceCatalog', props);
}

import type { RequiredDataConnector, TechniqueId, RuleVersion } from './analytics-rule';
import type { EntityMapping } from './entity-mapping';
import type { Tactic } from './enums';
import type { KqlSource } from './kql-source';
import { brand, type Branded } from './definition-brand';

export interface HuntingQueryProps {
  /** A GUID that never changes: it names the saved search and the YAML `id`. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly tactics: readonly Tactic[];
  readonly techniques?: readonly TechniqueId[];
  readonly requiredDataConnectors?: readonly RequiredDataConnector[];
  readonly query: KqlSource;
  /** @default "1.0.0" */
  readonly version?: RuleVersion;
  /** Entities the portal extracts from results, as in hunting-query YAML. */
  readonly entityMappings?: readonly EntityMapping[];
  /**
   * Extra saved-search tags shown in the Hunting blade, beyond the ones Sentinel derives
   * (description, tactics, techniques), e.g. `{ createdBy: 'SOC' }`.
   */
  readonly savedSearchTags?: Readonly<Record<string, string>>;
  /** Free labels for selecting content per environment when deploying. */
  readonly tags?: readonly string[];
}

export type HuntingQuery = Branded<'HuntingQuery', HuntingQueryProps>;

/** Declares a hunting query (a Log Analytics saved search in category "Hunting Queries"). */
export function defineHuntingQuery(props: HuntingQueryProps): HuntingQuery {
  return brand('HuntingQuery', props);
}

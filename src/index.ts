/**
 * The public authoring API of sentinel-cac: what rule, hunting-query, watchlist and custom-table
 * definitions import. Everything else (checks, renderers, deploy) is internal to the CLI.
 */
export { defineAnalyticsRule } from './model/analytics-rule';
export type {
  AnalyticsRule,
  AnalyticsRuleProps,
  ScheduledRuleProps,
  NrtRuleProps,
  TechniqueId,
  RuleVersion,
  RequiredDataConnector,
  TriggerProps,
  SuppressionProps,
  AlertDetailsOverrideProps,
  AlertDynamicProperty,
  IncidentConfigurationProps,
  GroupingProps,
} from './model/analytics-rule';
export { defineHuntingQuery } from './model/hunting-query';
export type { HuntingQuery, HuntingQueryProps } from './model/hunting-query';
export { defineWatchlist } from './model/watchlist';
export type { Watchlist, WatchlistProps } from './model/watchlist';
export { defineCustomTable } from './model/custom-table';
export type { CustomTable, CustomTableProps } from './model/custom-table';
export { defineFunction } from './model/workspace-function';
export type { FunctionParameterSpec, WorkspaceFunction, WorkspaceFunctionProps } from './model/workspace-function';
export { defineWorkspaceCatalog } from './model/workspace-catalog';
export type { WorkspaceCatalog, WorkspaceCatalogProps } from './model/workspace-catalog';
export type { LegacyParserName, SolutionName } from './catalog/generated/solution-names';
export type { ColumnType } from './model/column-types';
export type { EntityMapping, FieldMapping } from './model/entity-mapping';
export type { Duration } from './model/duration';
export { kql, kqlFile, kqlTimespan, withParameters } from './model/kql-source';
export type { KqlSource, KqlValue, KqlParameters, KqlTimespan } from './model/kql-source';
export type {
  AlertSeverity,
  Tactic,
  TriggerOperator,
  EntityType,
  EntityIdentifier,
  EventGroupingAggregationKind,
  MatchingMethod,
  AlertDetail,
  AlertProperty,
} from './model/enums';
export { defineRuleTests, defineHuntingTests } from './model/rule-tests';
export type { RuleTests, RuleTestCase, AlertExpectation, HuntingExpectation, ExpectedEntity, TableInput } from './model/rule-tests';

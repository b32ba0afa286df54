import type { Duration } from './duration';
import type { EntityMapping } from './entity-mapping';
import type { AlertDetail, AlertProperty, AlertSeverity, EventGroupingAggregationKind, MatchingMethod, Tactic, TriggerOperator } from './enums';
import type { KqlSource } from './kql-source';
import { brand, type Branded } from './definition-brand';

/** ATT&CK technique ("T1098") or sub-technique ("T1098.001") id. */
export type TechniqueId = `T${number}`;

/** A semantic version "major.minor.patch", as Azure-Sentinel's CI requires. */
export type RuleVersion = `${number}.${number}.${number}`;

export interface RequiredDataConnector {
  readonly connectorId: string;
  readonly dataTypes: readonly string[];
}

export interface TriggerProps {
  readonly operator: TriggerOperator;
  /** 0..10,000. */
  readonly threshold: number;
}

export interface SuppressionProps {
  readonly enabled: boolean;
  /** Up to 24 hours. */
  readonly duration: Duration;
}

export interface AlertDynamicProperty {
  readonly alertProperty: AlertProperty;
  /** A column of the query's result. */
  readonly value: string;
}

export interface AlertDetailsOverrideProps {
  /** Up to 256 characters and 3 `{{Column}}` placeholders. */
  readonly alertDisplayNameFormat?: string;
  /** Up to 5,000 characters and 3 `{{Column}}` placeholders. */
  readonly alertDescriptionFormat?: string;
  /** A string column holding High, Medium, Low or Informational. */
  readonly alertSeverityColumnName?: string;
  /** A string column holding comma-separated tactics. */
  readonly alertTacticsColumnName?: string;
  readonly alertDynamicProperties?: readonly AlertDynamicProperty[];
}

export interface GroupingProps {
  readonly enabled: boolean;
  /** @default false */
  readonly reopenClosedIncident?: boolean;
  /** 5 minutes to 7 days. @default "5h" */
  readonly lookbackDuration?: Duration;
  /** @default "AllEntities" */
  readonly matchingMethod?: MatchingMethod;
  readonly groupByEntities?: readonly EntityMapping['entityType'][];
  readonly groupByAlertDetails?: readonly AlertDetail[];
  readonly groupByCustomDetails?: readonly string[];
}

export interface IncidentConfigurationProps {
  /** @default true */
  readonly createIncident: boolean;
  readonly grouping?: GroupingProps;
}

interface AnalyticsRuleCommonProps {
  /** A GUID that identifies the rule for ever: it is the ARM resource name. */
  readonly id: string;
  /** Bump when the content changes. */
  readonly version: RuleVersion;
  /** Up to 256 characters. */
  readonly name: string;
  /** Up to 5,000 characters. */
  readonly description: string;
  readonly severity: AlertSeverity;
  readonly tactics: readonly Tactic[];
  /** Techniques and sub-techniques; each must belong to one of `tactics`. */
  readonly techniques?: readonly TechniqueId[];
  readonly requiredDataConnectors?: readonly RequiredDataConnector[];
  readonly query: KqlSource;
  /** @default true */
  readonly enabled?: boolean;
  /** @default { enabled: false, duration: "5h" } */
  readonly suppression?: SuppressionProps;
  /** Up to 10 mappings of up to 3 identifiers. */
  readonly entityMappings?: readonly EntityMapping[];
  /** Alert field name -> result column; up to 20. */
  readonly customDetails?: Readonly<Record<string, string>>;
  readonly alertDetailsOverride?: AlertDetailsOverrideProps;
  /** @default { createIncident: true, grouping: { enabled: false } } */
  readonly incidentConfiguration?: IncidentConfigurationProps;
  /** @default "SingleAlert" */
  readonly eventGrouping?: EventGroupingAggregationKind;
  /** Free labels for selecting content per environment when deploying. */
  readonly tags?: readonly string[];
}

export interface ScheduledRuleProps extends AnalyticsRuleCommonProps {
  /** @default "Scheduled" */
  readonly kind?: 'Scheduled';
  /** How often the rule runs: 5 minutes to 14 days. */
  readonly queryFrequency: Duration;
  /** How far back each run looks (the lookback): 5 minutes to 14 days, and at least queryFrequency. */
  readonly queryPeriod: Duration;
  /** @default { operator: "GreaterThan", threshold: 0 } */
  readonly trigger?: TriggerProps;
  /** ISO-8601 UTC time of the first run, or unset to start at once. */
  readonly startTimeUtc?: string;
}

export interface NrtRuleProps extends AnalyticsRuleCommonProps {
  readonly kind: 'NRT';
}

export type AnalyticsRuleProps = ScheduledRuleProps | NrtRuleProps;

export type AnalyticsRule = Branded<'AnalyticsRule', AnalyticsRuleProps>;

/** Declares a Scheduled (default) or NRT analytics rule. Export the result from a file in rules/. */
export function defineAnalyticsRule(props: AnalyticsRuleProps): AnalyticsRule {
  return brand('AnalyticsRule', props);
}

import type { AnalyticsRuleProps } from '../model/analytics-rule';
import { durationToIso } from '../model/duration';
import { ALERT_RULE_API_VERSION, ALERT_RULE_RESOURCE_TYPE, securityInsightsId, securityInsightsName, type ArmResource } from './arm-envelope';

/** What Sentinel uses when a rule leaves a setting out; written explicitly so the template is complete. */
const DEFAULT_SUPPRESSION = { enabled: false, duration: '5h' } as const;
const DEFAULT_GROUPING_LOOKBACK = '5h' as const;

/** The alert rule resource, with properties in the order the portal's Export writes them. */
export function armAlertRuleResource(rule: AnalyticsRuleProps, query: string): ArmResource {
  return {
    id: securityInsightsId('alertRules', rule.id),
    name: securityInsightsName(rule.id),
    type: ALERT_RULE_RESOURCE_TYPE,
    kind: rule.kind === 'NRT' ? 'NRT' : 'Scheduled',
    apiVersion: ALERT_RULE_API_VERSION,
    properties: alertRuleProperties(rule, query),
  };
}

export function alertRuleProperties(rule: AnalyticsRuleProps, query: string): Record<string, unknown> {
  const suppression = rule.suppression ?? DEFAULT_SUPPRESSION;
  const techniques = rule.techniques ?? [];
  const props: Record<string, unknown> = {
    displayName: rule.name,
    description: rule.description,
    severity: rule.severity,
    enabled: rule.enabled ?? true,
    query,
  };
  if (rule.kind !== 'NRT') {
    props.queryFrequency = durationToIso(rule.queryFrequency);
    props.queryPeriod = durationToIso(rule.queryPeriod);
    props.triggerOperator = rule.trigger?.operator ?? 'GreaterThan';
    props.triggerThreshold = rule.trigger?.threshold ?? 0;
  }
  props.suppressionDuration = durationToIso(suppression.duration);
  props.suppressionEnabled = suppression.enabled;
  if (rule.kind !== 'NRT') props.startTimeUtc = rule.startTimeUtc ?? null;
  props.tactics = [...rule.tactics];
  // The API takes parent techniques and sub-techniques in separate lists.
  props.techniques = unique(techniques.map((t) => t.split('.')[0]));
  props.subTechniques = unique(techniques.filter((t) => t.includes('.')));
  props.alertRuleTemplateName = null;
  props.incidentConfiguration = incidentConfiguration(rule);
  props.eventGroupingSettings = { aggregationKind: rule.eventGrouping ?? 'SingleAlert' };
  props.alertDetailsOverride = alertDetailsOverride(rule);
  props.customDetails = rule.customDetails && Object.keys(rule.customDetails).length ? { ...rule.customDetails } : null;
  props.entityMappings = rule.entityMappings?.length
    ? rule.entityMappings.map((m) => ({ entityType: m.entityType, fieldMappings: m.fieldMappings.map((f) => ({ identifier: f.identifier, columnName: f.columnName })) }))
    : null;
  props.sentinelEntitiesMappings = null;
  props.templateVersion = rule.version;
  return props;
}

function incidentConfiguration(rule: AnalyticsRuleProps): Record<string, unknown> {
  const config = rule.incidentConfiguration;
  const grouping = config?.grouping;
  return {
    createIncident: config?.createIncident ?? true,
    groupingConfiguration: {
      enabled: grouping?.enabled ?? false,
      reopenClosedIncident: grouping?.reopenClosedIncident ?? false,
      lookbackDuration: durationToIso(grouping?.lookbackDuration ?? DEFAULT_GROUPING_LOOKBACK),
      matchingMethod: grouping?.matchingMethod ?? 'AllEntities',
      groupByEntities: [...(grouping?.groupByEntities ?? [])],
      groupByAlertDetails: [...(grouping?.groupByAlertDetails ?? [])],
      groupByCustomDetails: [...(grouping?.groupByCustomDetails ?? [])],
    },
  };
}

function alertDetailsOverride(rule: AnalyticsRuleProps): Record<string, unknown> | null {
  const o = rule.alertDetailsOverride;
  if (!o) return null;
  const out: Record<string, unknown> = {};
  if (o.alertDisplayNameFormat !== undefined) out.alertDisplayNameFormat = o.alertDisplayNameFormat;
  if (o.alertDescriptionFormat !== undefined) out.alertDescriptionFormat = o.alertDescriptionFormat;
  if (o.alertSeverityColumnName !== undefined) out.alertSeverityColumnName = o.alertSeverityColumnName;
  if (o.alertTacticsColumnName !== undefined) out.alertTacticsColumnName = o.alertTacticsColumnName;
  out.alertDynamicProperties = (o.alertDynamicProperties ?? []).map((p) => ({ alertProperty: p.alertProperty, value: p.value }));
  return out;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

import type { AnalyticsRuleProps } from '../model/analytics-rule';
import { durationToIso } from '../model/duration';
import { alertDetailsOverrideObject, incidentConfigurationObject } from './alert-settings';
import { ALERT_RULE_API_VERSION, ALERT_RULE_RESOURCE_TYPE, securityInsightsId, securityInsightsName, type ArmResource } from './arm-envelope';

/** What Sentinel uses when a rule leaves a setting out; written explicitly so the template is complete. */
const DEFAULT_SUPPRESSION = { enabled: false, duration: '5h' } as const;

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
  props.incidentConfiguration = incidentConfigurationObject(rule.incidentConfiguration, durationToIso);
  props.eventGroupingSettings = { aggregationKind: rule.eventGrouping ?? 'SingleAlert' };
  props.alertDetailsOverride = rule.alertDetailsOverride ? alertDetailsOverrideObject(rule.alertDetailsOverride, { alwaysListDynamicProperties: true }) : null;
  props.customDetails = rule.customDetails && Object.keys(rule.customDetails).length ? { ...rule.customDetails } : null;
  props.entityMappings = rule.entityMappings?.length
    ? rule.entityMappings.map((m) => ({ entityType: m.entityType, fieldMappings: m.fieldMappings.map((f) => ({ identifier: f.identifier, columnName: f.columnName })) }))
    : null;
  props.sentinelEntitiesMappings = null;
  props.templateVersion = rule.version;
  return props;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

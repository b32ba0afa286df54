import type { AnalyticsRuleProps } from '../model/analytics-rule';
import type { HuntingQueryProps } from '../model/hunting-query';
import { alertDetailsOverrideObject, incidentConfigurationObject } from './alert-settings';

const YAML_TRIGGER: Readonly<Record<string, string>> = { GreaterThan: 'gt', LessThan: 'lt', Equal: 'eq', NotEqual: 'ne' };

/** An analytics rule in the YAML format of the Azure-Sentinel repository, key order as its templates use. */
export function detectionYamlObject(rule: AnalyticsRuleProps, query: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: rule.id,
    name: rule.name,
    description: rule.description,
    severity: rule.severity,
    requiredDataConnectors: connectors(rule.requiredDataConnectors),
  };
  if (rule.kind !== 'NRT') {
    out.queryFrequency = rule.queryFrequency;
    out.queryPeriod = rule.queryPeriod;
    out.triggerOperator = YAML_TRIGGER[rule.trigger?.operator ?? 'GreaterThan'];
    out.triggerThreshold = rule.trigger?.threshold ?? 0;
  }
  out.tactics = [...rule.tactics];
  out.relevantTechniques = [...(rule.techniques ?? [])];
  out.query = query;
  if (rule.entityMappings?.length) out.entityMappings = entityMappings(rule.entityMappings);
  if (rule.customDetails && Object.keys(rule.customDetails).length) out.customDetails = { ...rule.customDetails };
  if (rule.alertDetailsOverride) out.alertDetailsOverride = alertDetailsOverrideObject(rule.alertDetailsOverride, { alwaysListDynamicProperties: false });
  if (rule.incidentConfiguration) out.incidentConfiguration = incidentConfigurationObject(rule.incidentConfiguration, (d) => d);
  out.eventGroupingSettings = { aggregationKind: rule.eventGrouping ?? 'SingleAlert' };
  if (rule.suppression) {
    out.suppressionEnabled = rule.suppression.enabled;
    out.suppressionDuration = rule.suppression.duration;
  }
  out.version = rule.version;
  out.kind = rule.kind === 'NRT' ? 'NRT' : 'Scheduled';
  return out;
}

export function huntingYamlObject(query: HuntingQueryProps, text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: query.id,
    name: query.name,
    description: query.description,
    requiredDataConnectors: connectors(query.requiredDataConnectors),
    tactics: [...query.tactics],
    relevantTechniques: [...(query.techniques ?? [])],
    query: text,
  };
  if (query.entityMappings?.length) out.entityMappings = entityMappings(query.entityMappings);
  out.version = query.version ?? '1.0.0';
  return out;
}

function connectors(list: AnalyticsRuleProps['requiredDataConnectors']): unknown[] {
  return (list ?? []).map((c) => ({ connectorId: c.connectorId, dataTypes: [...c.dataTypes] }));
}

function entityMappings(list: NonNullable<AnalyticsRuleProps['entityMappings']>): unknown[] {
  return list.map((m) => ({ entityType: m.entityType, fieldMappings: m.fieldMappings.map((f) => ({ identifier: f.identifier, columnName: f.columnName })) }));
}

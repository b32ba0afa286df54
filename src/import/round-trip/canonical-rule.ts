import { toTriggerOperator } from '../field-values';
import { connectors, entityMappings, list, map, minutes, techniqueSet, text } from './canonical-values';

const INCIDENT_DEFAULTS = { createIncident: true };
const GROUPING_DEFAULTS = { enabled: false, reopenClosedIncident: false, lookbackDuration: 300, matchingMethod: 'AllEntities' };

/**
 * An alert rule (Azure-Sentinel YAML or ARM `properties`) reduced to what makes it the same rule:
 * query, schedule, trigger, suppression, classification, entities, custom details, overrides,
 * incident and grouping settings, with Sentinel's defaults filled in where the source leaves a
 * setting out. Bookkeeping (metadata, status, tags, the template link) is not part of it.
 */
const RULE_KEYS = [
  'name', 'displayName', 'description', 'severity', 'enabled', 'query', 'queryFrequency', 'queryPeriod', 'triggerOperator', 'triggerThreshold',
  'suppressionDuration', 'suppressionEnabled', 'startTimeUtc', 'tactics', 'relevantTechniques', 'techniques', 'subTechniques', 'requiredDataConnectors',
  'entityMappings', 'customDetails', 'alertDetailsOverride', 'incidentConfiguration', 'eventGroupingSettings', 'version', 'templateVersion', 'kind',
];
const OVERRIDE_KEYS = ['alertDisplayNameFormat', 'alertDescriptionFormat', 'alertSeverityColumnName', 'alertTacticsColumnName', 'alertDynamicProperties'];
const GROUPING_KEYS = ['enabled', 'reopenClosedIncident', 'lookbackDuration', 'matchingMethod', 'groupByEntities', 'groupByAlertDetails', 'groupByCustomDetails'];

export function canonicalAlertRule(kind: unknown, source: Readonly<Record<string, unknown>>, flavor: 'yaml' | 'arm'): Record<string, unknown> {
  const bag = map(source, RULE_KEYS);
  const scheduled = String(kind ?? 'Scheduled').toLowerCase() !== 'nrt';
  const out: Record<string, unknown> = {
    kind: scheduled ? 'Scheduled' : 'NRT',
    name: flavor === 'yaml' ? bag.name : bag.displayName,
    description: bag.description,
    severity: bag.severity,
    enabled: bag.enabled ?? true,
    query: text(bag.query),
    tactics: list(bag.tactics),
    techniques: flavor === 'yaml' ? techniqueSet(bag.relevantTechniques ?? bag.techniques) : techniqueSet(bag.techniques, bag.subTechniques),
    suppressionEnabled: bag.suppressionEnabled ?? false,
    suppressionDuration: minutes(bag.suppressionDuration, 300),
    entityMappings: entityMappings(bag.entityMappings),
    customDetails: map(bag.customDetails),
    alertDetailsOverride: override(bag.alertDetailsOverride),
    incidentConfiguration: incident(bag.incidentConfiguration),
    eventGrouping: map(bag.eventGroupingSettings).aggregationKind ?? 'SingleAlert',
  };
  if (scheduled) {
    out.queryFrequency = minutes(bag.queryFrequency);
    out.queryPeriod = minutes(bag.queryPeriod);
    out.triggerOperator = toTriggerOperator(bag.triggerOperator ?? 'gt') ?? bag.triggerOperator;
    out.triggerThreshold = Number(bag.triggerThreshold ?? 0);
    out.startTimeUtc = bag.startTimeUtc || null;
  }
  if (flavor === 'yaml') out.requiredDataConnectors = connectors(bag.requiredDataConnectors);
  const version = flavor === 'yaml' ? bag.version : bag.templateVersion;
  if (version !== undefined && version !== null) out.version = version;
  return out;
}

function override(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(map(value, OVERRIDE_KEYS))) {
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = key === 'alertDynamicProperties' ? list(v).map((p) => ({ alertProperty: map(p).alertProperty, value: map(p).value })) : v;
  }
  return out;
}

function incident(value: unknown): Record<string, unknown> {
  const config = map(value, ['createIncident', 'groupingConfiguration']);
  const grouping = map(config.groupingConfiguration, GROUPING_KEYS);
  return {
    createIncident: config.createIncident ?? INCIDENT_DEFAULTS.createIncident,
    grouping: {
      enabled: grouping.enabled ?? GROUPING_DEFAULTS.enabled,
      reopenClosedIncident: grouping.reopenClosedIncident ?? GROUPING_DEFAULTS.reopenClosedIncident,
      lookbackDuration: minutes(grouping.lookbackDuration, GROUPING_DEFAULTS.lookbackDuration),
      matchingMethod: grouping.matchingMethod ?? GROUPING_DEFAULTS.matchingMethod,
      groupByEntities: list(grouping.groupByEntities),
      groupByAlertDetails: list(grouping.groupByAlertDetails),
      groupByCustomDetails: list(grouping.groupByCustomDetails),
    },
  };
}

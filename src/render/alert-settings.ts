import type { AnalyticsRuleProps } from '../model/analytics-rule';
import type { Duration } from '../model/duration';

type Override = NonNullable<AnalyticsRuleProps['alertDetailsOverride']>;
type Incident = AnalyticsRuleProps['incidentConfiguration'];

/**
 * The alert-details override and incident configuration as both ARM and YAML write them. The two
 * formats differ only in duration spelling (ISO vs "5h") and in whether an empty dynamic-property
 * list is written (the portal export always writes it), so the shape lives here once.
 */
export function alertDetailsOverrideObject(o: Override, { alwaysListDynamicProperties }: { alwaysListDynamicProperties: boolean }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (o.alertDisplayNameFormat !== undefined) out.alertDisplayNameFormat = o.alertDisplayNameFormat;
  if (o.alertDescriptionFormat !== undefined) out.alertDescriptionFormat = o.alertDescriptionFormat;
  if (o.alertSeverityColumnName !== undefined) out.alertSeverityColumnName = o.alertSeverityColumnName;
  if (o.alertTacticsColumnName !== undefined) out.alertTacticsColumnName = o.alertTacticsColumnName;
  const dynamic = (o.alertDynamicProperties ?? []).map((p) => ({ alertProperty: p.alertProperty, value: p.value }));
  if (dynamic.length || alwaysListDynamicProperties) out.alertDynamicProperties = dynamic;
  return out;
}

/** Sentinel's defaults when a rule leaves incident settings out: create incidents, no grouping, 5h lookback. */
export function incidentConfigurationObject(config: Incident, formatDuration: (d: Duration) => string): Record<string, unknown> {
  const grouping = config?.grouping;
  return {
    createIncident: config?.createIncident ?? true,
    groupingConfiguration: {
      enabled: grouping?.enabled ?? false,
      reopenClosedIncident: grouping?.reopenClosedIncident ?? false,
      lookbackDuration: formatDuration(grouping?.lookbackDuration ?? '5h'),
      matchingMethod: grouping?.matchingMethod ?? 'AllEntities',
      groupByEntities: [...(grouping?.groupByEntities ?? [])],
      groupByAlertDetails: [...(grouping?.groupByAlertDetails ?? [])],
      groupByCustomDetails: [...(grouping?.groupByCustomDetails ?? [])],
    },
  };
}

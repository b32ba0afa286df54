import type { AnalyticsRuleProps } from '../model/analytics-rule';

export interface SettingRow {
  readonly setting: string;
  readonly value: string;
}

const TRIGGER: Readonly<Record<string, string>> = { GreaterThan: 'more than', LessThan: 'fewer than', Equal: 'exactly', NotEqual: 'other than' };

/** How and when the rule runs and alerts, in words, with Sentinel's defaults filled in. */
export function scheduleRows(rule: AnalyticsRuleProps): SettingRow[] {
  const rows: SettingRow[] = [];
  if (rule.kind === 'NRT') {
    rows.push({ setting: 'Runs', value: 'near real time (NRT): about every minute, on the data ingested since the last run' });
  } else {
    const trigger = rule.trigger ?? { operator: 'GreaterThan', threshold: 0 };
    rows.push({ setting: 'Runs every', value: rule.queryFrequency });
    rows.push({ setting: 'Looks back', value: rule.queryPeriod });
    rows.push({ setting: 'First run', value: rule.startTimeUtc ?? 'as soon as it is enabled' });
    rows.push({ setting: 'Alerts when', value: `the query returns ${TRIGGER[trigger.operator] ?? trigger.operator} ${trigger.threshold} results` });
  }
  const suppression = rule.suppression ?? { enabled: false, duration: '5h' };
  rows.push({ setting: 'Suppression', value: suppression.enabled ? `stops running for ${suppression.duration} after an alert` : 'off' });
  rows.push({ setting: 'Event grouping', value: rule.eventGrouping === 'AlertPerResult' ? 'one alert per result row' : 'one alert for all result rows' });
  rows.push({ setting: 'Incidents', value: incidents(rule) });
  rows.push({ setting: 'Enabled when deployed', value: rule.enabled === false ? 'no' : 'yes' });
  return rows;
}

/** The alert-details override, one row per setting the rule uses; empty when it has none. */
export function alertDetailRows(rule: AnalyticsRuleProps): SettingRow[] {
  const o = rule.alertDetailsOverride;
  if (!o) return [];
  const rows: SettingRow[] = [];
  if (o.alertDisplayNameFormat) rows.push({ setting: 'Alert name', value: o.alertDisplayNameFormat });
  if (o.alertDescriptionFormat) rows.push({ setting: 'Alert description', value: o.alertDescriptionFormat });
  if (o.alertSeverityColumnName) rows.push({ setting: 'Severity from column', value: o.alertSeverityColumnName });
  if (o.alertTacticsColumnName) rows.push({ setting: 'Tactics from column', value: o.alertTacticsColumnName });
  for (const p of o.alertDynamicProperties ?? []) rows.push({ setting: `${p.alertProperty} from column`, value: p.value });
  return rows;
}

function incidents(rule: AnalyticsRuleProps): string {
  const config = rule.incidentConfiguration;
  if (config && config.createIncident === false) return 'not created';
  const grouping = config?.grouping;
  if (!grouping?.enabled) return 'one incident per alert';
  const by = [
    ...(grouping.matchingMethod === 'Selected' ? [`entities ${(grouping.groupByEntities ?? []).join(', ') || 'none'}`] : []),
    ...(grouping.groupByAlertDetails?.length ? [`alert details ${grouping.groupByAlertDetails.join(', ')}`] : []),
    ...(grouping.groupByCustomDetails?.length ? [`custom details ${grouping.groupByCustomDetails.join(', ')}`] : []),
  ];
  const matching = grouping.matchingMethod === 'AnyAlert' ? 'all alerts' : grouping.matchingMethod === 'Selected' ? `alerts matching on ${by.join(' and ')}` : 'alerts whose entities all match';
  return `alerts grouped into one incident over ${grouping.lookbackDuration ?? '5h'}: ${matching}${grouping.reopenClosedIncident ? '; closed incidents reopen' : ''}`;
}

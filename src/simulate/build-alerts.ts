import type { AnalyticsRuleProps } from '../model/analytics-rule';
import { ALERT_SEVERITIES, TACTICS, type AlertSeverity, type EntityType } from '../model/enums';
import type { SimulatedAlert, SimulatedEntity } from './simulated-alert';

/** Sentinel raises at most this many alerts per run. */
export const MAX_ALERTS_PER_RUN = 150;

type Row = Readonly<Record<string, unknown>>;

/** Whether the rule's trigger holds for a result of `count` rows (NRT rules fire on any row). */
export function triggerHolds(rule: AnalyticsRuleProps, count: number): boolean {
  if (rule.kind === 'NRT') return count > 0;
  const threshold = rule.trigger?.threshold ?? 0;
  switch (rule.trigger?.operator ?? 'GreaterThan') {
    case 'GreaterThan':
      return count > threshold;
    case 'LessThan':
      return count < threshold;
    case 'Equal':
      return count === threshold;
    case 'NotEqual':
      return count !== threshold;
  }
}

/**
 * Groups result rows into alerts as Sentinel does: one alert for all events, or one per event;
 * past 150 events the first 149 get an alert each and the 150th summarizes every event.
 */
export function buildAlerts(rule: AnalyticsRuleProps, rows: readonly Row[]): SimulatedAlert[] {
  if ((rule.eventGrouping ?? 'SingleAlert') === 'SingleAlert') return [alertFor(rule, rows)];
  if (rows.length <= MAX_ALERTS_PER_RUN) return rows.map((row) => alertFor(rule, [row]));
  return [...rows.slice(0, MAX_ALERTS_PER_RUN - 1).map((row) => alertFor(rule, [row])), alertFor(rule, rows)];
}

function alertFor(rule: AnalyticsRuleProps, rows: readonly Row[]): SimulatedAlert {
  const first = rows[0] ?? {};
  const override = rule.alertDetailsOverride;
  return {
    displayName: render(override?.alertDisplayNameFormat, first) ?? rule.name,
    description: render(override?.alertDescriptionFormat, first) ?? rule.description,
    severity: severityOf(override?.alertSeverityColumnName, first) ?? rule.severity,
    tactics: tacticsOf(override?.alertTacticsColumnName, first) ?? [...rule.tactics],
    entities: entitiesOf(rule, rows),
    customDetails: Object.fromEntries(Object.entries(rule.customDetails ?? {}).map(([key, column]) => [key, rows.map((r) => r[column] ?? null)])),
    events: rows.length,
  };
}

/** `{{Column}}` takes the value of the alert's first event. */
function render(format: string | undefined, row: Row): string | undefined {
  if (format === undefined) return undefined;
  return format.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (_m, column: string) => text(row[column]));
}

function severityOf(column: string | undefined, row: Row): AlertSeverity | undefined {
  if (!column) return undefined;
  const value = text(row[column]);
  return ALERT_SEVERITIES.find((s) => s.toLowerCase() === value.toLowerCase());
}

function tacticsOf(column: string | undefined, row: Row): string[] | undefined {
  if (!column) return undefined;
  const values = text(row[column])
    .split(',')
    .map((t) => t.trim())
    .filter((t) => (TACTICS as readonly string[]).includes(t));
  return values.length ? values : undefined;
}

/** One entity per mapping per event, identifiers without a value skipped, identical entities merged. */
function entitiesOf(rule: AnalyticsRuleProps, rows: readonly Row[]): SimulatedEntity[] {
  const seen = new Set<string>();
  const out: SimulatedEntity[] = [];
  for (const row of rows) {
    for (const mapping of rule.entityMappings ?? []) {
      const identifiers: Record<string, string> = {};
      for (const field of mapping.fieldMappings) {
        const value = text(row[field.columnName]);
        if (value !== '') identifiers[field.identifier] = value;
      }
      if (Object.keys(identifiers).length === 0) continue;
      const key = `${mapping.entityType}|${JSON.stringify(identifiers)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ entityType: mapping.entityType as EntityType, identifiers });
    }
  }
  return out;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

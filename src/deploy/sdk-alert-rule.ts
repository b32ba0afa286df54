/**
 * The alert rule as @azure/arm-securityinsight 1.0.0-beta.6 sends it (api-version
 * 2022-09-01-preview). The rendered portal-export properties (2023-12-01-preview) carry a few
 * settings that this API version's model does not have; the SDK's serializer would drop them
 * silently, so they are dropped here, by name, and reported in the plan:
 *
 * - `subTechniques` (the parent techniques are still sent in `techniques`),
 * - `startTimeUtc` (the rule starts at once),
 * - `sentinelEntitiesMappings` (always null in rendered rules),
 * - `alertDetailsOverride.alertDynamicProperties`.
 */
import type { AlertRuleUnion, NrtAlertRule, ScheduledAlertRule } from '@azure/arm-securityinsight';
import type { AnalyticsRuleProps } from '../model/analytics-rule';
import { alertRuleProperties } from '../render/arm-alert-rule';

/** Properties a deploy manages; anything else a live rule carries is Sentinel's own. */
export const SCHEDULED_RULE_PROPERTIES = [
  'displayName', 'description', 'severity', 'enabled', 'query', 'queryFrequency', 'queryPeriod', 'triggerOperator', 'triggerThreshold',
  'suppressionDuration', 'suppressionEnabled', 'tactics', 'techniques', 'alertRuleTemplateName', 'templateVersion', 'incidentConfiguration',
  'eventGroupingSettings', 'alertDetailsOverride', 'customDetails', 'entityMappings',
] as const;

const NRT_ONLY_ABSENT = new Set(['queryFrequency', 'queryPeriod', 'triggerOperator', 'triggerThreshold']);
export const NRT_RULE_PROPERTIES = SCHEDULED_RULE_PROPERTIES.filter((p) => !NRT_ONLY_ABSENT.has(p));

export interface SdkAlertRule {
  readonly body: AlertRuleUnion;
  /** Settings of the definition this API version cannot carry, e.g. "subTechniques: T1098.001". */
  readonly dropped: readonly string[];
}

export function sdkAlertRule(rule: AnalyticsRuleProps, query: string): SdkAlertRule {
  const rendered = alertRuleProperties(rule, query);
  const dropped: string[] = [];
  const subTechniques = rendered.subTechniques as string[];
  if (subTechniques.length) dropped.push(`subTechniques: ${subTechniques.join(', ')}`);
  if (rendered.startTimeUtc) dropped.push(`startTimeUtc: ${String(rendered.startTimeUtc)}`);
  const override = rendered.alertDetailsOverride as Record<string, unknown> | null;
  let alertDetailsOverride: Record<string, unknown> | undefined;
  if (override) {
    const { alertDynamicProperties, ...rest } = override;
    if (Array.isArray(alertDynamicProperties) && alertDynamicProperties.length) {
      dropped.push(`alertDetailsOverride.alertDynamicProperties: ${alertDynamicProperties.map((p) => (p as { alertProperty: string }).alertProperty).join(', ')}`);
    }
    alertDetailsOverride = rest;
  }
  const kind = rule.kind === 'NRT' ? 'NRT' : 'Scheduled';
  const names: readonly string[] = kind === 'NRT' ? NRT_RULE_PROPERTIES : SCHEDULED_RULE_PROPERTIES;
  const body: Record<string, unknown> = { kind };
  for (const name of names) {
    const value = name === 'alertDetailsOverride' ? alertDetailsOverride : rendered[name];
    if (value !== null && value !== undefined) body[name] = value;
  }
  return { body: body as unknown as ScheduledAlertRule | NrtAlertRule, dropped };
}

/** The managed properties of a rule (desired or live), for hashing and diffing. */
export function comparableAlertRule(rule: AlertRuleUnion): Record<string, unknown> {
  const source = rule as unknown as Record<string, unknown>;
  const names: readonly string[] = rule.kind === 'NRT' ? NRT_RULE_PROPERTIES : SCHEDULED_RULE_PROPERTIES;
  const out: Record<string, unknown> = { kind: rule.kind };
  for (const name of names) out[name] = source[name];
  return out;
}

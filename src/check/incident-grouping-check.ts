import type { Check } from './check';

/**
 * Incident grouping settings that Sentinel accepts only together: "Selected" matching needs
 * something to match on, it can only group by entity types the rule maps and custom details it
 * defines, and grouping fields are ignored under any other matching method.
 */
export const incidentGroupingCheck: Check = {
  name: 'incident-grouping',
  rule(rule, _ctx, report) {
    const config = rule.props.incidentConfiguration;
    const grouping = config?.grouping;
    if (!grouping || typeof grouping !== 'object') return;
    const at = ['incidentConfiguration', 'grouping'] as const;
    const entities = grouping.groupByEntities ?? [];
    const details = grouping.groupByAlertDetails ?? [];
    const custom = grouping.groupByCustomDetails ?? [];
    const selected = grouping.matchingMethod === 'Selected';
    if (selected && entities.length + details.length + custom.length === 0) {
      report.at(rule, [...at, 'matchingMethod'], 'INCIDENT_GROUPING_EMPTY_SELECTION', 'error', 'matchingMethod Selected groups by nothing: list groupByEntities, groupByAlertDetails or groupByCustomDetails', "e.g. groupByEntities: ['Account']");
    }
    if (!selected && entities.length + details.length + custom.length > 0) {
      report.at(rule, [...at, 'matchingMethod'], 'INCIDENT_GROUPING_IGNORED', 'warning', `groupBy fields are only used with matchingMethod 'Selected' (here ${grouping.matchingMethod ?? 'AllEntities'}); Sentinel ignores them`);
    }
    const mapped = new Set((rule.props.entityMappings ?? []).map((m) => m.entityType));
    entities.forEach((type, i) => {
      if (!mapped.has(type)) report.at(rule, [...at, 'groupByEntities', i], 'INCIDENT_GROUPING_UNMAPPED_ENTITY', 'error', `grouping by ${type}, which the rule's entityMappings do not map`, `map ${type} in entityMappings, or group by a mapped entity type (${[...mapped].join(', ') || 'none mapped'})`);
    });
    const defined = new Set(Object.keys(rule.props.customDetails ?? {}));
    custom.forEach((key, i) => {
      if (!defined.has(key)) report.at(rule, [...at, 'groupByCustomDetails', i], 'INCIDENT_GROUPING_UNKNOWN_CUSTOM_DETAIL', 'error', `grouping by custom detail '${key}', which customDetails does not define`, `defined: ${[...defined].join(', ') || 'none'}`);
    });
    if (config?.createIncident === false && grouping.enabled) {
      report.at(rule, [...at, 'enabled'], 'INCIDENT_GROUPING_IGNORED', 'warning', 'alert grouping is enabled but createIncident is false, so there are no incidents to group');
    }
  },
};

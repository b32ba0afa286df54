import type { Check, Report } from './check';
import { ShapeAssertions } from './shape-assertions';
import type { LoadedHuntingQuery, LoadedRule } from '../load/loaded-project';
import { ALERT_DETAILS, ALERT_PROPERTIES, ALERT_SEVERITIES, ENTITY_TYPES, EVENT_GROUPING_KINDS, MATCHING_METHODS, TACTICS, TRIGGER_OPERATORS } from '../model/enums';
import { checkEntityMappings } from './entity-mapping-check';

const VERSION = /^\d+\.\d+\.\d+$/;
const TECHNIQUE = /^T\d{4}(\.\d{3})?$/;

/** Types, enums and required properties of analytics rules and hunting queries. */
export const ruleShapeCheck: Check = {
  name: 'rule-shape',
  rule(rule, _ctx, report) {
    const a = new ShapeAssertions(rule, report);
    checkCommon(rule, a, report);
    a.oneOf(['severity'], ALERT_SEVERITIES, { required: true });
    a.oneOf(['kind'], ['Scheduled', 'NRT']);
    a.boolean(['enabled']);
    if (rule.props.kind !== 'NRT') {
      a.oneOf(['trigger', 'operator'], TRIGGER_OPERATORS, { required: a.value(['trigger']) !== undefined });
      a.integer(['trigger', 'threshold'], 0, 10_000, { required: a.value(['trigger']) !== undefined });
      a.pattern(['startTimeUtc'], /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'an ISO-8601 UTC time such as 2026-01-01T00:00:00Z');
    }
    a.boolean(['suppression', 'enabled']);
    a.oneOf(['eventGrouping'], EVENT_GROUPING_KINDS);
    checkOverride(a);
    checkIncidentConfiguration(a);
    const details = a.object(['customDetails']);
    if (details) checkCustomDetails(details, a);
  },
  hunting(query, _ctx, report) {
    const a = new ShapeAssertions(query, report);
    checkCommon(query, a, report);
  },
};

function checkCommon(definition: LoadedRule | LoadedHuntingQuery, a: ShapeAssertions, report: Report): void {
  a.guid(['id']);
  a.pattern(['version'], VERSION, 'a version "major.minor.patch" such as "1.0.0"', { required: definition.kind === 'AnalyticsRule' });
  a.string(['name'], { required: true, max: 256 });
  a.string(['description'], { required: true, max: 5000 });
  a.arrayOf(['tactics'], (i) => a.oneOf(['tactics', i], TACTICS), { required: true });
  a.arrayOf(['techniques'], (i) => a.pattern(['techniques', i], TECHNIQUE, 'an ATT&CK technique id such as T1098 or T1098.001'));
  a.arrayOf(['requiredDataConnectors'], (i) => {
    a.string(['requiredDataConnectors', i, 'connectorId'], { required: true });
    a.arrayOf(['requiredDataConnectors', i, 'dataTypes'], (j) => a.string(['requiredDataConnectors', i, 'dataTypes', j], { required: true }), { required: true });
  });
  a.arrayOf(['tags'], (i) => a.string(['tags', i], { required: true }));
  checkEntityMappings(definition, a, report);
}

function checkOverride(a: ShapeAssertions): void {
  if (!a.object(['alertDetailsOverride'])) return;
  for (const [field, max] of [['alertDisplayNameFormat', 256], ['alertDescriptionFormat', 5000]] as const) {
    a.string(['alertDetailsOverride', field], { max });
    const format = a.value(['alertDetailsOverride', field]);
    const placeholders = typeof format === 'string' ? (format.match(/\{\{[^{}]*\}\}/g) ?? []).length : 0;
    if (placeholders > 3) {
      a.fail(['alertDetailsOverride', field], `${field} has ${placeholders} {{Column}} placeholders; Sentinel allows 3`, undefined, 'LIMIT_EXCEEDED');
    }
  }
  a.string(['alertDetailsOverride', 'alertSeverityColumnName']);
  a.string(['alertDetailsOverride', 'alertTacticsColumnName']);
  a.arrayOf(['alertDetailsOverride', 'alertDynamicProperties'], (i) => {
    a.oneOf(['alertDetailsOverride', 'alertDynamicProperties', i, 'alertProperty'], ALERT_PROPERTIES, { required: true });
    a.string(['alertDetailsOverride', 'alertDynamicProperties', i, 'value'], { required: true });
  });
}

function checkIncidentConfiguration(a: ShapeAssertions): void {
  if (!a.object(['incidentConfiguration'])) return;
  a.boolean(['incidentConfiguration', 'createIncident']);
  if (!a.object(['incidentConfiguration', 'grouping'])) return;
  const g = ['incidentConfiguration', 'grouping'] as const;
  a.boolean([...g, 'enabled']);
  a.boolean([...g, 'reopenClosedIncident']);
  a.oneOf([...g, 'matchingMethod'], MATCHING_METHODS);
  a.arrayOf([...g, 'groupByEntities'], (i) => a.oneOf([...g, 'groupByEntities', i], ENTITY_TYPES));
  a.arrayOf([...g, 'groupByAlertDetails'], (i) => a.oneOf([...g, 'groupByAlertDetails', i], ALERT_DETAILS));
  a.arrayOf([...g, 'groupByCustomDetails'], (i) => a.string([...g, 'groupByCustomDetails', i], { required: true }));
}

function checkCustomDetails(details: Record<string, unknown>, a: ShapeAssertions): void {
  const keys = Object.keys(details);
  if (keys.length > 20) a.fail(['customDetails'], `customDetails has ${keys.length} entries; Sentinel allows 20`, undefined, 'LIMIT_EXCEEDED');
  for (const key of keys) {
    if (!/^[a-zA-Z]+\w*$/.test(key) || key.length > 20) {
      a.fail(['customDetails', key], `custom detail key '${key}' must start with a letter, hold only letters, digits and _, and be at most 20 characters`, undefined, 'CUSTOM_DETAIL_KEY');
    }
    a.pattern(['customDetails', key], /^[a-zA-Z_]+\w*$/, 'a column name (letters, digits, _)');
  }
}

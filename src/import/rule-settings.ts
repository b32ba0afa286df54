import type { PropPath } from '../load/source-locator';
import { durationMinutes } from '../model/duration';
import type { ConversionContext } from './conversion-context';
import { isPlainObject, isStringArray, toDuration, withKnownKeyCase } from './field-values';

type Bag = Record<string, unknown>;

/**
 * Entity mappings as both YAML and ARM write them. Only entityType and fieldMappings
 * (identifier, columnName) exist in the model; anything else is reported, not silently dropped.
 */
export function convertEntityMappings(raw: unknown, ctx: ConversionContext, relative: PropPath, modelPath: PropPath): Bag[] | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    ctx.report('IMPORT_BAD_VALUE', 'warning', relative, 'entityMappings is not a list; not carried over');
    return undefined;
  }
  const out = raw.map((mapping, i) => {
    const m = knownKeyCase(isPlainObject(mapping) ? mapping : {}, ['entityType', 'fieldMappings'], ctx, [...relative, i]);
    reportExtraKeys(m, ['entityType', 'fieldMappings'], ctx, [...relative, i]);
    const fields = Array.isArray(m.fieldMappings) ? m.fieldMappings : [];
    const fieldMappings = fields.map((f: unknown, j: number) => {
      const field = knownKeyCase(isPlainObject(f) ? f : {}, ['identifier', 'columnName'], ctx, [...relative, i, 'fieldMappings', j]);
      reportExtraKeys(field, ['identifier', 'columnName'], ctx, [...relative, i, 'fieldMappings', j]);
      return { identifier: field.identifier, columnName: field.columnName };
    });
    return { entityType: m.entityType, fieldMappings };
  });
  ctx.trackTree(modelPath, relative, out);
  return out.length ? out : undefined;
}

export function convertCustomDetails(raw: unknown, ctx: ConversionContext, relative: PropPath): Bag | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (!isPlainObject(raw)) {
    ctx.report('IMPORT_BAD_VALUE', 'warning', relative, 'customDetails is not a mapping of name to column; not carried over');
    return undefined;
  }
  ctx.trackTree(['customDetails'], relative, raw);
  return Object.keys(raw).length ? { ...raw } : undefined;
}

const OVERRIDE_KEYS = ['alertDisplayNameFormat', 'alertDescriptionFormat', 'alertSeverityColumnName', 'alertTacticsColumnName'] as const;

export function convertAlertDetailsOverride(value: unknown, ctx: ConversionContext, relative: PropPath): Bag | undefined {
  if (value === null || value === undefined) return undefined;
  if (!isPlainObject(value)) {
    ctx.report('IMPORT_BAD_VALUE', 'warning', relative, 'alertDetailsOverride is not a mapping; not carried over');
    return undefined;
  }
  const raw = knownKeyCase(value, [...OVERRIDE_KEYS, 'alertDynamicProperties'], ctx, relative);
  reportExtraKeys(raw, [...OVERRIDE_KEYS, 'alertDynamicProperties'], ctx, relative);
  const out: Bag = {};
  for (const key of OVERRIDE_KEYS) {
    if (raw[key] === null || raw[key] === undefined) continue;
    out[key] = raw[key];
    ctx.track(['alertDetailsOverride', key], [...relative, key]);
  }
  const dynamic = raw.alertDynamicProperties;
  if (Array.isArray(dynamic) && dynamic.length) {
    out.alertDynamicProperties = dynamic.map((p) => (isPlainObject(p) ? { alertProperty: p.alertProperty, value: p.value } : p));
    ctx.trackTree(['alertDetailsOverride', 'alertDynamicProperties'], [...relative, 'alertDynamicProperties'], out.alertDynamicProperties);
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * Incident settings, written as the model's defaults allow: only what differs from Sentinel's
 * defaults (create incidents; grouping off, no reopen, 5h lookback, all entities), so an imported
 * rule reads like a hand-written one and still renders the same settings.
 */
export function convertIncidentConfiguration(value: unknown, ctx: ConversionContext, relative: PropPath): Bag | undefined {
  if (value === null || value === undefined) return undefined;
  if (!isPlainObject(value)) {
    ctx.report('IMPORT_BAD_VALUE', 'warning', relative, 'incidentConfiguration is not a mapping; not carried over');
    return undefined;
  }
  const raw = knownKeyCase(value, ['createIncident', 'groupingConfiguration'], ctx, relative);
  reportExtraKeys(raw, ['createIncident', 'groupingConfiguration'], ctx, relative);
  const createIncident = raw.createIncident === undefined || raw.createIncident === null ? true : raw.createIncident;
  ctx.track(['incidentConfiguration', 'createIncident'], [...relative, 'createIncident']);
  const grouping = convertGrouping(raw.groupingConfiguration, ctx, [...relative, 'groupingConfiguration']);
  if (createIncident === true && !grouping) return undefined;
  return grouping ? { createIncident, grouping } : { createIncident };
}

const GROUPING_KEYS = ['enabled', 'reopenClosedIncident', 'lookbackDuration', 'matchingMethod', 'groupByEntities', 'groupByAlertDetails', 'groupByCustomDetails'];

function convertGrouping(value: unknown, ctx: ConversionContext, relative: PropPath): Bag | undefined {
  if (!isPlainObject(value)) return undefined;
  const raw = knownKeyCase(value, GROUPING_KEYS, ctx, relative);
  reportExtraKeys(raw, GROUPING_KEYS, ctx, relative);
  const model = ['incidentConfiguration', 'grouping'];
  const out: Bag = { enabled: raw.enabled ?? false };
  ctx.track([...model, 'enabled'], [...relative, 'enabled']);
  const set = (key: string, value: unknown): void => {
    out[key] = value;
    ctx.trackTree([...model, key], [...relative, key], value);
  };
  if (raw.reopenClosedIncident !== undefined && raw.reopenClosedIncident !== null && raw.reopenClosedIncident !== false) set('reopenClosedIncident', raw.reopenClosedIncident);
  if (raw.lookbackDuration !== undefined && raw.lookbackDuration !== null) {
    const duration = toDuration(raw.lookbackDuration);
    if (!duration) ctx.report('IMPORT_BAD_VALUE', 'warning', [...relative, 'lookbackDuration'], `${JSON.stringify(raw.lookbackDuration)} is not a duration in minutes; the default 5h is used`);
    else if (durationMinutes(duration) !== 300) set('lookbackDuration', duration);
  }
  if (raw.matchingMethod !== undefined && raw.matchingMethod !== null && raw.matchingMethod !== 'AllEntities') set('matchingMethod', raw.matchingMethod);
  for (const key of ['groupByEntities', 'groupByAlertDetails', 'groupByCustomDetails']) {
    const list = raw[key];
    if (isStringArray(list) && list.length) set(key, [...list]);
  }
  return out.enabled === false && Object.keys(out).length === 1 ? undefined : out;
}

/** withKnownKeyCase, reporting each key it renames. */
export function knownKeyCase(object: Bag, known: readonly string[], ctx: ConversionContext, relative: PropPath): Bag {
  const { value, renamed } = withKnownKeyCase(object, known);
  for (const [from, to] of renamed) ctx.report('IMPORT_NORMALIZED', 'warning', [...relative, from], `${from} was read as ${to} (property names are not case-sensitive in ARM)`, { key: true });
  return value;
}

export function reportExtraKeys(object: Bag, known: readonly string[], ctx: ConversionContext, relative: PropPath): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    ctx.unknownProperty([...relative, key]);
  }
}

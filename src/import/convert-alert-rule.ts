import type { PropPath } from '../load/source-locator';
import { durationMinutes } from '../model/duration';
import type { ConversionContext } from './conversion-context';
import { isPlainObject, isStringArray, mergeTechniques, toDuration, toTriggerOperator } from './field-values';
import type { ImportedRule, ImportedRuleProps } from './imported-item';
import { importQuery } from './import-query';
import { convertAlertDetailsOverride, convertCustomDetails, convertEntityMappings, convertIncidentConfiguration, knownKeyCase } from './rule-settings';
import { sourceList } from './source-list';
import type { YamlSource } from './yaml-source';

/** The properties both formats share, under the same names. */
const SHARED = [
  'description', 'severity', 'enabled', 'query', 'queryFrequency', 'queryPeriod', 'triggerOperator', 'triggerThreshold',
  'suppressionDuration', 'suppressionEnabled', 'startTimeUtc', 'tactics', 'incidentConfiguration', 'eventGroupingSettings',
  'alertDetailsOverride', 'customDetails', 'entityMappings', 'sentinelEntitiesMappings', 'alertRuleTemplateName',
];
const YAML_ONLY = ['id', 'name', 'kind', 'version', 'relevantTechniques', 'techniques', 'requiredDataConnectors', 'tags'];
const ARM_ONLY = ['displayName', 'templateVersion', 'techniques', 'subTechniques'];
/** Bookkeeping that says nothing about what the rule does; dropped with a note. */
const INFORMATIONAL = ['metadata', 'status', 'description-detailed', 'description_detailed', 'lastModifiedUtc'];

export interface AlertRuleInput {
  readonly flavor: 'yaml' | 'arm';
  /** The rule's properties: the YAML document, or an ARM resource's `properties`. */
  readonly bag: Readonly<Record<string, unknown>>;
  readonly id: string;
  /** Where the id is written, relative to the context's base; absent when it was derived. */
  readonly idPath?: PropPath;
  readonly kind: 'Scheduled' | 'NRT';
}

/**
 * One analytics rule (Scheduled or NRT) from Azure-Sentinel YAML or a portal ARM export, as the
 * props of defineAnalyticsRule. Values are carried as written so that `validate` judges them; only
 * what the model cannot hold (an unconvertible schedule, a missing query) stops the rule.
 */
export function convertAlertRule(input: AlertRuleInput, ctx: ConversionContext, yaml?: YamlSource): ImportedRule | undefined {
  const { flavor, kind } = input;
  const bag = knownKeyCase(input.bag, [...SHARED, ...(flavor === 'yaml' ? YAML_ONLY : ARM_ONLY)], ctx, []);
  const props: Record<string, unknown> = { id: input.id };
  if (input.idPath) ctx.track(['id'], input.idPath);
  props.version = version(bag, flavor, ctx);
  if (kind === 'NRT') props.kind = 'NRT';
  const nameKey = flavor === 'yaml' ? 'name' : 'displayName';
  if (typeof bag[nameKey] !== 'string' || bag[nameKey] === '') {
    ctx.report('IMPORT_MISSING_PROPERTY', 'error', bag[nameKey] === undefined ? undefined : [nameKey], `has no ${nameKey}; a rule needs a name`);
  }
  copy(props, 'name', bag, nameKey, ctx);
  copy(props, 'description', bag, 'description', ctx);
  copy(props, 'severity', bag, 'severity', ctx);
  props.tactics = sourceList(bag.tactics, ctx, ['tactics'], ['tactics']);
  techniques(props, bag, flavor, ctx);
  if (flavor === 'yaml') connectors(props, bag, ctx);
  const query = importQuery(bag.query, ctx, ['query'], yaml);
  if (bag.enabled === false) copy(props, 'enabled', bag, 'enabled', ctx);
  if (kind === 'Scheduled') schedule(props, bag, ctx);
  else for (const key of ['queryFrequency', 'queryPeriod', 'triggerOperator', 'triggerThreshold', 'startTimeUtc']) {
    if (bag[key] !== undefined && bag[key] !== null) ctx.report('IMPORT_DROPPED_PROPERTY', 'warning', [key], `an NRT rule runs every minute; ${key} is not carried over`, { key: true });
  }
  suppression(props, bag, ctx);
  const aggregation = isPlainObject(bag.eventGroupingSettings) ? bag.eventGroupingSettings.aggregationKind : undefined;
  if (aggregation !== undefined && aggregation !== null && aggregation !== 'SingleAlert') {
    props.eventGrouping = aggregation;
    ctx.track(['eventGrouping'], ['eventGroupingSettings', 'aggregationKind']);
  }
  setIfDefined(props, 'entityMappings', convertEntityMappings(bag.entityMappings, ctx, ['entityMappings'], ['entityMappings']));
  setIfDefined(props, 'customDetails', convertCustomDetails(bag.customDetails, ctx, ['customDetails']));
  setIfDefined(props, 'alertDetailsOverride', convertAlertDetailsOverride(bag.alertDetailsOverride, ctx, ['alertDetailsOverride']));
  setIfDefined(props, 'incidentConfiguration', convertIncidentConfiguration(bag.incidentConfiguration, ctx, ['incidentConfiguration']));
  if (flavor === 'yaml') tags(props, bag, ctx);
  reportNotCarried(bag, flavor, ctx);
  if (!query || ctx.hasErrors()) return undefined;
  return { kind: 'AnalyticsRule', props: props as unknown as ImportedRuleProps, query, origin: ctx.origin() };
}

function version(bag: Readonly<Record<string, unknown>>, flavor: 'yaml' | 'arm', ctx: ConversionContext): unknown {
  const key = flavor === 'yaml' ? 'version' : 'templateVersion';
  const value = bag[key];
  if (typeof value === 'string' && value !== '') {
    ctx.track(['version'], [key]);
    return value;
  }
  // Custom rules exported from the portal have no version (templateVersion: null); YAML should have one.
  if (flavor === 'yaml') ctx.report('IMPORT_DEFAULTED', 'info', undefined, 'has no version; the definition starts at 1.0.0');
  return '1.0.0';
}

function techniques(props: Record<string, unknown>, bag: Readonly<Record<string, unknown>>, flavor: 'yaml' | 'arm', ctx: ConversionContext): void {
  if (flavor === 'yaml') {
    const key = bag.relevantTechniques !== undefined ? 'relevantTechniques' : 'techniques';
    const list = sourceList(bag[key], ctx, [key], ['techniques']);
    if (list.length) props.techniques = list;
    return;
  }
  const parents = isStringArray(bag.techniques) ? bag.techniques : [];
  const subs = isStringArray(bag.subTechniques) ? bag.subTechniques : [];
  const merged = mergeTechniques(parents, subs);
  merged.forEach((t, i) => ctx.track(['techniques', i], subs.includes(t) ? ['subTechniques', subs.indexOf(t)] : ['techniques', parents.indexOf(t)]));
  if (merged.length) props.techniques = merged;
}

function connectors(props: Record<string, unknown>, bag: Readonly<Record<string, unknown>>, ctx: ConversionContext): void {
  const list = sourceList(bag.requiredDataConnectors, ctx, ['requiredDataConnectors'], ['requiredDataConnectors']);
  if (list.length) props.requiredDataConnectors = list.map((c) => (isPlainObject(c) ? { connectorId: c.connectorId, dataTypes: Array.isArray(c.dataTypes) ? [...c.dataTypes] : [] } : c));
}

function schedule(props: Record<string, unknown>, bag: Readonly<Record<string, unknown>>, ctx: ConversionContext): void {
  for (const key of ['queryFrequency', 'queryPeriod']) {
    const duration = toDuration(bag[key]);
    if (duration) {
      props[key] = duration;
      ctx.track([key], [key]);
    } else {
      if (bag[key] === undefined) {
        // Reported at `kind` when there is one: a hunting query mislabelled `kind: Scheduled` is the usual cause.
        ctx.report('IMPORT_MISSING_PROPERTY', 'error', bag.kind === undefined ? undefined : ['kind'], `a Scheduled rule needs ${key}`, { hint: `add ${key}; if this is a hunting query, remove kind` });
      } else {
        ctx.report('IMPORT_BAD_VALUE', 'error', [key], `${JSON.stringify(bag[key])} is not a whole number of minutes, hours or days`, { hint: 'write it as 5m, 1h or 14d (YAML) or PT5M, PT1H, P14D (ARM)' });
      }
    }
  }
  if (bag.triggerOperator !== undefined || bag.triggerThreshold !== undefined) {
    const operator = toTriggerOperator(bag.triggerOperator ?? 'gt');
    if (!operator) ctx.report('IMPORT_BAD_VALUE', 'error', ['triggerOperator'], `${JSON.stringify(bag.triggerOperator)} is not a trigger operator`, { hint: 'use gt, lt, eq or ne (YAML) or GreaterThan, LessThan, Equal, NotEqual (ARM)' });
    const threshold = typeof bag.triggerThreshold === 'string' && /^\d+$/.test(bag.triggerThreshold) ? Number(bag.triggerThreshold) : (bag.triggerThreshold ?? 0);
    props.trigger = { operator, threshold };
    ctx.track(['trigger', 'operator'], ['triggerOperator']);
    ctx.track(['trigger', 'threshold'], ['triggerThreshold']);
  }
  if (typeof bag.startTimeUtc === 'string' && bag.startTimeUtc !== '') copy(props, 'startTimeUtc', bag, 'startTimeUtc', ctx);
}

function suppression(props: Record<string, unknown>, bag: Readonly<Record<string, unknown>>, ctx: ConversionContext): void {
  const enabledRaw = bag.suppressionEnabled;
  const durationRaw = bag.suppressionDuration;
  if ((enabledRaw === undefined || enabledRaw === null) && (durationRaw === undefined || durationRaw === null)) return;
  let duration = durationRaw === undefined || durationRaw === null ? '5h' : toDuration(durationRaw);
  if (!duration) {
    ctx.report('IMPORT_BAD_VALUE', 'warning', ['suppressionDuration'], `${JSON.stringify(durationRaw)} is not a whole number of minutes; the default 5h is used`);
    duration = '5h';
  }
  const enabled = enabledRaw ?? false;
  if (enabled === false && durationMinutes(duration) === 300) return;
  props.suppression = { enabled, duration };
  ctx.track(['suppression', 'enabled'], ['suppressionEnabled']);
  ctx.track(['suppression', 'duration'], ['suppressionDuration']);
}

function tags(props: Record<string, unknown>, bag: Readonly<Record<string, unknown>>, ctx: ConversionContext): void {
  if (bag.tags === undefined || bag.tags === null) return;
  if (isStringArray(bag.tags)) {
    if (bag.tags.length) props.tags = [...bag.tags];
    ctx.trackTree(['tags'], ['tags'], bag.tags);
  } else {
    ctx.report('IMPORT_DROPPED_PROPERTY', 'info', ['tags'], 'tags that are not plain strings are not carried over', { key: true });
  }
}

function reportNotCarried(bag: Readonly<Record<string, unknown>>, flavor: 'yaml' | 'arm', ctx: ConversionContext): void {
  const known = new Set([...SHARED, ...(flavor === 'yaml' ? YAML_ONLY : ARM_ONLY)]);
  for (const [key, value] of Object.entries(bag)) {
    if (INFORMATIONAL.includes(key)) {
      ctx.report('IMPORT_DROPPED_PROPERTY', 'info', [key], `${key} is not carried over (it does not change what the rule does)`, { key: true });
    } else if (!known.has(key)) {
      ctx.unknownProperty([key]);
    } else if (key === 'alertRuleTemplateName' && typeof value === 'string' && value !== '') {
      ctx.report('IMPORT_DROPPED_PROPERTY', 'warning', [key], `the link to template ${value} is not carried over; the definition is a custom rule`, { key: true });
    } else if (key === 'sentinelEntitiesMappings' && Array.isArray(value) && value.length) {
      ctx.report('IMPORT_DROPPED_PROPERTY', 'warning', [key], 'sentinelEntitiesMappings is not supported yet; not carried over', { key: true });
    }
  }
}

function copy(props: Record<string, unknown>, modelKey: string, bag: Readonly<Record<string, unknown>>, sourceKey: string, ctx: ConversionContext): void {
  if (bag[sourceKey] === undefined || bag[sourceKey] === null) return;
  props[modelKey] = bag[sourceKey];
  ctx.track([modelKey], [sourceKey]);
}

function setIfDefined(props: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) props[key] = value;
}

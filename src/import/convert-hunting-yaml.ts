import type { ConversionContext } from './conversion-context';
import { isPlainObject, isStringArray } from './field-values';
import type { ImportedHuntingProps, ImportedHuntingQuery } from './imported-item';
import { importQuery } from './import-query';
import { convertEntityMappings, knownKeyCase } from './rule-settings';
import { sourceList } from './source-list';
import type { YamlSource } from './yaml-source';

const KNOWN = ['id', 'name', 'description', 'requiredDataConnectors', 'tactics', 'relevantTechniques', 'techniques', 'query', 'entityMappings', 'version', 'tags'];
const INFORMATIONAL = ['metadata', 'status', 'description-detailed', 'description_detailed', 'kind'];

/** A hunting query in Azure-Sentinel's YAML format, as the props of defineHuntingQuery. */
export function convertHuntingYaml(source: Readonly<Record<string, unknown>>, ctx: ConversionContext, yaml: YamlSource): ImportedHuntingQuery | undefined {
  const bag = knownKeyCase(source, KNOWN, ctx, []);
  const props: Record<string, unknown> = {};
  const take = (key: string, modelKey = key): void => {
    if (bag[key] === undefined || bag[key] === null) return;
    props[modelKey] = bag[key];
    ctx.trackTree([modelKey], [key], bag[key]);
  };
  take('id');
  take('version');
  if (typeof bag.name !== 'string' || bag.name === '') ctx.report('IMPORT_MISSING_PROPERTY', 'error', bag.name === undefined ? undefined : ['name'], 'has no name; a hunting query needs one');
  take('name');
  take('description');
  props.tactics = sourceList(bag.tactics, ctx, ['tactics'], ['tactics']);
  const techniquesKey = bag.relevantTechniques !== undefined ? 'relevantTechniques' : 'techniques';
  const techniques = sourceList(bag[techniquesKey], ctx, [techniquesKey], ['techniques']);
  if (techniques.length) props.techniques = techniques;
  const connectors = sourceList(bag.requiredDataConnectors, ctx, ['requiredDataConnectors'], ['requiredDataConnectors']);
  if (connectors.length) {
    props.requiredDataConnectors = connectors.map((c) => (isPlainObject(c) ? { connectorId: c.connectorId, dataTypes: Array.isArray(c.dataTypes) ? [...c.dataTypes] : [] } : c));
  }
  const query = importQuery(bag.query, ctx, ['query'], yaml);
  const entityMappings = convertEntityMappings(bag.entityMappings, ctx, ['entityMappings'], ['entityMappings']);
  if (entityMappings) props.entityMappings = entityMappings;
  if (isStringArray(bag.tags) && bag.tags.length) take('tags');
  else if (bag.tags !== undefined && bag.tags !== null && !isStringArray(bag.tags)) {
    ctx.report('IMPORT_DROPPED_PROPERTY', 'info', ['tags'], 'tags that are not plain strings are not carried over', { key: true });
  }
  for (const key of Object.keys(bag)) {
    if (key === 'severity') {
      ctx.report('IMPORT_DROPPED_PROPERTY', 'info', [key], 'hunting queries have no severity in Sentinel; not carried over', { key: true });
    } else if (INFORMATIONAL.includes(key)) {
      ctx.report('IMPORT_DROPPED_PROPERTY', 'info', [key], `${key} is not carried over (it does not change what the query does)`, { key: true });
    } else if (!KNOWN.includes(key)) {
      ctx.unknownProperty([key]);
    }
  }
  if (!query || ctx.hasErrors()) return undefined;
  return { kind: 'HuntingQuery', props: props as unknown as ImportedHuntingProps, query, origin: ctx.origin() };
}

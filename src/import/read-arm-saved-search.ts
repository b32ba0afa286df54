import path from 'node:path';
import { unescapeArmLiterals } from './arm-expressions';
import { resourceNameTail } from './arm-resource-name';
import { ConversionContext } from './conversion-context';
import { readArmFunction } from './read-arm-function';
import { derivedId } from './derived-id';
import { GUID, isPlainObject } from './field-values';
import type { ImportedHuntingProps, ImportedItem } from './imported-item';
import { importQuery } from './import-query';
import { reportExpressions, resolveSimpleReferences } from './arm-property-values';
import type { ArmResourceRef } from './arm-resource-ref';

const KNOWN = ['category', 'displayName', 'query', 'tags', 'version', 'etag', 'eTag'];

/**
 * A Log Analytics saved search in category "Hunting Queries", which is what a hunting query is.
 * The Hunting blade reads description, tactics and techniques from its tags; other tags are kept
 * as savedSearchTags. One with a function alias is a workspace function (read-arm-function); other
 * saved searches are neither, and are skipped with a note.
 */
export function readArmSavedSearch(ref: ArmResourceRef): { item?: ImportedItem; ctx: ConversionContext } {
  const { doc, resource, path: at } = ref;
  const ctx = new ConversionContext(doc, 'ARM saved search', [...at, 'properties'], at);
  const properties = resource.properties;
  if (!isPlainObject(properties)) {
    ctx.report('IMPORT_MISSING_PROPERTY', 'error', undefined, 'the savedSearches resource has no properties');
    return { ctx };
  }
  if (properties.functionAlias !== undefined && properties.functionAlias !== '') return readArmFunction(ref, properties);
  const label = typeof properties.displayName === 'string' ? JSON.stringify(properties.displayName) : 'a saved search';
  if (String(properties.category ?? '').toLowerCase() !== 'hunting queries') {
    ctx.report('IMPORT_NOT_CONTENT', 'info', undefined, `${label} is a saved search in category ${JSON.stringify(properties.category ?? '')}, neither a hunting query nor a function; skipped`);
    return { ctx };
  }
  const resolved = resolveSimpleReferences(properties, ref, ctx, label);
  if (reportExpressions(resolved, ctx, label)) return { ctx };
  const bag = unescapeArmLiterals(resolved);
  const props: Record<string, unknown> = {};
  const tail = resourceNameTail(resource.name, ref);
  if (tail && GUID.test(tail)) {
    props.id = tail;
    ctx.trackAbsolute(['id'], [...at, 'name']);
  } else {
    props.id = derivedId(path.basename(doc.file), String(resource.name ?? ''), String(bag.displayName ?? ''));
    ctx.report('IMPORT_ID_GENERATED', 'warning', undefined, `${label}: the saved search is named ${JSON.stringify(resource.name)}, not by a GUID; using ${String(props.id)}, derived from the file and query name`);
  }
  props.name = bag.displayName;
  ctx.track(['name'], ['displayName']);
  const tags = readTags(bag.tags, ctx);
  props.description = tags.description ?? '';
  props.tactics = splitList(tags.tactics);
  const techniques = splitList(tags.techniques ?? tags.relevantTechniques);
  if (techniques.length) props.techniques = techniques;
  const query = importQuery(bag.query, ctx, ['query']);
  if (Object.keys(tags.others).length) props.savedSearchTags = tags.others;
  for (const key of Object.keys(bag)) {
    if (!KNOWN.includes(key)) ctx.unknownProperty([key]);
  }
  if (!query || ctx.hasErrors()) return { ctx };
  return { item: { kind: 'HuntingQuery', props: props as unknown as ImportedHuntingProps, query, origin: ctx.origin() }, ctx };
}

interface SavedSearchTags {
  description?: string;
  tactics?: string;
  techniques?: string;
  relevantTechniques?: string;
  others: Record<string, string>;
}

function readTags(raw: unknown, ctx: ConversionContext): SavedSearchTags {
  const out: SavedSearchTags = { others: {} };
  if (!Array.isArray(raw)) return out;
  raw.forEach((tag, i) => {
    if (!isPlainObject(tag) || typeof tag.name !== 'string' || typeof tag.value !== 'string') {
      ctx.report('IMPORT_BAD_VALUE', 'warning', ['tags', i], 'a tag must be { name, value } strings; not carried over');
      return;
    }
    const modelPath = { description: ['description'], tactics: ['tactics'], techniques: ['techniques'], relevantTechniques: ['techniques'] }[tag.name];
    if (modelPath) {
      (out as unknown as Record<string, string>)[tag.name] = tag.value;
      ctx.track(modelPath, ['tags', i, 'value']);
    } else {
      out.others[tag.name] = tag.value;
      ctx.track(['savedSearchTags', tag.name], ['tags', i, 'value']);
    }
  });
  return out;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

import { connectors, entityMappings, list, map, techniqueSet, text } from './canonical-values';

/** A hunting query in Azure-Sentinel YAML, reduced as canonicalAlertRule reduces rules. */
export function canonicalHuntingYaml(bag: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: bag.id,
    name: bag.name,
    description: bag.description,
    tactics: list(bag.tactics),
    techniques: techniqueSet(bag.relevantTechniques ?? bag.techniques),
    requiredDataConnectors: connectors(bag.requiredDataConnectors),
    query: text(bag.query),
    entityMappings: entityMappings(bag.entityMappings),
  };
  if (bag.version !== undefined && bag.version !== null) out.version = bag.version;
  return out;
}

/**
 * A saved search in category Hunting Queries: name, category, query and its tags, where the
 * Hunting blade's description/tactics/techniques tags are compared as values (lists split on
 * commas) and an empty tag equals a missing one.
 */
export function canonicalSavedSearch(properties: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const tags: Record<string, unknown> = {};
  for (const tag of list(properties.tags)) {
    const { name, value } = map(tag);
    if (typeof name !== 'string' || value === '' || value === undefined) continue;
    const key = name === 'relevantTechniques' ? 'techniques' : name;
    tags[key] = key === 'tactics' ? split(value) : key === 'techniques' ? techniqueSet(split(value)) : value;
  }
  return { name: properties.displayName, category: String(properties.category ?? '').toLowerCase(), query: text(properties.query), tags };
}

function split(value: unknown): string[] {
  return String(value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

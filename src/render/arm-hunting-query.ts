import type { HuntingQueryProps } from '../model/hunting-query';
import { SAVED_SEARCH_API_VERSION, SAVED_SEARCH_RESOURCE_TYPE, savedSearchName, type ArmResource } from './arm-envelope';

export const HUNTING_CATEGORY = 'Hunting Queries';

/**
 * A hunting query is a Log Analytics saved search in category "Hunting Queries"; the Hunting blade
 * reads its description, tactics and techniques from tags.
 */
export function armHuntingQueryResource(query: HuntingQueryProps, text: string): ArmResource {
  return {
    name: savedSearchName(query.id),
    type: SAVED_SEARCH_RESOURCE_TYPE,
    apiVersion: SAVED_SEARCH_API_VERSION,
    properties: savedSearchProperties(query, text),
  };
}

export function savedSearchProperties(query: HuntingQueryProps, text: string): Record<string, unknown> {
  return {
    category: HUNTING_CATEGORY,
    displayName: query.name,
    query: text,
    version: 2,
    tags: huntingTags(query),
  };
}

export function huntingTags(query: HuntingQueryProps): { name: string; value: string }[] {
  const tags = [
    { name: 'description', value: query.description },
    { name: 'tactics', value: query.tactics.join(',') },
    { name: 'techniques', value: (query.techniques ?? []).join(',') },
  ];
  for (const [name, value] of Object.entries(query.savedSearchTags ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    tags.push({ name, value });
  }
  return tags;
}

/** Hunting queries as Log Analytics saved searches (@azure/arm-operationalinsights, api-version 2020-08-01). */
import type { SavedSearch } from '@azure/arm-operationalinsights';
import type { HuntingQueryProps } from '../model/hunting-query';
import { savedSearchProperties } from '../render/arm-hunting-query';

export function sdkSavedSearch(query: HuntingQueryProps, text: string): SavedSearch {
  const p = savedSearchProperties(query, text);
  return { category: p.category as string, displayName: p.displayName as string, query: p.query as string, version: p.version as number, tags: p.tags as SavedSearch['tags'] };
}

/** Managed properties of a saved search; tags are sorted by name because their order means nothing. */
export function comparableSavedSearch(search: SavedSearch): Record<string, unknown> {
  const tags = [...(search.tags ?? [])].map((t) => ({ name: t.name, value: t.value })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    category: search.category,
    displayName: search.displayName,
    query: search.query,
    functionAlias: search.functionAlias,
    functionParameters: search.functionParameters,
    version: search.version,
    tags,
  };
}

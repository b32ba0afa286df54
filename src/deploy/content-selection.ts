import type { ContentSelection } from './environment-config';

/**
 * Whether an environment deploys a definition, by its id (a rule or hunting query GUID, or a
 * watchlist alias) and tags: every definition when the environment has no `content:`, otherwise
 * those whose id it lists or that carry one of its tags. Ids compare case-insensitively, tags exactly.
 */
export function contentSelector(content: ContentSelection | undefined): (id: string, tags: readonly string[] | undefined) => boolean {
  if (!content) return () => true;
  const ids = new Set((content.ids ?? []).map((i) => i.toLowerCase()));
  const tags = new Set(content.tags ?? []);
  return (id, definitionTags) => ids.has(id.toLowerCase()) || (definitionTags ?? []).some((t) => tags.has(t));
}

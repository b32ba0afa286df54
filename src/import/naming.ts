import { slugify } from '../render/slug';
import type { ImportedItem } from './imported-item';

/**
 * File names for an imported item: rules and hunting queries after their name, as `build` names
 * their artifacts; watchlists after their alias and functions after their name, split at case
 * changes (FicAuthorizedActors -> fic-authorized-actors), as the hand-written ones are.
 */
export function slugOf(item: ImportedItem): string {
  if (item.kind === 'Watchlist') return slugify(splitCamelCase(item.props.alias));
  if (item.kind === 'WorkspaceFunction') return slugify(splitCamelCase(item.props.name));
  return slugify(String(item.props.name ?? ''), 60);
}

function splitCamelCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2');
}

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(' '),
);

/** The export's name: the slug in camelCase, prefixed when it would not be a valid identifier. */
export function exportNameOf(slug: string, item: ImportedItem): string {
  const camel = slug.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const prefix = { Watchlist: 'watchlist', WorkspaceFunction: 'workspaceFunction', HuntingQuery: 'huntingQuery', AnalyticsRule: 'rule' }[item.kind];
  if (/^[0-9]/.test(camel) || camel === 'unnamed') return `${prefix}${camel.charAt(0).toUpperCase()}${camel.slice(1)}`;
  return RESERVED.has(camel) ? `${camel}${prefix.charAt(0).toUpperCase()}${prefix.slice(1)}` : camel;
}

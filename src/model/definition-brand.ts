/**
 * Definitions are plain objects tagged with a non-enumerable brand, so the loader can tell them
 * apart from other exports of a file without the author having to register anything.
 */
export type DefinitionKind = 'AnalyticsRule' | 'HuntingQuery' | 'Watchlist' | 'CustomTable' | 'WorkspaceFunction' | 'WorkspaceCatalog';

export const DEFINITION_KIND = Symbol.for('sentinel-cac.definition-kind');

export type Branded<K extends DefinitionKind, P> = P & { readonly [DEFINITION_KIND]: K };

export function brand<K extends DefinitionKind, P extends object>(kind: K, props: P): Branded<K, P> {
  const copy = { ...props };
  Object.defineProperty(copy, DEFINITION_KIND, { value: kind, enumerable: false });
  return Object.freeze(copy) as Branded<K, P>;
}

export function definitionKindOf(value: unknown): DefinitionKind | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as { [DEFINITION_KIND]?: DefinitionKind })[DEFINITION_KIND];
}

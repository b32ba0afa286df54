import type { SchemaInput } from '../kql/kql-schema';

/**
 * One SchemaInput from several parts (the project's own declarations, then e.g. an environment's
 * pulled workspace): for a table, watchlist or function named in two parts the later part wins,
 * so the workspace's real schema replaces the project's stand-in.
 */
export function mergeSchemaInputs(parts: readonly SchemaInput[]): SchemaInput {
  if (parts.length === 1) return parts[0];
  const workspaceContent = parts.find((p) => p.workspaceContent)?.workspaceContent;
  return {
    tables: lastByKey(parts.flatMap((p) => p.tables ?? []), (t) => t.name),
    watchlists: lastByKey(parts.flatMap((p) => p.watchlists ?? []), (w) => w.alias.toLowerCase()),
    functions: lastByKey(parts.flatMap((p) => p.functions ?? []), (f) => f.name),
    ...(workspaceContent && { workspaceContent }),
  };
}

/** Keeps the last item of each key, in the order of first appearance. */
function lastByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(key(item), item);
  return [...byKey.values()];
}

import path from 'node:path';

/**
 * Where `validate` keeps what it can reuse between runs (definitions, query analyses):
 * `<project>/.sentinel-cac/cache/`. Safe to delete at any time; keep it out of version control.
 */
export function projectCacheDir(root: string): string {
  return path.join(root, '.sentinel-cac', 'cache');
}

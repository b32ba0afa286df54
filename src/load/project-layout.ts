import path from 'node:path';

/** Where a project keeps each kind of content, relative to its root. */
export const CONTENT_DIRECTORIES = ['rules', 'watchlists', 'tables', 'functions'] as const;

export const DIST_DIRECTORY = 'dist';

/** Project-relative path with forward slashes, as diagnostics and dist/ paths are written. */
export function projectRelative(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

import * as path from 'node:path';

/** The repository root: test/emulator is two levels below it. */
const repoRoot = path.resolve(__dirname, '..', '..');

/**
 * Where the shared reference material (OpenAPI specs under `api/`) lives.
 * SENTINEL_CAC_REFERENCE_DIR overrides it; by default it is `../shared/reference` beside the repo,
 * which is where both the developers' machines and CI lay the shared folder.
 */
export function referenceDir(explicit?: string): string {
  return path.resolve(explicit ?? process.env.SENTINEL_CAC_REFERENCE_DIR ?? path.join(repoRoot, '..', 'shared', 'reference'));
}

import * as fs from 'fs';
import * as path from 'path';

/** Environment variable that points the generators at another copy of the reference material. */
export const REFERENCE_DIR_ENV = 'SENTINEL_CAC_REFERENCE_DIR';

/** The repository root, from this file's place in src/catalog/generate. */
export function repoRoot(): string {
  return path.resolve(__dirname, '..', '..', '..');
}

/**
 * Where the reference material lives: `$SENTINEL_CAC_REFERENCE_DIR`, or `../shared/reference`
 * next to the repository. Throws if the folder is missing, naming both ways to fix it.
 */
export function resolveReferenceDir(root: string = repoRoot(), env: NodeJS.ProcessEnv = process.env): string {
  const override = env[REFERENCE_DIR_ENV];
  const dir = override ? path.resolve(override) : path.resolve(root, '..', 'shared', 'reference');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    const origin = override ? `${REFERENCE_DIR_ENV}=${override}` : 'the default ../shared/reference';
    throw new Error(
      `${dir}: reference folder not found (from ${origin}). ` +
        `Place the reference material there or set ${REFERENCE_DIR_ENV} to its folder.`,
    );
  }
  return dir;
}

/** Reads a file under the reference folder, with an error that names the file if it is missing. */
export function readReferenceFile(referenceDir: string, relativePath: string): string {
  const file = path.join(referenceDir, relativePath);
  if (!fs.existsSync(file)) {
    throw new Error(`${file}: reference file not found; the generator needs it (see ${REFERENCE_DIR_ENV}).`);
  }
  return fs.readFileSync(file, 'utf8');
}

/** Sorts strings by UTF-16 code units, so output does not depend on the machine's locale. */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

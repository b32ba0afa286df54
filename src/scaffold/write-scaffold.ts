import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes new files under the project root, refusing to touch any that exists: all are checked
 * first, so a refusal leaves nothing half-written, and each is then opened with O_EXCL ('wx') so
 * a file that appears in between is not overwritten either.
 */
export function writeNewFiles(root: string, files: ReadonlyMap<string, string>): void {
  const existing = [...files.keys()].filter((file) => fs.existsSync(path.join(root, file)));
  if (existing.length) throw new Error(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; choose another name (nothing was written)`);
  for (const [file, text] of files) {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text, { flag: 'wx' });
  }
}

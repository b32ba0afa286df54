import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Replaces `file` with `text` through a temporary file in the same folder and a rename, so a reader,
 * a concurrent run or a crash never sees half a file. Creates the folder; throws on failure after
 * removing the temporary file. Callers writing caches catch: a failed write only costs a recomputation.
 */
export function replaceFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch (error) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // the original error is the one worth reporting
    }
    throw error;
  }
}

export type WriteOutcome = 'created' | 'changed' | 'unchanged';

/** replaceFile(), leaving an identical file alone, and saying which it was. */
export function writeFileAtomically(file: string, text: string): WriteOutcome {
  let previous: string | undefined;
  try {
    previous = fs.readFileSync(file, 'utf8');
  } catch {
    previous = undefined;
  }
  if (previous === text) return 'unchanged';
  replaceFile(file, text);
  return previous === undefined ? 'created' : 'changed';
}

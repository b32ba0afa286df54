import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { discoverContentFiles } from './discover-files';
import { replaceFile } from '../util/write-file-atomically';

/**
 * A fingerprint of the project's content files (path, size, modification time), taken before
 * anything is loaded and kept beside the caches. When it differs from the last run's, queries will
 * likely need analysis, so `validate` starts analysis workers at once and they load Kusto.Language
 * while the project loads; when it is the same, nothing is started and Kusto.Language is never
 * loaded. Only a hint: a wrong guess costs time, never correctness.
 */
export class InputSnapshot {
  private constructor(
    private readonly file: string,
    readonly signature: string,
  ) {}

  /** Stats every file under the content folders (~3,000 files in ~20 ms). */
  static take(root: string, cacheDir: string): InputSnapshot {
    const hash = createHash('sha256');
    for (const file of discoverContentFiles(root, () => true)) {
      try {
        const stat = fs.statSync(file);
        hash.update(`${path.relative(root, file)}\t${stat.size}\t${stat.mtimeMs}\n`);
      } catch {
        hash.update(`${file}\tgone\n`);
      }
    }
    return new InputSnapshot(path.join(cacheDir, 'inputs.sha256'), hash.digest('hex'));
  }

  /** Whether the last run recorded the same files (false when it recorded none). */
  unchanged(): boolean {
    try {
      return fs.readFileSync(this.file, 'utf8') === this.signature;
    } catch {
      return false;
    }
  }

  /** Records this snapshot for the next run; a failure only costs that run the early start. */
  save(): void {
    if (this.unchanged()) return;
    try {
      replaceFile(this.file, this.signature);
    } catch {
      // the next run just starts no workers early
    }
  }
}

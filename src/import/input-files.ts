import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../check/diagnostic';
import { IMPORTABLE_EXTENSIONS } from './read-source-file';

/** Folders that never hold content to import, however deep the walk goes. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist']);

export interface InputFiles {
  /** Absolute paths, in a stable order (sorted per folder), each once. */
  readonly files: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Expands the command-line inputs: a file is taken as given (whatever its extension, so a wrong one
 * is reported), a folder is walked for .yaml/.yml/.json/.csv files. A missing input is an error.
 */
export function collectInputFiles(inputs: readonly string[], cwd: string): InputFiles {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      diagnostics.push({ code: 'IMPORT_INPUT_MISSING', severity: 'error', message: `${input} does not exist`, file: input, line: 1, column: 1, hint: 'give files or folders that exist, relative to the current directory' });
      continue;
    }
    if (stat.isDirectory()) walk(absolute, files);
    else files.push(absolute);
  }
  return { files: [...new Set(files)], diagnostics };
}

function walk(dir: string, out: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full, out);
    } else if (IMPORTABLE_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
      out.push(full);
    }
  }
}

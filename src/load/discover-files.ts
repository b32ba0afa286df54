import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_DIRECTORIES } from './project-layout';

/**
 * Definition files under the content folders, sorted so that load order (and so every output)
 * is the same on every machine. Test-case files (`*.cases.ts`) and declarations are not definitions.
 */
export function discoverDefinitionFiles(root: string): string[] {
  return discoverContentFiles(root, isDefinitionFile);
}

/** Files under the content folders whose name passes `accept`, sorted. */
export function discoverContentFiles(root: string, accept: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const dir of CONTENT_DIRECTORIES) walk(path.join(root, dir), accept, out);
  return out.sort();
}

function walk(dir: string, accept: (name: string) => boolean, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, accept, out);
    else if (accept(entry.name)) out.push(full);
  }
}

function isDefinitionFile(name: string): boolean {
  return name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.cases.ts');
}

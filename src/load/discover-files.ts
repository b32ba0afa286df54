import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_DIRECTORIES } from './project-layout';

/**
 * Definition files under the content folders, sorted so that load order (and so every output)
 * is the same on every machine. Test-case files (`*.cases.ts`) and declarations are not definitions.
 */
export function discoverDefinitionFiles(root: string): string[] {
  const out: string[] = [];
  for (const dir of CONTENT_DIRECTORIES) walk(path.join(root, dir), out);
  return out.sort();
}

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (isDefinitionFile(entry.name)) out.push(full);
  }
}

function isDefinitionFile(name: string): boolean {
  return name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.cases.ts');
}

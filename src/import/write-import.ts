import fs from 'node:fs';
import path from 'node:path';
import type { PlannedDefinition } from './plan-import';

/** Writes each planned definition's files, data first so a definition never points at a missing file. */
export function writeImport(root: string, definitions: readonly PlannedDefinition[]): string[] {
  const written: string[] = [];
  for (const definition of definitions) {
    for (const [file, text] of [...definition.files].sort(([a], [b]) => Number(a.endsWith('.ts')) - Number(b.endsWith('.ts')))) {
      const absolute = path.join(root, file);
      fs.mkdirSync(path.dirname(absolute), { recursive: true });
      fs.writeFileSync(absolute, text);
      written.push(file);
    }
  }
  return written;
}

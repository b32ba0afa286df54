import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const BASE_PROJECT = path.join(FIXTURES, 'base-project');

/** Copies the base fixture project into a fresh temp dir, then lays `overlayDir`'s files over it. */
export function projectWithOverlay(overlayDir?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentinel-cac-fixture-'));
  fs.cpSync(BASE_PROJECT, dir, { recursive: true });
  if (overlayDir) {
    for (const entry of fs.readdirSync(overlayDir)) {
      if (entry !== 'case.json') fs.cpSync(path.join(overlayDir, entry), path.join(dir, entry), { recursive: true });
    }
  }
  return dir;
}

/** The base fixture project plus the given files (project-relative path → text). */
export function projectWithFiles(files: Readonly<Record<string, string>>): string {
  const root = projectWithOverlay();
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

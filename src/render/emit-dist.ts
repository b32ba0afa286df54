import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Lists what the tool wrote into dist/, so a rebuild removes only its own stale files. */
export const MANIFEST_FILE = '.sentinel-cac-manifest.json';

export interface EmitResult {
  readonly written: number;
  readonly removed: readonly string[];
}

/**
 * Replaces the output directory in one step: the new tree is written beside it, files the tool
 * does not own are carried over, and two renames swap it in. A crash leaves either the old or the
 * new dist/, never a half-written one; files the tool did not write are never deleted.
 */
export function emitDist(outDir: string, files: ReadonlyMap<string, string>): EmitResult {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const staging = path.join(parent, `.${base}.next-${process.pid}`);
  const retired = path.join(parent, `.${base}.old-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    for (const [relative, text] of files) writeFile(path.join(staging, relative), text);
    const previous = readManifest(outDir);
    const kept = copyUnowned(outDir, staging, previous, files);
    writeFile(path.join(staging, MANIFEST_FILE), manifestText(files));
    const removed = [...previous].filter((f) => !files.has(f) && !kept.has(f)).sort();
    if (fs.existsSync(outDir)) fs.renameSync(outDir, retired);
    fs.renameSync(staging, outDir);
    fs.rmSync(retired, { recursive: true, force: true });
    return { written: files.size, removed };
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(outDir) && fs.existsSync(retired)) fs.renameSync(retired, outDir);
    throw error;
  }
}

function writeFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function readManifest(outDir: string): Set<string> {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST_FILE), 'utf8')) as { files?: Record<string, string> };
    return new Set(Object.keys(manifest.files ?? {}));
  } catch {
    return new Set();
  }
}

/** Copies every file of the old dist/ that the previous build did not write and this one does not replace. */
function copyUnowned(outDir: string, staging: string, owned: ReadonlySet<string>, files: ReadonlyMap<string, string>): Set<string> {
  const kept = new Set<string>();
  if (!fs.existsSync(outDir)) return kept;
  const visit = (dir: string, relative: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full, rel);
      else if (rel !== MANIFEST_FILE && !owned.has(rel) && !files.has(rel)) {
        fs.mkdirSync(path.dirname(path.join(staging, rel)), { recursive: true });
        fs.copyFileSync(full, path.join(staging, rel));
        kept.add(rel);
      }
    }
  };
  visit(outDir, '');
  return kept;
}

function manifestText(files: ReadonlyMap<string, string>): string {
  const entries = [...files.keys()].sort().map((f) => [f, `sha256:${crypto.createHash('sha256').update(files.get(f)!).digest('hex')}`]);
  return `${JSON.stringify({ generator: 'sentinel-cac', files: Object.fromEntries(entries) }, null, 2)}\n`;
}

import * as fs from 'fs';
import * as path from 'path';

/**
 * Compares freshly generated files with the committed ones and describes each difference by
 * its first differing line, so a stale 700 KB file fails with a short, readable message.
 */
export function describeDrift(root: string, generated: ReadonlyMap<string, string>, fix: string): string[] {
  const drift: string[] = [];
  for (const [file, text] of generated) {
    const full = path.join(root, file);
    if (!fs.existsSync(full)) {
      drift.push(`${file}: missing; ${fix}`);
      continue;
    }
    const committed = fs.readFileSync(full, 'utf8');
    if (committed === text) continue;
    const want = text.split('\n');
    const have = committed.split('\n');
    const line = want.findIndex((l, i) => l !== have[i]);
    const at = line === -1 ? have.length : line;
    const from = firstDifferentColumn(have[at] ?? '', want[at] ?? '');
    drift.push(
      `${file}:${at + 1}:${from + 1} is stale; ${fix}\n` +
        `  committed: ${excerpt(have[at], from)}\n  generated: ${excerpt(want[at], from)}`,
    );
  }
  return drift;
}

function firstDifferentColumn(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Up to 120 characters of the line, starting a little before where it differs. */
function excerpt(line: string | undefined, from: number): string {
  if (line === undefined) return '(end of file)';
  const start = Math.max(0, from - 40);
  return `${start > 0 ? '...' : ''}${line.slice(start, start + 120)}${start + 120 < line.length ? '...' : ''}`;
}

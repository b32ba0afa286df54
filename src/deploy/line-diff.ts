/** A minimal line diff (longest common subsequence) for showing query changes; queries are short. */
export interface DiffLine {
  readonly op: ' ' | '-' | '+';
  readonly text: string;
}

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // lcs[i][j] = length of the LCS of a[i..] and b[j..]
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ op: ' ', text: a[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ op: '-', text: a[i++] });
    else out.push({ op: '+', text: b[j++] });
  }
  while (i < a.length) out.push({ op: '-', text: a[i++] });
  while (j < b.length) out.push({ op: '+', text: b[j++] });
  return out;
}

/** Changed lines with up to `context` unchanged lines around them; "…" marks a gap. */
export function compactDiff(lines: readonly DiffLine[], context = 1): string[] {
  const keep = lines.map((l, i) => l.op !== ' ' || lines.slice(Math.max(0, i - context), i + context + 1).some((n) => n.op !== ' '));
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (keep[i]) out.push(`${l.op} ${l.text}`);
    else if (keep[i - 1] || i === 0) out.push('  …');
  });
  return out;
}

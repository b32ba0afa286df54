/** Readable lines for one property change, shared by the text and markdown plans. */
import { compactDiff, lineDiff } from './line-diff';
import type { PropertyChange } from './property-diff';

const MAX_INLINE = 160;

function show(value: unknown): string {
  if (value === undefined) return '(not set)';
  const text = JSON.stringify(value);
  return text.length > MAX_INLINE ? `${text.slice(0, MAX_INLINE - 1)}…` : text;
}

/** `severity: "Medium" → "High"`, or for multi-line text the path followed by a line diff. */
export function describeChange(change: PropertyChange): string[] {
  const { before, after } = change;
  if (typeof before === 'string' && typeof after === 'string' && (before.includes('\n') || after.includes('\n'))) {
    return [`${change.path}:`, ...compactDiff(lineDiff(before, after)).map((l) => `  ${l}`)];
  }
  return [`${change.path}: ${show(before)} → ${show(after)}`];
}

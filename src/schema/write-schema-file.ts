/**
 * Formats a workspace schema as diff-friendly JSON: two-space indentation, but a small object of
 * plain values (a column, a parameter) on one line, so a changed column is a one-line diff and
 * ~900 tables stay readable. The text depends only on the schema, never on time or machine.
 */
import type { WorkspaceSchema } from './workspace-schema';

/** A flat object or array up to this width stays on one line. */
const INLINE_WIDTH = 120;

export function formatWorkspaceSchema(schema: WorkspaceSchema): string {
  return `${format(schema, '')}\n`;
}

function format(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries: [string | undefined, unknown][] = Array.isArray(value)
    ? value.map((v) => [undefined, v])
    : Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  const member = ([key, v]: [string | undefined, unknown], inner: string): string => `${key === undefined ? '' : `${JSON.stringify(key)}: `}${format(v, inner)}`;
  const flat = entries.every(([, v]) => v === null || typeof v !== 'object');
  if (flat) {
    const line = `${open}${entries.map((e) => member(e, '')).join(', ')}${close}`;
    // Arrays of lines (function bodies) keep one line per item however short.
    if (line.length <= INLINE_WIDTH && !(Array.isArray(value) && entries.length > 1 && typeof entries[0][1] === 'string')) return line;
  }
  const inner = `${indent}  `;
  return `${open}\n${entries.map((e) => `${inner}${member(e, inner)}`).join(',\n')}\n${indent}${close}`;
}

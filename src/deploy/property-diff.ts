import { canonicalJson, normalizeValue } from './canonical-json';

/** One changed property: `path` like "query" or "incidentConfiguration.groupingConfiguration.enabled". */
export interface PropertyChange {
  readonly path: string;
  /** Absent when the property is being added. */
  readonly before?: unknown;
  /** Absent when the property is being removed. */
  readonly after?: unknown;
}

/**
 * The properties that differ between two comparable forms. Objects are walked key by key; arrays
 * and scalars are compared whole (a reordered tactics list is one change, not many).
 */
export function diffProperties(before: unknown, after: unknown): PropertyChange[] {
  const out: PropertyChange[] = [];
  walk(normalizeValue(before), normalizeValue(after), '', out);
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function walk(before: unknown, after: unknown, path: string, out: PropertyChange[]): void {
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      walk(before[key], after[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  if (canonicalJson(before) === canonicalJson(after)) return;
  out.push({ path: path || '(value)', ...(before !== undefined && { before }), ...(after !== undefined && { after }) });
}

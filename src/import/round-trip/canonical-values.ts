import { durationMinutes } from '../../model/duration';
import { isPlainObject, mergeTechniques, toDuration, withKnownKeyCase } from '../field-values';

/**
 * The normalizations a round-trip comparison allows, and no others: durations compared in minutes
 * ("1d" = "24h" = "P1D"), line endings, techniques as a set with parents implied by their
 * sub-techniques, and absent = null = empty for lists and maps. Object key order never matters
 * (canonical objects are compared with sorted keys).
 */
export function minutes(value: unknown, fallback?: number): unknown {
  if (value === undefined || value === null) return fallback ?? null;
  const duration = toDuration(value);
  return duration ? durationMinutes(duration) : value;
}

export function text(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value;
}

/** A list, as the import reads one: a single value or comma-separated string is a list, blank entries are none. */
export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const items = Array.isArray(value) ? value : [value];
  return items.filter((v) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')).map((v) => (typeof v === 'string' ? v.trim() : v));
}

/** A mapping, with keys that differ from `known` only in case renamed as the import renames them. */
export function map(value: unknown, known: readonly string[] = []): Record<string, unknown> {
  return isPlainObject(value) ? withKnownKeyCase(value, known).value : {};
}

export function techniqueSet(techniques: unknown, subTechniques: unknown = []): string[] {
  const all = [...list(techniques), ...list(subTechniques)].filter((t): t is string => typeof t === 'string');
  const parents = all.filter((t) => !t.includes('.'));
  const subs = all.filter((t) => t.includes('.'));
  return mergeTechniques(parents, subs).sort();
}

export function entityMappings(value: unknown): unknown[] {
  return list(value).map((m) => {
    const mapping = map(m, ['entityType', 'fieldMappings']);
    const fields = list(mapping.fieldMappings).map((f) => map(f, ['identifier', 'columnName']));
    return { entityType: mapping.entityType, fieldMappings: fields.map((f) => ({ identifier: f.identifier, columnName: f.columnName })) };
  });
}

export function connectors(value: unknown): unknown[] {
  return list(value).map((c) => ({ connectorId: map(c).connectorId, dataTypes: list(map(c).dataTypes) }));
}

/** A copy with object keys sorted at every level, so deep equality ignores key order. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isPlainObject(value)) return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
  return value;
}

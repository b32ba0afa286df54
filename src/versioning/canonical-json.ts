/**
 * JSON with object keys sorted at every depth and no whitespace, so that two values that mean the
 * same thing serialize to the same bytes whatever order their properties were built in. Arrays keep
 * their order (it is meaningful: tactics, entity mappings). `undefined` properties are dropped, as
 * JSON.stringify drops them.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) out[key] = sortKeys(child);
  }
  return out;
}

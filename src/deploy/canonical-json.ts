import { createHash } from 'node:crypto';

/**
 * The comparable form of a value: what two representations of the same resource have in common
 * whoever wrote them. Null, undefined, empty arrays and empty objects are dropped (Azure and the
 * SDK use them interchangeably for "not set"), dates become ISO strings, and object keys are
 * sorted so that key order never changes a hash.
 */
export function normalizeValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const items = value.map(normalizeValue).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const v = normalizeValue((value as Record<string, unknown>)[key]);
      if (v !== undefined) out[key] = v;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

/** JSON with sorted keys and no whitespace: equal comparable values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalizeValue(value) ?? null);
}

/** 128 bits of SHA-256 over the canonical JSON, as 32 hex digits: short enough for metadata, far from colliding. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 32);
}

export function sameContent(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

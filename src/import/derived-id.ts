import { createHash } from 'node:crypto';

/**
 * A stable GUID for content that has none of its own (a solution template whose rule id is
 * `[newGuid()]`, a saved search named by its title): name-based (RFC 4122 version 5 layout over
 * SHA-1), so importing the same file again yields the same id instead of a duplicate rule.
 */
export function derivedId(...parts: readonly string[]): string {
  const hash = createHash('sha1').update(`sentinel-cac-import\u0000${parts.join('\u0000')}`).digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Etags in the two formats the services use, and the comparison a conditional PUT makes.
 * Sentinel returns quoted GUID-like etags (`"3f00a085-0000-0100-0000-642c33c90000"`);
 * Log Analytics saved searches return weak datetime etags (`W/"datetime'2024-05-01T10%3A00%3A00.1234567Z'"`).
 */

export class EtagFactory {
  private counter = 0;
  private lastTicks = 0;

  sentinel(): string {
    this.counter += 1;
    const seq = this.counter.toString(16).padStart(8, '0');
    const time = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
    return `"${seq}-0000-0100-0000-${time}0000"`;
  }

  /** Strictly increasing, so two writes in the same millisecond still differ. */
  savedSearch(): string {
    const ticks = Math.max(Date.now() * 10_000, this.lastTicks + 1);
    this.lastTicks = ticks;
    const ms = Math.floor(ticks / 10_000);
    const sub = String(ticks % 10_000_000).padStart(7, '0');
    const iso = new Date(ms).toISOString().replace(/\.\d{3}Z$/, `.${sub}Z`);
    return `W/"datetime'${encodeURIComponent(iso)}'"`;
  }
}

function normalize(etag: string): string {
  return etag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

/** `*` matches any existing resource; otherwise the etags must be equal, ignoring quoting and W/. */
export function etagMatches(requested: string, current: string | undefined): boolean {
  if (requested.trim() === '*') return current !== undefined;
  return current !== undefined && normalize(requested) === normalize(current);
}

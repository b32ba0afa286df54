import type { LoadedRule } from '../load/loaded-project';
import { durationMinutes } from '../model/duration';

/**
 * Sentinel gives a scheduled rule's query only the rows whose TimeGenerated falls in its lookback
 * (queryPeriod) ending at the run time, whatever the query's own time filters say. An NRT rule
 * runs every minute over what arrived since the previous run, modelled here as the last minute.
 */
export function lookbackMinutes(rule: LoadedRule): number {
  return rule.props.kind === 'NRT' ? 1 : durationMinutes(rule.props.queryPeriod);
}

/** Keeps rows with TimeGenerated in (now - minutes, now]; rows without TimeGenerated count as at `now`. */
export function scopeRows(rows: readonly Record<string, unknown>[], now: Date, minutes: number): Record<string, unknown>[] {
  const end = now.getTime();
  const start = end - minutes * 60_000;
  const inWindow = windowTest(start, end);
  const out: Record<string, unknown>[] = [];
  for (const row of rows) {
    const value = row.TimeGenerated;
    if (value === undefined || value === null) out.push({ ...row, TimeGenerated: now.toISOString() });
    else if (inWindow(value)) out.push(row as Record<string, unknown>);
  }
  return out;
}

/**
 * Sample events nearly always carry canonical ISO UTC text ("2026-03-02T11:40:00Z", any fraction).
 * Such strings order like the times they name down to the second, so they are compared with the
 * window's bounds as text; only a time in the same second as a bound, or another format, is parsed.
 */
function windowTest(start: number, end: number): (value: unknown) => boolean {
  const startSecond = new Date(start).toISOString().slice(0, 19);
  const endSecond = new Date(end).toISOString().slice(0, 19);
  const exact = (value: unknown): boolean => {
    const at = timeOf(value);
    return at > start && at <= end;
  };
  return (value) => {
    if (typeof value !== 'string' || value.length < 20 || value.charCodeAt(10) !== 84 /* T */ || value.charCodeAt(value.length - 1) !== 90 /* Z */) return exact(value);
    if (value.startsWith(startSecond) || value.startsWith(endSecond)) return exact(value);
    return value > startSecond && value < endSecond;
  };
}

function timeOf(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  const parsed = Date.parse(String(value));
  if (Number.isNaN(parsed)) throw new Error(`TimeGenerated ${JSON.stringify(value)} is not a date`);
  return parsed;
}

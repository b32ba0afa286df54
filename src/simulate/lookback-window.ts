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
  return rows
    .map((row) => (row.TimeGenerated === undefined || row.TimeGenerated === null ? { ...row, TimeGenerated: now.toISOString() } : row))
    .filter((row) => {
      const at = timeOf(row.TimeGenerated);
      return at > start && at <= end;
    });
}

function timeOf(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  const parsed = Date.parse(String(value));
  if (Number.isNaN(parsed)) throw new Error(`TimeGenerated ${JSON.stringify(value)} is not a date`);
  return parsed;
}

import type { RoundTripOutcome } from './round-trip-file';

export interface RoundTripSummary {
  readonly items: number;
  readonly exact: number;
  readonly differs: number;
  readonly notImported: number;
  readonly failed: number;
  /** Differing field -> number of items where it differs. */
  readonly byField: ReadonlyMap<string, number>;
  /** Reason code -> number of items not imported (or failed). */
  readonly byReason: ReadonlyMap<string, number>;
}

export function summarizeRoundTrips(outcomes: readonly RoundTripOutcome[]): RoundTripSummary {
  const count = (status: RoundTripOutcome['status']): number => outcomes.filter((o) => o.status === status).length;
  const byField = new Map<string, number>();
  const byReason = new Map<string, number>();
  for (const o of outcomes) {
    for (const field of o.differences) byField.set(field, (byField.get(field) ?? 0) + 1);
    if (o.reason) {
      const reason = o.status === 'failed' ? `failed: ${o.reason.split(':')[0]}` : o.reason;
      byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
    }
  }
  return { items: outcomes.length, exact: count('exact'), differs: count('differs'), notImported: count('not-imported'), failed: count('failed'), byField, byReason };
}

/** A Markdown report: the shares, then what differs and why items were not imported, most frequent first. */
export function formatRoundTripSummary(title: string, summary: RoundTripSummary): string {
  const pct = (n: number, of = summary.items): string => (of ? `${((100 * n) / of).toFixed(1)}%` : '-');
  const imported = summary.exact + summary.differs + summary.failed;
  const lines = [
    `### ${title}`,
    '',
    `| items found | imported | round-trip exactly | differ | not imported | failed |`,
    `| ---: | ---: | ---: | ---: | ---: | ---: |`,
    `| ${summary.items} | ${imported} | ${summary.exact} (${pct(summary.exact)} of found, ${pct(summary.exact, imported)} of imported) | ${summary.differs} | ${summary.notImported} | ${summary.failed} |`,
  ];
  if (summary.byField.size) {
    lines.push('', 'Fields that differ (items):', '');
    for (const [field, n] of sorted(summary.byField)) lines.push(`- ${field}: ${n}`);
  }
  if (summary.byReason.size) {
    lines.push('', 'Not imported, by reason (items):', '');
    for (const [reason, n] of sorted(summary.byReason)) lines.push(`- ${reason}: ${n}`);
  }
  return lines.join('\n');
}

function sorted(map: ReadonlyMap<string, number>): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

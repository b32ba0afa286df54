import type { Diagnostic } from '../../check/diagnostic';
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
  /** `CODE property` -> count, for what imported items lost or had normalized (outside the comparison). */
  readonly notCarried: ReadonlyMap<string, number>;
}

/** The import notes that say something was left out, changed or made up, not that an item was skipped. */
const NOTE_CODES = ['IMPORT_DROPPED_PROPERTY', 'IMPORT_UNKNOWN_PROPERTY', 'IMPORT_NORMALIZED', 'IMPORT_QUERY_CRLF', 'IMPORT_QUERY_BOM', 'IMPORT_ID_GENERATED', 'IMPORT_ARM_DEFAULT_USED', 'IMPORT_DEFAULTED', 'IMPORT_BAD_VALUE'];

export function summarizeRoundTrips(outcomes: readonly RoundTripOutcome[], diagnostics: readonly Diagnostic[] = []): RoundTripSummary {
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
  const notCarried = new Map<string, number>();
  for (const d of diagnostics) {
    if (!NOTE_CODES.includes(d.code)) continue;
    // Messages about a property start with its path ("resources[0].properties.status: ..."); name the property.
    const path = /^([\w$.[\]-]+):/.exec(d.message)?.[1];
    const property = path && !/(^|\.)(resources|value)\[\d+\]$/.test(path) ? path.split('.').pop()?.replace(/\[\d+\]$/, '') : undefined;
    const key = property ? `${d.code} ${property}` : d.code;
    notCarried.set(key, (notCarried.get(key) ?? 0) + 1);
  }
  return { items: outcomes.length, exact: count('exact'), differs: count('differs'), notImported: count('not-imported'), failed: count('failed'), byField, byReason, notCarried };
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
  if (summary.notCarried.size) {
    lines.push('', 'Imported, with notes: what was not carried over, normalized or defaulted (outside the comparison):', '');
    for (const [note, n] of sorted(summary.notCarried)) lines.push(`- ${note}: ${n}`);
  }
  return lines.join('\n');
}

function sorted(map: ReadonlyMap<string, number>): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

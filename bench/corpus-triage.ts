import type { LoadedProject } from '../src/load/loaded-project';

/** A finding of `validate --format json`, as much as the triage reads. */
export interface TriageDiagnostic {
  readonly code: string;
  readonly severity: string;
  readonly file: string;
  readonly message: string;
  readonly ruleId?: string;
}

/**
 * Why a definition did not validate cleanly, most actionable first: a table or function the
 * catalog cannot place (named in the message), a watchlist the project does not declare (the corpus
 * holds rules, not their workspaces' watchlists), another KQL problem (a defect in the rule or a
 * limit of the analyzer: triaged by hand in docs/catalog.md), or another check.
 */
export type TriageGroup = 'unknown table or function (named)' | 'undeclared watchlist' | 'other KQL error' | 'non-KQL check';

export interface DefinitionOutcome {
  readonly kind: 'AnalyticsRule' | 'HuntingQuery';
  readonly file: string;
  /** Undefined when clean. */
  readonly group?: TriageGroup;
  readonly codes: readonly string[];
}

/** Each rule and hunting query of a project with the error codes `validate` reported for it. */
export function triageProject(project: LoadedProject, diagnostics: readonly TriageDiagnostic[]): DefinitionOutcome[] {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return [...project.rules, ...project.huntingQueries].map((d) => {
    const mine = errors.filter((e) => e.file === d.source.file || (d.query && e.file === d.query.file) || e.ruleId === String(d.props.id));
    const codes = [...new Set(mine.map((e) => e.code))].sort();
    return { kind: d.kind, file: d.query?.file ?? d.source.file, codes, ...(codes.length ? { group: groupOf(codes) } : {}) };
  });
}

function groupOf(codes: readonly string[]): TriageGroup {
  if (codes.some((c) => c === 'KQL_UNKNOWN_TABLE' || c === 'KQL_UNKNOWN_FUNCTION')) return 'unknown table or function (named)';
  if (codes.includes('KQL_UNKNOWN_WATCHLIST')) return 'undeclared watchlist';
  if (codes.some((c) => c.startsWith('KQL_'))) return 'other KQL error';
  return 'non-KQL check';
}

/** Counts per group, and the most frequent codes among non-KQL failures. */
export function summarizeTriage(outcomes: readonly DefinitionOutcome[]): string[] {
  const failing = outcomes.filter((o) => o.group);
  const count = (pick: (o: DefinitionOutcome) => boolean): number => failing.filter(pick).length;
  const groups: TriageGroup[] = ['unknown table or function (named)', 'undeclared watchlist', 'other KQL error', 'non-KQL check'];
  const otherCodes = new Map<string, number>();
  for (const o of failing.filter((f) => f.group === 'non-KQL check')) for (const c of o.codes) otherCodes.set(c, (otherCodes.get(c) ?? 0) + 1);
  const clean = outcomes.length - failing.length;
  return [
    `${clean} of ${outcomes.length} clean (${((100 * clean) / Math.max(1, outcomes.length)).toFixed(1)}%)`,
    ...groups.map((g) => `  ${g}: ${count((o) => o.group === g)}`),
    ...(otherCodes.size ? [`  non-KQL codes: ${[...otherCodes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ')}`] : []),
  ];
}

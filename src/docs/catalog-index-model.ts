import type { Tactic } from '../model/enums';
import { tacticLabel, tacticRank } from './attack-labels';
import { COVERAGE_SVG, NAVIGATOR_LAYER } from './docs-paths';

export interface IndexEntry {
  readonly name: string;
  /** Relative to dist/docs. */
  readonly page: string;
  readonly kind: 'AnalyticsRule' | 'HuntingQuery';
  readonly severity: string | undefined;
  readonly tactics: readonly Tactic[];
  readonly techniques: readonly string[];
}

export interface CatalogIndex {
  readonly summary: string;
  readonly coverageImage: string;
  readonly navigatorLayer: string;
  readonly sections: readonly { tactic: string; rows: readonly { name: string; page: string; kind: string; severity: string; techniques: string }[] }[];
}

/** The catalog's entry page: every rule and hunting query under each tactic it names, rules first. */
export function catalogIndex(entries: readonly IndexEntry[]): CatalogIndex {
  const tactics = [...new Set(entries.flatMap((e) => e.tactics))].sort((a, b) => tacticRank(a) - tacticRank(b));
  const rules = entries.filter((e) => e.kind === 'AnalyticsRule').length;
  return {
    summary: `${rules} analytics rule${rules === 1 ? '' : 's'} and ${entries.length - rules} hunting quer${entries.length - rules === 1 ? 'y' : 'ies'}`,
    coverageImage: COVERAGE_SVG,
    navigatorLayer: NAVIGATOR_LAYER,
    sections: tactics.map((tactic) => ({
      tactic: tacticLabel(tactic),
      rows: entries
        .filter((e) => e.tactics.includes(tactic))
        .sort((a, b) => (a.kind === b.kind ? compare(a.name, b.name) : a.kind === 'AnalyticsRule' ? -1 : 1))
        .map((e) => ({
          name: e.name,
          page: e.page,
          kind: e.kind === 'AnalyticsRule' ? 'Analytics rule' : 'Hunting query',
          severity: e.severity ?? '—',
          techniques: e.techniques.join(', '),
        })),
    })),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { ATTACK_VERSION } from '../catalog/generated/attack-techniques';
import { navigatorTactic } from './attack-labels';
import type { AttackCoverage, CoverageDefinition } from './attack-coverage';

/** The gradient runs from the first to the last colour as the score goes from 1 to the highest count. */
export const COVERAGE_COLORS = ['#c6dbef', '#6baed6', '#08519c'] as const;

/**
 * An ATT&CK Navigator layer (format 4.5, Enterprise domain) of what the project covers: one entry per
 * covered (technique, tactic) with the number of rules and hunting queries behind it as the score,
 * their names in the comment and metadata, and parents of covered sub-techniques expanded.
 * Open it in https://mitre-attack.github.io/attack-navigator/ with "Open Existing Layer".
 */
export function navigatorLayer(coverage: AttackCoverage, name: string): Record<string, unknown> {
  const techniques: Record<string, unknown>[] = [];
  const scored = new Set(coverage.cells.map((c) => `${c.technique}|${c.tactic}`));
  const expanded = new Set<string>();
  for (const cell of coverage.cells) {
    const tactic = navigatorTactic(cell.tactic)!;
    const parent = cell.technique.split('.')[0];
    if (parent !== cell.technique && !scored.has(`${parent}|${cell.tactic}`) && !expanded.has(`${parent}|${tactic}`)) {
      expanded.add(`${parent}|${tactic}`);
      techniques.push({ techniqueID: parent, tactic, showSubtechniques: true });
    }
    techniques.push({
      techniqueID: cell.technique,
      tactic,
      score: cell.definitions.length,
      comment: cell.definitions.map(describe).join('; '),
      metadata: cell.definitions.map((d) => ({ name: d.kind === 'AnalyticsRule' ? 'Analytics rule' : 'Hunting query', value: d.name })),
      showSubtechniques: false,
    });
  }
  const max = Math.max(2, ...coverage.cells.map((c) => c.definitions.length));
  return {
    name,
    versions: { attack: ATTACK_VERSION.split('.')[0], navigator: '5.2.0', layer: '4.5' },
    domain: 'enterprise-attack',
    description: 'Techniques covered by the analytics rules and hunting queries of this project; the score is how many cover each technique under each tactic.',
    sorting: 3,
    layout: { layout: 'side', showID: true, showName: true, showAggregateScores: false, countUnscored: false, aggregateFunction: 'max', expandedSubtechniques: 'annotated' },
    hideDisabled: false,
    techniques,
    gradient: { colors: [...COVERAGE_COLORS], minValue: 1, maxValue: max },
    legendItems: [
      { label: 'covered by 1 rule or query', color: COVERAGE_COLORS[0] },
      { label: `covered by ${max} or more`, color: COVERAGE_COLORS[COVERAGE_COLORS.length - 1] },
    ],
    showTacticRowBackground: false,
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
    selectVisibleTechniques: false,
  };
}

function describe(definition: CoverageDefinition): string {
  return `${definition.kind === 'AnalyticsRule' ? 'Analytics rule' : 'Hunting query'}: ${definition.name}`;
}

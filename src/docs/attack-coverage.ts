import { ATTACK_TECHNIQUES } from '../catalog/generated/attack-techniques';
import type { Tactic } from '../model/enums';
import { navigatorTactic, tacticRank } from './attack-labels';

/** A rule or hunting query as the coverage views need it. */
export interface CoverageDefinition {
  readonly id: string;
  readonly name: string;
  readonly kind: 'AnalyticsRule' | 'HuntingQuery';
  /** Its catalog page, relative to dist/docs. */
  readonly page: string;
  readonly tactics: readonly Tactic[];
  readonly techniques: readonly string[];
}

/** One (technique, tactic) square of the Enterprise matrix and the content that covers it. */
export interface CoverageCell {
  readonly technique: string;
  readonly tactic: Tactic;
  readonly definitions: readonly CoverageDefinition[];
}

export interface AttackCoverage {
  /** Sorted by tactic (matrix order), then technique id. */
  readonly cells: readonly CoverageCell[];
  /** Tactics a definition names without any of its techniques landing there, by tactic. */
  readonly tacticOnly: ReadonlyMap<Tactic, readonly CoverageDefinition[]>;
  /** Techniques the Enterprise matrix cannot show: revoked, unknown, or ATT&CK for ICS. */
  readonly outside: readonly { readonly definition: CoverageDefinition; readonly technique: string; readonly reason: string }[];
}

/**
 * Places each technique a definition names under the tactics it shares with the definition. A
 * technique whose ATT&CK tactics the definition does not name (validate warns of that) is placed
 * under all of its ATT&CK tactics, so the claim stays visible rather than vanishing.
 */
export function attackCoverage(definitions: readonly CoverageDefinition[]): AttackCoverage {
  const cells = new Map<string, { technique: string; tactic: Tactic; definitions: CoverageDefinition[] }>();
  const tacticOnly = new Map<Tactic, CoverageDefinition[]>();
  const outside: { definition: CoverageDefinition; technique: string; reason: string }[] = [];
  // Analytics rules first: in a cell, detections are listed before hunting queries.
  const ordered = [...definitions].sort((a, b) => compare(a.kind, b.kind) || compare(a.name, b.name) || compare(a.id, b.id));
  for (const definition of ordered) {
    const placed = new Set<Tactic>();
    for (const technique of unique(definition.techniques)) {
      const entry = ATTACK_TECHNIQUES[technique];
      const reason = !entry ? 'not in the ATT&CK catalog' : entry.status === 'revoked' ? 'revoked by MITRE' : entry.domain !== 'enterprise' ? 'an ATT&CK for ICS technique' : undefined;
      if (reason) {
        outside.push({ definition, technique, reason });
        continue;
      }
      const shared = entry!.tactics.filter((t) => definition.tactics.includes(t) && navigatorTactic(t));
      for (const tactic of shared.length ? shared : entry!.tactics.filter((t) => navigatorTactic(t))) {
        placed.add(tactic);
        const key = `${tactic}|${technique}`;
        const cell = cells.get(key) ?? { technique, tactic, definitions: [] };
        cell.definitions.push(definition);
        cells.set(key, cell);
      }
    }
    for (const tactic of definition.tactics) {
      if (!placed.has(tactic)) tacticOnly.set(tactic, [...(tacticOnly.get(tactic) ?? []), definition]);
    }
  }
  const sorted = [...cells.values()].sort((a, b) => tacticRank(a.tactic) - tacticRank(b.tactic) || compare(a.technique, b.technique));
  return { cells: sorted, tacticOnly, outside };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

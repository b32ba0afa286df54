import { compareOrdinal } from './reference-dir';
import { describeSetDifference, generatedHeader, tsKey, tsStringArray } from './ts-literals';

export interface AttackInput {
  readonly script: string;
  readonly sources: readonly string[];
  /** Where TACTICS came from, said in the file header. */
  readonly tacticsOrigin: string;
  /** The ARM API's AttackTactic values, in the SDK's order. */
  readonly apiTactics: readonly string[];
  /** The same enum from a second source (bicep types); must hold the same values. */
  readonly crossCheckTactics: readonly string[];
  readonly ciTactics: readonly string[];
  /** Azure-Sentinel CI's KillChainTechniquesHelper map: tactic -> technique ids. */
  readonly tacticToTechniques: Readonly<Record<string, readonly string[]>>;
}

/**
 * Renders attack.ts. Technique ids keep the `T####` form the API and ATT&CK use. The CI map
 * also lists 3-digit copies of ICS ids (T855 next to T0855 under the same tactic); those are
 * dropped and named in the header, and any other malformed id stops the generator.
 */
export function renderAttack(input: AttackInput): string {
  const tactics = input.apiTactics;
  const disagree = describeSetDifference(tactics, input.crossCheckTactics);
  if (tactics.length !== input.crossCheckTactics.length || !input.crossCheckTactics.every((t) => tactics.includes(t))) {
    throw new Error(`AttackTactic enum sources disagree: ${disagree}.`);
  }
  assertKnownTactics('CI-validation-notes.md AttackTactic list', input.ciTactics, tactics);
  assertKnownTactics('killchain-tactic-techniques.json', Object.keys(input.tacticToTechniques), tactics);

  const { techniqueTactics, droppedAliases } = techniquesByTactic(input.tacticToTechniques, tactics);
  const techniqueLines = [...techniqueTactics.keys()]
    .sort(compareOrdinal)
    .map((id) => `  ${tsKey(id)}: ${tsStringArray(techniqueTactics.get(id)!)},`);
  const ciOrdered = tactics.filter((t) => input.ciTactics.includes(t));

  return [
    generatedHeader(input.script, input.sources),
    '//',
    `// TACTICS: the ARM API enum AttackTactic, ${input.tacticsOrigin}.`,
    "// TECHNIQUE_TACTICS: Azure-Sentinel CI's KillChainTechniquesHelper map, technique -> tactics.",
    `// Dropped 3-digit duplicates of T0### ids: ${droppedAliases.join(', ') || 'none'}.`,
    '',
    `export const TACTICS = ${tsStringArray(tactics)} as const;`,
    '',
    'export type Tactic = (typeof TACTICS)[number];',
    '',
    "/** The tactics Azure-Sentinel's YAML CI accepts (its AttackTactic enum); a subset of TACTICS. */",
    `export const AZURE_SENTINEL_CI_TACTICS = ${tsStringArray(ciOrdered)} as const satisfies readonly Tactic[];`,
    '',
    'export type AzureSentinelCiTactic = (typeof AZURE_SENTINEL_CI_TACTICS)[number];',
    '',
    '/** Tactics of each ATT&CK technique (no sub-technique suffix); a rule must name at least one of them. */',
    'export const TECHNIQUE_TACTICS: Readonly<Record<string, readonly Tactic[]>> = {',
    ...techniqueLines,
    '};',
    '',
  ].join('\n');
}

function assertKnownTactics(source: string, listed: readonly string[], tactics: readonly string[]): void {
  const unknown = listed.filter((t) => !tactics.includes(t));
  if (unknown.length) throw new Error(`${source}: tactic(s) ${unknown.join(', ')} are not in the API's AttackTactic enum.`);
}

function techniquesByTactic(
  tacticToTechniques: Readonly<Record<string, readonly string[]>>,
  tactics: readonly string[],
): { techniqueTactics: Map<string, string[]>; droppedAliases: string[] } {
  const techniqueTactics = new Map<string, string[]>();
  const droppedAliases: string[] = [];
  for (const tactic of tactics) {
    const techniques = tacticToTechniques[tactic] ?? [];
    for (const id of techniques) {
      if (!/^T\d{4}$/.test(id)) {
        if (!/^T\d{3}$/.test(id) || !techniques.includes(`T0${id.slice(1)}`)) {
          throw new Error(`killchain-tactic-techniques.json: ${tactic} lists "${id}", which is not a T#### technique id.`);
        }
        if (!droppedAliases.includes(id)) droppedAliases.push(id);
        continue;
      }
      const list = techniqueTactics.get(id) ?? [];
      if (!list.includes(tactic)) list.push(tactic);
      techniqueTactics.set(id, list);
    }
  }
  return { techniqueTactics, droppedAliases: droppedAliases.sort(compareOrdinal) };
}

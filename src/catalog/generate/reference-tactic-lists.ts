/**
 * Tactic lists stated in reference prose. They are cross-checks and the CI subset, never the
 * main source of the API enum.
 */

/**
 * The string-literal union of a property in the bicep-types extract, e.g.
 * `* **tactics**: ('A' | 'B' | string)[]: ...` or `* **severity**: 'High' | ... | string (Required): ...`.
 * Every occurrence must agree, so one inconsistent resource type cannot slip through.
 */
export function bicepStringUnion(markdown: string, source: string, property: string): string[] {
  const lines = markdown.split('\n').filter((line) => line.startsWith(`* **${property}**: `));
  const lists = lines
    .map((line) => /^\(?((?:'[^']*' \| )*'[^']*')/.exec(line.slice(line.indexOf(': ') + 2))?.[1])
    .filter((union): union is string => union !== undefined)
    .map((union) => [...union.matchAll(/'([^']*)'/g)].map((q) => q[1]));
  if (lists.length === 0) throw new Error(`${source}: found no string union for "${property}".`);
  const first = lists[0].join('|');
  if (lists.some((l) => l.join('|') !== first)) throw new Error(`${source}: the "${property}" unions disagree.`);
  return lists[0];
}

/** The tactics Azure-Sentinel's YAML CI accepts, from the "AttackTactic enum (stored CI version): ..." line. */
export function ciAttackTactics(notes: string, source: string): string[] {
  const match = /^AttackTactic enum \(stored CI version\):\s*(.+)$/m.exec(notes);
  if (!match) throw new Error(`${source}: found no "AttackTactic enum (stored CI version):" line.`);
  const tactics = match[1].trim().split(/\s+/);
  if (!tactics.every((t) => /^[A-Za-z]+$/.test(t))) {
    throw new Error(`${source}: the AttackTactic line holds something that is not a tactic name: ${match[1]}`);
  }
  return tactics;
}

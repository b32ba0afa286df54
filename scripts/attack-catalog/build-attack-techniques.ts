import { compareOrdinal } from '../../src/catalog/generate/reference-dir';
import { generatedHeader, tsKey, tsString, tsStringArray } from '../../src/catalog/generate/ts-literals';
import { TACTICS, type Tactic } from '../../src/catalog/generated/attack';

export interface AttackCatalogSources {
  /** enterprise-attack-v18.tsv: id, name, and (parents only) ATT&CK tactic short names. */
  readonly enterpriseTsv: string;
  /** revoked-techniques.tsv: revoked id, replacing id. */
  readonly revokedTsv: string;
  /** Azure-Sentinel CI's technique -> tactics map (attack.ts); its T0### ids are ATT&CK for ICS. */
  readonly sentinelTechniqueTactics: Readonly<Record<string, readonly Tactic[]>>;
  readonly attackVersion: string;
  readonly script: string;
  readonly sourceNames: readonly string[];
}

interface Entry {
  readonly name?: string;
  readonly tactics: readonly Tactic[];
  readonly domain: 'enterprise' | 'ics';
  readonly status: 'active' | 'revoked';
  readonly replacedBy?: string;
}

const ID = /^T\d{4}(\.\d{3})?$/;

/**
 * Renders src/catalog/generated/attack-techniques.ts: every active Enterprise technique with its
 * name and tactics, every revoked id with its successor, and the ICS ids Sentinel's CI map knows
 * (tactics from that map; the sources at hand carry no ICS names). Malformed input throws with the
 * line at fault, so a transcription slip cannot produce a silently wrong catalog.
 */
export function buildAttackTechniques(sources: AttackCatalogSources): string {
  const entries = new Map<string, Entry>();
  let parentTactics: readonly Tactic[] = [];
  for (const [line, columns] of rows(sources.enterpriseTsv, 'enterprise list')) {
    const [id, name, tactics] = columns;
    if (!name) throw new Error(`enterprise list line ${line}: ${id} has no name`);
    if (entries.has(id)) throw new Error(`enterprise list line ${line}: ${id} is listed twice`);
    const isSub = id.includes('.');
    if (!isSub) {
      if (!tactics) throw new Error(`enterprise list line ${line}: technique ${id} needs its tactics`);
      parentTactics = tactics.split(',').map((t) => sentinelTactic(t, line));
    } else if (!entries.has(id.split('.')[0])) {
      throw new Error(`enterprise list line ${line}: sub-technique ${id} comes before its parent`);
    }
    entries.set(id, { name, tactics: parentTactics, domain: 'enterprise', status: 'active' });
  }

  const revoked = new Map(rows(sources.revokedTsv, 'revoked list').map(([line, [id, by]]) => {
    if (!by || !ID.test(by)) throw new Error(`revoked list line ${line}: ${id} needs the id that replaced it`);
    if (entries.has(id)) throw new Error(`revoked list line ${line}: ${id} is also listed as active`);
    return [id, by] as const;
  }));
  for (const [id, by] of revoked) {
    const successor = followRevocations(by, revoked);
    // A successor that is itself gone from v18 (e.g. T1574.002) is not worth pointing authors at.
    const replacedBy = entries.get(successor)?.status === 'active' ? successor : undefined;
    const tactics = replacedBy ? entries.get(replacedBy)!.tactics : [];
    entries.set(id, { tactics, domain: 'enterprise', status: 'revoked', ...(replacedBy ? { replacedBy } : {}) });
  }

  for (const [id, tactics] of Object.entries(sources.sentinelTechniqueTactics)) {
    if (id.startsWith('T0')) entries.set(id, { tactics: [...tactics], domain: 'ics', status: 'active' });
    else if (!entries.has(id)) throw new Error(`${id} is in Azure-Sentinel's technique map but in neither ATT&CK list; update scripts/attack-catalog`);
  }
  return render(entries, sources);
}

function rows(tsv: string, what: string): [number, string[]][] {
  const out: [number, string[]][] = [];
  tsv.split(/\r?\n/).forEach((text, i) => {
    if (text.trim() === '' || text.startsWith('#')) return;
    const columns = text.split('\t');
    if (!ID.test(columns[0])) throw new Error(`${what} line ${i + 1}: ${JSON.stringify(columns[0])} is not a technique id`);
    out.push([i + 1, columns]);
  });
  return out;
}

/** "privilege-escalation" -> "PrivilegeEscalation", checked against the Sentinel API's tactic enum. */
function sentinelTactic(shortName: string, line: number): Tactic {
  const pascal = shortName.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  if (!(TACTICS as readonly string[]).includes(pascal)) throw new Error(`enterprise list line ${line}: unknown tactic ${shortName}`);
  return pascal as Tactic;
}

function followRevocations(id: string, revoked: ReadonlyMap<string, string>): string {
  const seen = new Set<string>();
  let current = id;
  while (revoked.has(current) && !seen.has(current)) {
    seen.add(current);
    current = revoked.get(current)!;
  }
  return current;
}

function render(entries: ReadonlyMap<string, Entry>, sources: AttackCatalogSources): string {
  const lines = [...entries.keys()].sort(compareOrdinal).map((id) => {
    const e = entries.get(id)!;
    const fields = [
      ...(e.name !== undefined ? [`name: ${tsString(e.name)}`] : []),
      `tactics: ${tsStringArray(e.tactics)}`,
      `domain: ${tsString(e.domain)}`,
      `status: ${tsString(e.status)}`,
      ...(e.replacedBy ? [`replacedBy: ${tsString(e.replacedBy)}`] : []),
    ];
    return `  ${tsKey(id)}: { ${fields.join(', ')} },`;
  });
  const counts = countBy([...entries.values()], (e) => `${e.domain} ${e.status}`);
  return [
    generatedHeader(sources.script, sources.sourceNames),
    `// ${Object.entries(counts).sort(([a], [b]) => compareOrdinal(a, b)).map(([k, n]) => `${n} ${k}`).join(', ')}.`,
    '// Gaps: ICS names are absent; ids MITRE deprecated without a successor, or revoked after',
    '// October 2022, are absent and validate reports them as unknown.',
    '',
    "import type { Tactic } from './attack';",
    '',
    `/** The ATT&CK Enterprise release the active techniques come from. */`,
    `export const ATTACK_VERSION = ${tsString(sources.attackVersion)};`,
    '',
    'export interface AttackTechnique {',
    '  /** Unset for ICS techniques, whose names the catalog lacks. Sub-techniques carry their own name. */',
    '  readonly name?: string;',
    '  /** Sentinel tactic names; a sub-technique has its parent\'s. A revoked id has its successor\'s. */',
    '  readonly tactics: readonly Tactic[];',
    "  readonly domain: 'enterprise' | 'ics';",
    "  /** `revoked`: MITRE retired the id in favour of `replacedBy`. */",
    "  readonly status: 'active' | 'revoked';",
    '  readonly replacedBy?: string;',
    '}',
    '',
    'export const ATTACK_TECHNIQUES: Readonly<Record<string, AttackTechnique>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

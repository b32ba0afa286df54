import { ATTACK_TECHNIQUES } from '../../src/catalog/generated/attack-techniques';
import { attackCoverage, type CoverageDefinition } from '../../src/docs/attack-coverage';
import { ENTERPRISE_TACTIC_ORDER, navigatorTactic } from '../../src/docs/attack-labels';
import { coverageSvg } from '../../src/docs/coverage-svg';
import { navigatorLayer } from '../../src/docs/navigator-layer';

function definition(name: string, kind: CoverageDefinition['kind'], tactics: CoverageDefinition['tactics'], techniques: string[]): CoverageDefinition {
  return { id: name, name, kind, page: `${name}.md`, tactics, techniques };
}

const RULE = definition('FIC added & not allowed', 'AnalyticsRule', ['Persistence', 'PrivilegeEscalation'], ['T1098.001', 'T1078.004']);
const QUERY = definition('Token pivot <UTI>', 'HuntingQuery', ['DefenseEvasion', 'LateralMovement'], ['T1550.001', 'T1098.001']);
const ODD = definition('Odd mappings', 'HuntingQuery', ['Impact'], ['T1086', 'T0800', 'T1999']);

describe('ATT&CK coverage', () => {
  const coverage = attackCoverage([QUERY, RULE, ODD]);

  it('places a technique under each tactic it shares with the rule, in matrix order', () => {
    expect(coverage.cells.map((c) => `${c.tactic} ${c.technique} ${c.definitions.map((d) => d.name).join('+')}`)).toEqual([
      'Persistence T1078.004 FIC added & not allowed',
      'Persistence T1098.001 FIC added & not allowed+Token pivot <UTI>',
      'PrivilegeEscalation T1078.004 FIC added & not allowed',
      'PrivilegeEscalation T1098.001 FIC added & not allowed+Token pivot <UTI>',
      'DefenseEvasion T1550.001 Token pivot <UTI>',
      'LateralMovement T1550.001 Token pivot <UTI>',
    ]);
  });

  it('keeps a technique whose tactics the rule does not name visible under its own ATT&CK tactics', () => {
    // The query names T1098.001 but neither Persistence nor Privilege Escalation: it still shows there.
    const cell = coverage.cells.find((c) => c.technique === 'T1098.001' && c.tactic === 'Persistence')!;
    expect(cell.definitions.map((d) => d.kind)).toEqual(['AnalyticsRule', 'HuntingQuery']);
  });

  it('sets aside revoked, unknown and ICS techniques, and notes tactics with no technique', () => {
    expect(coverage.outside.map((o) => `${o.technique}: ${o.reason}`)).toEqual(['T1086: revoked by MITRE', 'T0800: an ATT&CK for ICS technique', 'T1999: not in the ATT&CK catalog']);
    expect([...coverage.tacticOnly.keys()]).toEqual(['Impact']);
  });
});

describe('ATT&CK Navigator layer', () => {
  const layer = navigatorLayer(attackCoverage([RULE, QUERY]), 'test layer') as Record<string, any>;

  it('declares layer format 4.5 for the Enterprise domain', () => {
    expect(layer).toMatchObject({ name: 'test layer', domain: 'enterprise-attack', versions: { layer: '4.5', attack: '18' } });
    expect(layer.versions.navigator).toMatch(/^5\.\d+\.\d+$/);
  });

  it('scores each covered technique under a tactic it belongs to, naming the content in comment and metadata', () => {
    const scored = layer.techniques.filter((t: any) => t.score !== undefined);
    for (const t of scored) {
      const tactics = ATTACK_TECHNIQUES[t.techniqueID].tactics.map(navigatorTactic);
      expect(tactics).toContain(t.tactic);
    }
    expect(scored.find((t: any) => t.techniqueID === 'T1098.001' && t.tactic === 'persistence')).toEqual({
      techniqueID: 'T1098.001',
      tactic: 'persistence',
      score: 2,
      comment: 'Analytics rule: FIC added & not allowed; Hunting query: Token pivot <UTI>',
      metadata: [{ name: 'Analytics rule', value: 'FIC added & not allowed' }, { name: 'Hunting query', value: 'Token pivot <UTI>' }],
      showSubtechniques: false,
    });
  });

  it('expands the parent of each covered sub-technique, unscored', () => {
    expect(layer.techniques.filter((t: any) => t.showSubtechniques === true)).toContainEqual({ techniqueID: 'T1098', tactic: 'persistence', showSubtechniques: true });
  });

  it('has a gradient from 1 to the highest score and a legend', () => {
    expect(layer.gradient).toMatchObject({ minValue: 1, maxValue: 2 });
    expect(layer.gradient.colors.length).toBeGreaterThanOrEqual(2);
    expect(layer.legendItems.every((l: any) => typeof l.label === 'string' && /^#[0-9a-f]{6}$/.test(l.color))).toBe(true);
  });

  it('uses only the Enterprise tactic short names', () => {
    const names = ENTERPRISE_TACTIC_ORDER.map(navigatorTactic);
    expect(layer.techniques.every((t: any) => names.includes(t.tactic))).toBe(true);
  });
});

describe('coverage heatmap (SVG)', () => {
  const svg = coverageSvg(attackCoverage([RULE, QUERY, ODD]), [RULE, QUERY, ODD]);

  it('is an SVG document with its size set', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('has a column per covered tactic and names the tactics with no coverage', () => {
    for (const tactic of ['Persistence', 'Privilege Escalation', 'Defense Evasion', 'Lateral Movement', 'Impact']) expect(svg).toContain(`>${tactic}</tspan>`);
    expect(svg).toContain('No coverage: Reconnaissance, Resource Development, Initial Access, Execution, Credential Access, Discovery, Collection, Command and Control, Exfiltration.');
  });

  it('lists the content behind each cell, XML-escaped', () => {
    expect(svg).toContain('FIC added &amp; not allowed');
    expect(svg).toContain('Token pivot &lt;UTI&gt;');
    expect(svg).not.toMatch(/<UTI>|& not/);
  });

  it('says which techniques it cannot show and why', () => {
    expect(svg).toContain('Not shown: T1086 (revoked by MITRE) in Odd mappings.');
  });
});

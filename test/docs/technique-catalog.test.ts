import path from 'node:path';
import { validateProject } from '../../src/check/validate-project';
import { loadProject } from '../../src/load/load-project';
import { ATTACK_TECHNIQUES } from '../../src/catalog/generated/attack-techniques';
import { TECHNIQUE_TACTICS } from '../../src/catalog/generated/attack';
import { describeDrift } from '../catalog/generated-file-drift';
import { generateAttackTechniques } from '../../scripts/generate-attack-techniques';
import { projectWithOverlay } from '../support/fixture-project';
import { edit } from '../versioning/versioned-project';

const ROOT = path.join(__dirname, '..', '..');

function techniqueDiagnostics(techniques: string) {
  const root = projectWithOverlay();
  edit(root, 'rules/base-rule.ts', (t) => t.replace("techniques: ['T1098'],", `techniques: [${techniques}],`));
  return validateProject(root).diagnostics.filter((d) => d.code.startsWith('TECHNIQUE_'));
}

describe('the ATT&CK technique catalog', () => {
  it('is what the generator makes of the committed sources', () => {
    expect(describeDrift(ROOT, generateAttackTechniques(ROOT), 'run node -r tsx/cjs scripts/generate-attack-techniques.ts')).toEqual([]);
  });

  it('covers every technique of Azure-Sentinel\'s tactic map and every technique the shipped content uses', () => {
    const shipped = loadProject(ROOT);
    const used = [...shipped.rules, ...shipped.huntingQueries].flatMap((d) => d.props.techniques ?? []);
    const missing = [...Object.keys(TECHNIQUE_TACTICS), ...used].filter((id) => !ATTACK_TECHNIQUES[id]);
    expect(missing).toEqual([]);
  });

  it('names sub-techniques and gives them their parent\'s tactics', () => {
    expect(ATTACK_TECHNIQUES['T1098.001']).toEqual({ name: 'Additional Cloud Credentials', tactics: ['Persistence', 'PrivilegeEscalation'], domain: 'enterprise', status: 'active' });
  });

  it('points a revoked id at its successor, following chains of revocations', () => {
    expect(ATTACK_TECHNIQUES.T1086).toMatchObject({ status: 'revoked', replacedBy: 'T1059.001' });
    expect(ATTACK_TECHNIQUES.T1150).toMatchObject({ status: 'revoked', replacedBy: 'T1647' });
  });
});

describe('validate: techniques against the catalog', () => {
  it('warns about a revoked technique, naming its successor', () => {
    const revoked = techniqueDiagnostics("'T1098', 'T1086'").find((d) => d.code === 'TECHNIQUE_REVOKED');
    expect(revoked).toMatchObject({ severity: 'warning', file: 'rules/base-rule.ts', line: 10, column: 25 });
    expect(revoked!.message).toBe('technique T1086 was revoked by MITRE ATT&CK; use T1059.001 (PowerShell) instead');
  });

  it('warns about a sub-technique ATT&CK does not have', () => {
    const [unknown, ...rest] = techniqueDiagnostics("'T1098.042'");
    expect(rest).toEqual([]);
    expect(unknown).toMatchObject({ code: 'TECHNIQUE_NOT_IN_ATTACK', severity: 'warning', line: 10, column: 16 });
    expect(unknown.message).toBe('technique T1098.042 is not in ATT&CK 18.0; T1098 (Account Manipulation) has no such sub-technique');
  });

  it('accepts a known sub-technique silently', () => {
    expect(techniqueDiagnostics("'T1098.001'")).toEqual([]);
  });
});

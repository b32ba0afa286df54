import type { Check, Report } from './check';
import type { LoadedHuntingQuery, LoadedRule } from '../load/loaded-project';
import { ATTACK_TECHNIQUES, ATTACK_VERSION } from '../catalog/generated/attack-techniques';
import { TECHNIQUE_TACTICS } from '../model/enums';

const TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/;

/**
 * Checks each technique id against the committed ATT&CK catalog (src/catalog/generated/attack-techniques.ts).
 * A revoked id or an id ATT&CK does not have is a warning: the rule still works in Sentinel, but its
 * coverage is mapped to something MITRE no longer (or never) published. Parents unknown to
 * Azure-Sentinel's map are already reported by the `techniques` check, so they are not repeated here.
 */
export const techniqueCatalogCheck: Check = {
  name: 'technique-catalog',
  rule: (rule, _ctx, report) => check(rule, report),
  hunting: (query, _ctx, report) => check(query, report),
};

function check(definition: LoadedRule | LoadedHuntingQuery, report: Report): void {
  const techniques = Array.isArray(definition.props.techniques) ? definition.props.techniques : [];
  techniques.forEach((technique, i) => {
    if (typeof technique !== 'string' || !TECHNIQUE_ID.test(technique)) return; // the shape check reports it
    const entry = ATTACK_TECHNIQUES[technique];
    if (entry?.status === 'revoked') {
      const successor = entry.replacedBy ? ATTACK_TECHNIQUES[entry.replacedBy] : undefined;
      const use = entry.replacedBy ? `; use ${entry.replacedBy}${successor?.name ? ` (${successor.name})` : ''} instead` : '';
      report.at(definition, ['techniques', i], 'TECHNIQUE_REVOKED', 'warning', `technique ${technique} was revoked by MITRE ATT&CK${use}`, entry.replacedBy ? `replace ${technique} with ${entry.replacedBy}` : undefined);
      return;
    }
    if (entry) return;
    const parent = technique.split('.')[0];
    if (!TECHNIQUE_TACTICS[parent]) return; // already TECHNIQUE_UNKNOWN from the techniques check
    const parentName = ATTACK_TECHNIQUES[parent]?.name;
    report.at(
      definition,
      ['techniques', i],
      'TECHNIQUE_NOT_IN_ATTACK',
      'warning',
      `technique ${technique} is not in ATT&CK ${ATTACK_VERSION}${parentName ? `; ${parent} (${parentName}) has no such sub-technique` : ''}`,
      `check the id on https://attack.mitre.org/techniques/${technique.replace('.', '/')}/`,
    );
  });
}

import type { Check, Report } from './check';
import type { LoadedHuntingQuery, LoadedRule } from '../load/loaded-project';
import { AZURE_SENTINEL_CI_TACTICS, TECHNIQUE_TACTICS } from '../model/enums';

/**
 * Azure-Sentinel's NoTechniquesWithoutMatchingTactics: each technique (sub-technique folded to its
 * parent) must belong to at least one of the rule's tactics. Unknown techniques are warnings, since
 * our catalog may lag ATT&CK; tactics the Azure-Sentinel YAML CI does not know are warnings too.
 */
export const techniqueCheck: Check = {
  name: 'techniques',
  rule: (rule, _ctx, report) => check(rule, report),
  hunting: (query, _ctx, report) => check(query, report),
};

function check(definition: LoadedRule | LoadedHuntingQuery, report: Report): void {
  const tactics = Array.isArray(definition.props.tactics) ? definition.props.tactics : [];
  tactics.forEach((tactic, i) => {
    if (!(AZURE_SENTINEL_CI_TACTICS as readonly string[]).includes(tactic)) {
      report.at(definition, ['tactics', i], 'TACTIC_NOT_IN_SENTINEL_CI', 'warning', `tactic ${tactic} is valid in the Sentinel API but Azure-Sentinel's YAML CI does not accept it yet`);
    }
  });
  const techniques = Array.isArray(definition.props.techniques) ? definition.props.techniques : [];
  techniques.forEach((technique, i) => {
    if (typeof technique !== 'string') return;
    const parent = technique.split('.')[0];
    const known = TECHNIQUE_TACTICS[parent];
    if (!known || known.length === 0) {
      report.at(definition, ['techniques', i], 'TECHNIQUE_UNKNOWN', 'warning', `technique ${technique} is not in the ATT&CK catalog; Azure-Sentinel's CI would reject it`);
      return;
    }
    // Sentinel and Azure-Sentinel's CI accept the pair (29 rules of Azure-Sentinel's own analytic
    // rules have one), but the portal lists the technique under no selected tactic and coverage
    // counts it wrongly: worth fixing, not worth failing a build over.
    if (!known.some((t) => tactics.includes(t))) {
      report.at(definition, ['techniques', i], 'TECHNIQUE_TACTIC_MISMATCH', 'warning', `technique ${technique} belongs to ${known.join(', ')}, none of which is in tactics [${tactics.join(', ')}]`, `add one of ${known.join(', ')} to tactics, or remove the technique`);
    }
  });
}

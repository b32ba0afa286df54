import { ATTACK_TECHNIQUES } from '../catalog/generated/attack-techniques';
import type { Tactic } from '../model/enums';

/** The Enterprise matrix's tactic order (the Navigator's columns); Sentinel's enum orders them differently. */
export const ENTERPRISE_TACTIC_ORDER: readonly Tactic[] = [
  'Reconnaissance', 'ResourceDevelopment', 'InitialAccess', 'Execution', 'Persistence', 'PrivilegeEscalation', 'DefenseEvasion',
  'CredentialAccess', 'Discovery', 'LateralMovement', 'Collection', 'CommandAndControl', 'Exfiltration', 'Impact',
];

/** Any tactic, Enterprise ones first in matrix order, then the rest (PreAttack, ICS) as Sentinel lists them. */
export function tacticRank(tactic: Tactic): number {
  const index = ENTERPRISE_TACTIC_ORDER.indexOf(tactic);
  return index >= 0 ? index : ENTERPRISE_TACTIC_ORDER.length + tactic.charCodeAt(0);
}

/** "PrivilegeEscalation" -> "Privilege Escalation", "CommandAndControl" -> "Command and Control". */
export function tacticLabel(tactic: Tactic): string {
  return tactic.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/ And /g, ' and ');
}

/** The Navigator's tactic short name ("privilege-escalation"), or undefined for a tactic outside the Enterprise matrix. */
export function navigatorTactic(tactic: Tactic): string | undefined {
  if (!ENTERPRISE_TACTIC_ORDER.includes(tactic)) return undefined;
  return tactic.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}

/** "T1098.001" -> "Account Manipulation: Additional Cloud Credentials"; undefined when the catalog has no name. */
export function techniqueName(id: string): string | undefined {
  const own = ATTACK_TECHNIQUES[id]?.name;
  if (!own || !id.includes('.')) return own;
  const parent = ATTACK_TECHNIQUES[id.split('.')[0]]?.name;
  return parent ? `${parent}: ${own}` : own;
}

/** The technique's page on attack.mitre.org (sub-techniques live under their parent's path). */
export function techniqueUrl(id: string): string {
  return `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;
}

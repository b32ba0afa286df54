import type { LoadedHuntingQuery, LoadedProject, LoadedRule } from '../load/loaded-project';
import type { RuleVersion } from '../model/analytics-rule';
import { contentHash } from './content-hash';
import { compareVersions, parseVersion } from './semver';
import type { VersionLockEntries, VersionLockEntry } from './version-lock-file';

/**
 * How a rule stands against the lock:
 * - `new`: not in the lock yet; `version --bump` records it at its current version.
 * - `unchanged`: same content and version as locked.
 * - `needs-bump`: the content changed but the version did not (the error validate reports).
 * - `lock-stale`: the version was raised by hand (content changed or not); the lock must record it.
 * - `behind-lock`: the version is lower than the lock's; versions never go back.
 * - `unhashable`: the query could not be loaded or the definition cannot be rendered; validate says why.
 */
export type VersionState = 'new' | 'unchanged' | 'needs-bump' | 'lock-stale' | 'behind-lock' | 'unhashable';

export interface VersionStatus {
  readonly definition: LoadedRule | LoadedHuntingQuery;
  readonly id: string;
  readonly state: VersionState;
  /** The version written in the definition (hunting queries default to 1.0.0). */
  readonly version: RuleVersion;
  readonly locked?: VersionLockEntry;
  readonly hash?: string;
}

/** Compares every rule and hunting query of a loaded project with the lock (none = every rule is new). */
export function versionStatuses(project: LoadedProject, lock: VersionLockEntries | undefined): VersionStatus[] {
  const seen = new Set<string>();
  const out: VersionStatus[] = [];
  for (const definition of [...project.rules, ...project.huntingQueries]) {
    const id = String(definition.props.id);
    if (seen.has(id)) continue; // duplicate ids are the duplicates check's to report
    seen.add(id);
    out.push(statusOf(definition, id, lock?.[id]));
  }
  return out;
}

/** Ids the lock holds that no definition has any more (deleted rules). */
export function lockedButRemoved(project: LoadedProject, lock: VersionLockEntries | undefined): string[] {
  const ids = new Set([...project.rules, ...project.huntingQueries].map((d) => String(d.props.id)));
  return Object.keys(lock ?? {}).filter((id) => !ids.has(id)).sort();
}

function statusOf(definition: LoadedRule | LoadedHuntingQuery, id: string, locked: VersionLockEntry | undefined): VersionStatus {
  const version = (definition.props.version ?? '1.0.0') as RuleVersion;
  const base = { definition, id, version, ...(locked ? { locked } : {}) };
  let hash: string | undefined;
  try {
    hash = parseVersion(version) ? contentHash(definition) : undefined;
  } catch {
    hash = undefined;
  }
  if (hash === undefined) return { ...base, state: 'unhashable' };
  if (!locked) return { ...base, hash, state: 'new' };
  const order = compareVersions(version, locked.version);
  const state: VersionState =
    order < 0 ? 'behind-lock'
    : order > 0 ? 'lock-stale'
    : hash === locked.sha256 ? 'unchanged'
    : 'needs-bump';
  return { ...base, hash, state };
}

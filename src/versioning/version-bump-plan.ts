import path from 'node:path';
import type { LoadedProject } from '../load/loaded-project';
import type { RuleVersion } from '../model/analytics-rule';
import { bumpVersion, type BumpLevel } from './semver';
import type { VersionLockEntries, VersionLockEntry } from './version-lock-file';
import { lockedButRemoved, versionStatuses, type VersionState, type VersionStatus } from './version-status';

export interface VersionChange {
  readonly id: string;
  readonly name: string;
  /** Project-relative `.ts` file. */
  readonly file: string;
  readonly state: VersionState;
  readonly from: RuleVersion;
  /** The version the source is set to; equal to `from` when only the lock changes. */
  readonly to: RuleVersion;
}

export interface VersionBumpPlan {
  /** Version literals to rewrite, by project-relative file. */
  readonly sourceVersions: readonly VersionChange[];
  /** Everything the new lock records differently from the old one (new, bumped, recorded). */
  readonly lockChanges: readonly VersionChange[];
  readonly removed: readonly string[];
  /** Rules left out: their query or shape is broken, validate says how. */
  readonly skipped: readonly VersionStatus[];
  readonly lock: VersionLockEntries;
}

/**
 * What `version --bump` does, computed without touching a file: each rule whose content changed
 * since the lock gets `level` added to its locked version; rules bumped by hand and new rules are
 * recorded at their written version; a version below the lock is raised past it (content changed)
 * or back to it (content unchanged); deleted rules leave the lock.
 */
export function planVersionBump(project: LoadedProject, lock: VersionLockEntries | undefined, level: BumpLevel): VersionBumpPlan {
  const entries: Record<string, VersionLockEntry> = {};
  const sourceVersions: VersionChange[] = [];
  const lockChanges: VersionChange[] = [];
  const skipped: VersionStatus[] = [];
  for (const status of versionStatuses(project, lock)) {
    const { definition, id, state, version, locked, hash } = status;
    if (state === 'unhashable' || hash === undefined) {
      skipped.push(status);
      if (locked) entries[id] = locked; // keep the record until the rule renders again
      continue;
    }
    const to: RuleVersion =
      state === 'needs-bump' || (state === 'behind-lock' && hash !== locked!.sha256) ? bumpVersion(locked!.version, level)
      : state === 'behind-lock' ? locked!.version
      : version;
    const change: VersionChange = { id, name: String(definition.props.name), file: definition.source.file, state, from: version, to };
    if (to !== version) sourceVersions.push(change);
    if (state !== 'unchanged') lockChanges.push(change);
    entries[id] = { kind: definition.kind, name: String(definition.props.name), version: to, sha256: hash };
  }
  return { sourceVersions, lockChanges, removed: lockedButRemoved(project, lock), skipped, lock: entries };
}

export function absoluteSourceFile(project: LoadedProject, change: VersionChange): string {
  return path.join(project.root, change.file);
}

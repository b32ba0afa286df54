import type { RuleVersion } from '../model/analytics-rule';
import { readVersionLockFile, type VersionLockEntries } from './version-lock-file';

/** The project's version lock, as deploy and build read it. */
export interface VersionLock {
  readonly entries: VersionLockEntries;
  /**
   * The version the lock records for a rule or hunting query id, or undefined for a rule the lock
   * does not know yet (a new rule: use the version in its definition). validate fails when a locked
   * rule's version or content disagrees with its entry, so for content that passed validate this is
   * the version to stamp on what is deployed (templateVersion, content metadata version).
   */
  lockedVersion(id: string): RuleVersion | undefined;
}

/** Reads `sentinel-cac.lock.json` from the project root; an absent file is an empty lock. Throws VersionLockError when malformed. */
export function readVersionLock(root: string): VersionLock {
  return versionLockOf(readVersionLockFile(root) ?? {});
}

export function versionLockOf(entries: VersionLockEntries): VersionLock {
  return {
    entries,
    lockedVersion: (id) => (Object.prototype.hasOwnProperty.call(entries, id) ? entries[id].version : undefined),
  };
}

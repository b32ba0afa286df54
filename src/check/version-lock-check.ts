import type { Check, CheckContext, Report } from './check';
import { readVersionLockFile, VERSION_LOCK_FILE, VersionLockError } from '../versioning/version-lock-file';
import { versionStatuses } from '../versioning/version-status';

const BUMP_HINT = 'run npx sentinel-cac version --bump';

/**
 * The version lock (sentinel-cac.lock.json), as Elastic's detection-rules keeps one: a rule whose
 * rendered content differs from the hash the lock records must carry a higher version than the
 * lock's. The lock must also record every version bump, because deploy stamps the locked version
 * on what it deploys. A project without a lock file has not adopted versioning: nothing to check.
 */
export const versionLockCheck: Check = {
  name: 'version-lock',
  finalize: (ctx, report) => check(ctx, report),
};

function check(ctx: CheckContext, report: Report): void {
  let lock;
  try {
    lock = readVersionLockFile(ctx.project.root);
  } catch (error) {
    if (!(error instanceof VersionLockError)) throw error;
    report.raw({ code: 'VERSION_LOCK_INVALID', severity: 'error', message: error.message, file: VERSION_LOCK_FILE, line: 1, column: 1, hint: 'restore it from git, then run npx sentinel-cac version --bump' });
    return;
  }
  if (lock === undefined) return;
  for (const status of versionStatuses(ctx.project, lock)) {
    const { definition, version, locked } = status;
    if (status.state === 'new') {
      report.at(definition, ['id'], 'VERSION_NOT_LOCKED', 'info', `new ${kindName(definition.kind)} is not in ${VERSION_LOCK_FILE} yet; it will be recorded at version ${version}`, BUMP_HINT);
    } else if (status.state === 'needs-bump') {
      report.at(definition, ['version'], 'VERSION_NOT_BUMPED', 'error', `content changed since version ${locked!.version} was locked, but the version was not raised`, `${BUMP_HINT} (raises it to the next patch version; --minor or --major for larger changes)`);
    } else if (status.state === 'lock-stale') {
      report.at(definition, ['version'], 'VERSION_LOCK_STALE', 'error', `version is ${version} but ${VERSION_LOCK_FILE} records ${locked!.version}; the lock must record the version that is deployed`, `${BUMP_HINT} to record it`);
    } else if (status.state === 'behind-lock') {
      report.at(definition, ['version'], 'VERSION_BEHIND_LOCK', 'error', `version ${version} is lower than ${locked!.version} recorded in ${VERSION_LOCK_FILE}; versions only go up`, BUMP_HINT);
    }
  }
}

function kindName(kind: 'AnalyticsRule' | 'HuntingQuery'): string {
  return kind === 'AnalyticsRule' ? 'analytics rule' : 'hunting query';
}

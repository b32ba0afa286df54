import path from 'node:path';
import type { Command } from 'commander';
import { loadProject } from '../load/load-project';
import { applyVersionBump } from '../versioning/apply-version-bump';
import type { BumpLevel } from '../versioning/semver';
import { planVersionBump, type VersionBumpPlan, type VersionChange } from '../versioning/version-bump-plan';
import { readVersionLockFile, VERSION_LOCK_FILE, VersionLockError } from '../versioning/version-lock-file';
import { EXIT, type CliIo } from './io';

interface VersionOptions {
  readonly bump?: boolean;
  readonly check?: boolean;
  readonly minor?: boolean;
  readonly major?: boolean;
}

const LABEL: Record<VersionChange['state'], string> = {
  'needs-bump': 'changed, needs a bump',
  'lock-stale': 'bumped, lock not updated',
  'behind-lock': 'version below the lock',
  new: 'new, not locked yet',
  unchanged: 'unchanged',
  unhashable: 'cannot be rendered',
};

export function registerVersion(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('version')
    .description(`compare rules and hunting queries with ${VERSION_LOCK_FILE}: list what changed (default), fail if a bump is missing (--check), or bump versions in the .ts sources and update the lock (--bump)`)
    .option('--check', 'exit 1 if a rule changed without a version bump, or a version raised by hand is not in the lock yet')
    .option('--bump', 'raise the version of every changed rule in its .ts file and write the lock')
    .option('--minor', 'with --bump: raise the minor version instead of the patch')
    .option('--major', 'with --bump: raise the major version instead of the patch')
    .action((options: VersionOptions, command: Command) => {
      if ((options.minor || options.major) && !options.bump) return usage(io, setExit, '--minor and --major go with --bump');
      if (options.minor && options.major) return usage(io, setExit, 'choose one of --minor and --major');
      if (options.bump && options.check) return usage(io, setExit, 'choose one of --bump and --check');
      const root = path.resolve(command.optsWithGlobals().project as string);
      let lock;
      try {
        lock = readVersionLockFile(root);
      } catch (error) {
        if (!(error instanceof VersionLockError)) throw error;
        io.err(error.message);
        return setExit(EXIT.contentErrors);
      }
      const project = loadProject(root);
      const level: BumpLevel = options.major ? 'major' : options.minor ? 'minor' : 'patch';
      const plan = planVersionBump(project, lock, level);
      for (const skipped of plan.skipped) {
        io.err(`${skipped.definition.source.file}: ${skipped.id} skipped: its query or definition cannot be rendered; run npx sentinel-cac validate`);
      }
      if (options.bump) {
        applyVersionBump(project, plan);
        io.out(describeBump(plan));
        return setExit(EXIT.ok);
      }
      io.out(describeChanges(plan));
      const blocking = plan.lockChanges.filter((c) => c.state !== 'new');
      setExit(options.check && blocking.length > 0 ? EXIT.contentErrors : EXIT.ok);
      if (options.check && blocking.length > 0) io.err(`${blocking.length} rule(s) need npx sentinel-cac version --bump`);
    });
}

function describeChanges(plan: VersionBumpPlan): string {
  if (plan.lockChanges.length === 0 && plan.removed.length === 0) return `every rule and hunting query matches ${VERSION_LOCK_FILE}`;
  const lines = plan.lockChanges.map((c) => `${c.file}  ${c.from}${c.to !== c.from ? ` -> ${c.to}` : ''}  ${LABEL[c.state]}  ${c.name}`);
  for (const id of plan.removed) lines.push(`${id}  removed from the project; --bump drops it from the lock`);
  return lines.join('\n');
}

function describeBump(plan: VersionBumpPlan): string {
  const lines = plan.sourceVersions.map((c) => `${c.file}: ${c.from} -> ${c.to}  ${c.name}`);
  const recorded = plan.lockChanges.filter((c) => c.to === c.from);
  for (const c of recorded) lines.push(`${c.file}: recorded ${c.to} (${LABEL[c.state]})  ${c.name}`);
  for (const id of plan.removed) lines.push(`${id}: removed from the lock`);
  lines.push(`${VERSION_LOCK_FILE}: ${Object.keys(plan.lock).length} definitions, ${plan.sourceVersions.length} bumped`);
  return lines.join('\n');
}

function usage(io: CliIo, setExit: (code: number) => void, message: string): void {
  io.err(`version: ${message}`);
  setExit(EXIT.usage);
}

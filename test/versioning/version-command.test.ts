import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../support/run-cli';
import { validateProject } from '../../src/check/validate-project';
import { buildProject } from '../../src/render/build-project';
import { readVersionLock } from '../../src/versioning/locked-version';
import { VERSION_LOCK_FILE } from '../../src/versioning/version-lock-file';
import { projectWithOverlay } from '../support/fixture-project';
import { BASE_QUERY, BASE_RULE, BASE_RULE_ID, copyOf, edit, lockedProject, read } from './versioned-project';

const run = (root: string, ...args: string[]) => runCli('-C', root, 'version', ...args);

/** The base project whose KQL changed after it was locked at 1.0.0. */
function changedProject(): string {
  const root = copyOf(lockedProject());
  edit(root, BASE_QUERY, (t) => t.replace('AlertSeverity = "Medium"', 'AlertSeverity = "High"'));
  return root;
}

describe('sentinel-cac version', () => {
  it('lists rules that changed without a bump, and exits 0', async () => {
    const { code, out } = await run(changedProject());
    expect(code).toBe(0);
    expect(out).toContain(`${BASE_RULE}  1.0.0 -> 1.0.1  changed, needs a bump  Base rule`);
  });

  it('--check exits 1 when a rule needs a bump and 0 when the lock matches', async () => {
    expect((await run(changedProject(), '--check')).code).toBe(1);
    expect((await run(lockedProject(), '--check')).code).toBe(0);
  });

  it('--bump rewrites only the version literal in the .ts, updates the lock, and validate passes afterwards', async () => {
    const root = changedProject();
    const before = read(root, BASE_RULE);
    const { code, out } = await run(root, '--bump');
    expect(code).toBe(0);
    expect(out).toContain(`${BASE_RULE}: 1.0.0 -> 1.0.1  Base rule`);
    expect(read(root, BASE_RULE)).toBe(before.replace("version: '1.0.0'", "version: '1.0.1'"));
    expect(readVersionLock(root).lockedVersion(BASE_RULE_ID)).toBe('1.0.1');
    expect(validateProject(copyOf(root)).diagnostics).toEqual([]);
  });

  it('after --bump, the built templateVersion is the version the lock records', async () => {
    const root = changedProject();
    await run(root, '--bump');
    const built = copyOf(root);
    expect(buildProject(built, { outDir: 'dist' }).diagnostics).toEqual([]);
    const [template] = fs.readdirSync(path.join(built, 'dist', 'analytics-rules')).filter((f) => f.endsWith('.json'));
    const arm = JSON.parse(read(built, `dist/analytics-rules/${template}`));
    expect(arm.resources[0].properties.templateVersion).toBe(readVersionLock(built).lockedVersion(BASE_RULE_ID));
    expect(arm.resources[0].properties.templateVersion).toBe('1.0.1');
  });

  it('--bump --minor and --bump --major raise the minor or major version', async () => {
    const minor = changedProject();
    await run(minor, '--bump', '--minor');
    expect(read(minor, BASE_RULE)).toContain("version: '1.1.0'");
    const major = changedProject();
    await run(major, '--bump', '--major');
    expect(read(major, BASE_RULE)).toContain("version: '2.0.0'");
  });

  it('--bump adds a new rule to the lock at its current version without editing it', async () => {
    const root = projectWithOverlay();
    const before = read(root, BASE_RULE);
    await run(root, '--bump');
    expect(read(root, BASE_RULE)).toBe(before);
    expect(JSON.parse(read(root, VERSION_LOCK_FILE)).definitions[BASE_RULE_ID]).toMatchObject({ kind: 'AnalyticsRule', name: 'Base rule', version: '1.0.0' });
  });

  it('--bump records a hand bump without bumping again', async () => {
    const root = copyOf(lockedProject());
    edit(root, BASE_RULE, (t) => t.replace("version: '1.0.0'", "version: '1.2.0'"));
    await run(root, '--bump');
    expect(read(root, BASE_RULE)).toContain("version: '1.2.0'");
    expect(readVersionLock(root).lockedVersion(BASE_RULE_ID)).toBe('1.2.0');
  });

  it('drops rules deleted from the project from the lock', async () => {
    const root = copyOf(lockedProject());
    fs.rmSync(path.join(root, BASE_RULE));
    expect((await run(root)).out).toContain(`${BASE_RULE_ID}  removed from the project`);
    await run(root, '--bump');
    expect(readVersionLock(root).lockedVersion(BASE_RULE_ID)).toBeUndefined();
  });

  it('--minor without --bump is a usage error (exit 2)', async () => {
    const { code, err } = await run(lockedProject(), '--minor');
    expect(code).toBe(2);
    expect(err).toContain('--minor and --major go with --bump');
  });
});

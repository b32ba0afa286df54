import fs from 'node:fs';
import path from 'node:path';
import { validateProject } from '../../src/check/validate-project';
import { serializeVersionLock, VERSION_LOCK_FILE } from '../../src/versioning/version-lock-file';
import { projectWithOverlay } from '../support/fixture-project';
import { BASE_QUERY, BASE_RULE, copyOf, edit, lockedProject } from './versioned-project';

function versionDiagnostics(root: string) {
  return validateProject(root).diagnostics.filter((d) => d.code.startsWith('VERSION_'));
}

describe('validate: the version lock', () => {
  const base = lockedProject();

  it('is silent when content and versions match the lock', () => {
    expect(validateProject(base).diagnostics).toEqual([]);
  });

  it('is silent for a project that has no lock file', () => {
    expect(versionDiagnostics(projectWithOverlay())).toEqual([]);
  });

  it('reports a content change without a version bump as VERSION_NOT_BUMPED at the version property', () => {
    const root = copyOf(base);
    edit(root, BASE_QUERY, (t) => t.replace('AlertSeverity = "Medium"', 'AlertSeverity = "High"'));
    const [diagnostic, ...rest] = versionDiagnostics(root);
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ code: 'VERSION_NOT_BUMPED', severity: 'error', file: BASE_RULE, line: 5, column: 12, ruleId: '11111111-1111-4111-8111-111111111111' });
    expect(diagnostic.hint).toContain('npx sentinel-cac version --bump');
  });

  it('accepts neither a hand bump the lock does not record (VERSION_LOCK_STALE) nor a version below the lock (VERSION_BEHIND_LOCK)', () => {
    const bumped = copyOf(base);
    edit(bumped, BASE_RULE, (t) => t.replace("version: '1.0.0'", "version: '1.0.1'"));
    expect(versionDiagnostics(bumped).map((d) => [d.code, d.severity, d.line])).toEqual([['VERSION_LOCK_STALE', 'error', 5]]);

    const lowered = copyOf(base);
    edit(lowered, BASE_RULE, (t) => t.replace("version: '1.0.0'", "version: '0.9.0'"));
    expect(versionDiagnostics(lowered).map((d) => d.code)).toEqual(['VERSION_BEHIND_LOCK']);
  });

  it('notes a rule the lock does not know yet as info, not as an error', () => {
    const root = copyOf(base);
    fs.writeFileSync(path.join(root, VERSION_LOCK_FILE), serializeVersionLock({}));
    expect(versionDiagnostics(root).map((d) => [d.code, d.severity])).toEqual([['VERSION_NOT_LOCKED', 'info']]);
  });

  it('reports a malformed lock file as VERSION_LOCK_INVALID', () => {
    const root = copyOf(base);
    fs.writeFileSync(path.join(root, VERSION_LOCK_FILE), '{ "definitions": { "x": { "kind": "AnalyticsRule", "version": "one" } } }');
    const [diagnostic] = versionDiagnostics(root);
    expect(diagnostic).toMatchObject({ code: 'VERSION_LOCK_INVALID', severity: 'error', file: VERSION_LOCK_FILE });
    expect(diagnostic.message).toContain('entry x: version must be major.minor.patch');
  });
});

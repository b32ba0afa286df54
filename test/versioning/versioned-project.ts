import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadProject } from '../../src/load/load-project';
import { applyVersionBump } from '../../src/versioning/apply-version-bump';
import { planVersionBump } from '../../src/versioning/version-bump-plan';
import { readVersionLockFile } from '../../src/versioning/version-lock-file';
import { projectWithOverlay } from '../support/fixture-project';

export const BASE_RULE = 'rules/base-rule.ts';
export const BASE_QUERY = 'rules/base-rule.kql';
export const BASE_RULE_ID = '11111111-1111-4111-8111-111111111111';

/** The base fixture project with a lock recording its current content. */
export function lockedProject(): string {
  const root = projectWithOverlay();
  const project = loadProject(root);
  applyVersionBump(project, planVersionBump(project, readVersionLockFile(root), 'patch'));
  return root;
}

/**
 * A fresh copy of a project. Definitions are loaded with require(), which caches modules by path,
 * so a `.ts` file changed on disk is only seen again when loaded from a new place.
 */
export function copyOf(root: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentinel-cac-version-'));
  fs.cpSync(root, dir, { recursive: true });
  return dir;
}

/** Changes a file of the project; throws if the change is a no-op. */
export function edit(root: string, file: string, change: (text: string) => string): void {
  const full = path.join(root, file);
  const before = fs.readFileSync(full, 'utf8');
  const after = change(before);
  // A replacement that matches nothing would make the test pass without testing anything.
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  fs.writeFileSync(full, after);
}

export function read(root: string, file: string): string {
  return fs.readFileSync(path.join(root, file), 'utf8');
}

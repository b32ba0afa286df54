import path from 'node:path';
import { loadProject } from '../../src/load/load-project';
import { planVersionBump } from '../../src/versioning/version-bump-plan';
import { readVersionLockFile } from '../../src/versioning/version-lock-file';

const ROOT = path.join(__dirname, '..', '..');

describe('the committed sentinel-cac.lock.json', () => {
  it('records every shipped rule and hunting query at its current content and version', () => {
    const plan = planVersionBump(loadProject(ROOT), readVersionLockFile(ROOT), 'patch');
    const drift = [...plan.lockChanges.map((c) => `${c.file}: ${c.state}`), ...plan.removed.map((id) => `${id}: removed`)];
    expect(drift).toEqual([]);
  });
});

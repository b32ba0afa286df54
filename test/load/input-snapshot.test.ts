import fs from 'node:fs';
import path from 'node:path';
import { InputSnapshot } from '../../src/load/input-snapshot';
import { startEarlyAnalysis } from '../../src/kql/early-analysis';
import { projectWithOverlay } from '../support/fixture-project';

/** The hint validate starts analysis workers on: how many content files changed since the last run. */
describe('InputSnapshot', () => {
  it('counts the files added, removed and changed since the last saved run', () => {
    const root = projectWithOverlay();
    const cache = path.join(root, '.sentinel-cac', 'cache');
    const files = InputSnapshot.take(root, cache).lines.length;
    expect(files).toBeGreaterThan(3);
    expect(InputSnapshot.take(root, cache).changedFiles()).toBe(files); // nothing recorded: every file is new
    InputSnapshot.take(root, cache).save();
    expect(InputSnapshot.take(root, cache).unchanged()).toBe(true);

    fs.appendFileSync(path.join(root, 'rules', 'base-rule.kql'), '\n| where true');
    fs.writeFileSync(path.join(root, 'rules', 'new-rule.kql'), 'SigninLogs');
    expect(InputSnapshot.take(root, cache).changedFiles()).toBe(2);
    InputSnapshot.take(root, cache).save();
    fs.rmSync(path.join(root, 'rules', 'new-rule.kql'));
    expect(InputSnapshot.take(root, cache).changedFiles()).toBe(1);
  });

  it('starts workers early for any change, but with Kusto.Language loaded only for many', () => {
    const root = projectWithOverlay();
    const cache = path.join(root, '.sentinel-cac', 'cache');
    const early = (): boolean => {
      const { pool } = startEarlyAnalysis(InputSnapshot.take(root, cache));
      pool?.close();
      return pool !== undefined;
    };
    const global = globalThis as { Kusto?: unknown };
    expect(global.Kusto).toBeUndefined();
    expect(early()).toBe(true); // nothing recorded yet
    InputSnapshot.take(root, cache).save();
    expect(early()).toBe(false);
    fs.appendFileSync(path.join(root, 'rules', 'base-rule.kql'), '\n| where true');
    expect(early()).toBe(true);
    global.Kusto = {}; // as in a process started from the CLI's snapshot
    try {
      expect(early()).toBe(false);
      for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(root, 'rules', `more-${i}.kql`), 'SigninLogs');
      expect(early()).toBe(true);
    } finally {
      delete global.Kusto;
    }
  });
});

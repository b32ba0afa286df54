import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { projectWithOverlay } from '../support/fixture-project';

/**
 * `validate` asks the launcher to re-run it from the Kusto.Language snapshot only when it will
 * analyze something: not when no content file changed since its last run.
 */
describe('validate and the snapshot relaunch', () => {
  const io = { out: () => undefined, err: () => undefined };

  async function validate(root: string, ...extra: string[]): Promise<{ code: number; relaunched: boolean }> {
    let relaunched = false;
    const relaunch = () => {
      relaunched = true;
      return undefined; // as when there is no snapshot: validate then runs here
    };
    const code = await main(['node', 'sentinel-cac', 'validate', '-C', root, ...extra], io, relaunch);
    return { code, relaunched };
  }

  it('relaunches when content changed since the last run, or with --no-cache or --environment; not when nothing changed', async () => {
    const root = projectWithOverlay();
    expect(await validate(root)).toEqual({ code: 0, relaunched: true }); // nothing recorded yet
    expect(await validate(root)).toEqual({ code: 0, relaunched: false });
    fs.appendFileSync(path.join(root, 'rules', 'base-rule.kql'), '\n| where Caller != ""');
    expect(await validate(root)).toEqual({ code: 0, relaunched: true });
    expect(await validate(root)).toEqual({ code: 0, relaunched: false });
    expect((await validate(root, '--no-cache')).relaunched).toBe(true);
  });

  it('exits with the code of the relaunched run and prints nothing itself', async () => {
    const root = projectWithOverlay();
    let printed = '';
    const code = await main(['node', 'sentinel-cac', 'validate', '-C', root], { out: (t) => void (printed += t), err: (t) => void (printed += t) }, () => Promise.resolve(4));
    expect({ code, printed }).toEqual({ code: 4, printed: '' });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildProject } from '../../src/render/build-project';
import { listFiles } from '../support/fixture-project';

const ROOT = path.join(__dirname, '..', '..');

/**
 * dist/ is committed and is the golden output: a rebuild of the shipped content must reproduce it
 * byte for byte. When a change is intended, run `npm run build` and review the diff of dist/.
 */
describe('the committed dist/', () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentinel-cac-golden-'));
  const result = buildProject(ROOT, { outDir });

  it('builds without errors or warnings', () => {
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
  });

  it('holds exactly the files a rebuild produces', () => {
    expect(listFiles(path.join(ROOT, 'dist'))).toEqual(listFiles(outDir));
  });

  it.each(listFiles(path.join(ROOT, 'dist')))('%s is byte-identical to a rebuild', (file) => {
    const committed = fs.readFileSync(path.join(ROOT, 'dist', file));
    const rebuilt = fs.readFileSync(path.join(outDir, file));
    expect(rebuilt.equals(committed) ? 'identical' : rebuilt.toString('utf8')).toBe('identical');
  });
});

import path from 'node:path';
import { buildProject } from '../../src/render/build-project';
import { FIXTURES, projectWithOverlay } from '../support/fixture-project';

describe('a technique outside the rule tactics', () => {
  it('is a warning at the technique, and the build still writes dist/', () => {
    const root = projectWithOverlay(path.join(FIXTURES, 'warning-input', 'technique-tactic-mismatch'));
    const result = buildProject(root, { outDir: 'dist' });
    const found = result.diagnostics.filter((d) => d.code === 'TECHNIQUE_TACTIC_MISMATCH');
    expect(found.map((d) => ({ severity: d.severity, file: d.file, line: d.line, column: d.column }))).toEqual([{ severity: 'warning', file: 'rules/base-rule.ts', line: 10, column: 25 }]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.emitted).toBeDefined();
  });
});

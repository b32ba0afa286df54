import fs from 'node:fs';
import path from 'node:path';
import { buildProject } from '../src/render/build-project';
import { FIXTURES, listFiles, projectWithOverlay } from './support/fixture-project';

interface BadInputCase {
  readonly description: string;
  readonly expect: { readonly code: string; readonly file: string; readonly line: number; readonly column: number };
}

const BAD_INPUT = path.join(FIXTURES, 'bad-input');
const cases = fs.readdirSync(BAD_INPUT).sort();

describe('bad-input fixtures: each yields its diagnostic at its position and no output', () => {
  it('the base project the fixtures modify is itself clean', () => {
    const root = projectWithOverlay();
    const result = buildProject(root, { outDir: 'dist' });
    expect(result.diagnostics).toEqual([]);
    expect(listFiles(path.join(root, 'dist')).length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', (name) => {
    const dir = path.join(BAD_INPUT, name);
    const spec = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as BadInputCase;
    const root = projectWithOverlay(dir);
    const result = buildProject(root, { outDir: 'dist' });
    const matching = result.diagnostics.filter((d) => d.code === spec.expect.code && d.file === spec.expect.file);
    expect(matching.map((d) => ({ code: d.code, file: d.file, line: d.line, column: d.column }))).toContainEqual(spec.expect);
    expect(matching.find((d) => d.line === spec.expect.line)?.severity).toBe('error');
    expect(result.emitted).toBeUndefined();
    expect(listFiles(path.join(root, 'dist'))).toEqual([]);
  });
});

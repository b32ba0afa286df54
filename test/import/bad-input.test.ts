import fs from 'node:fs';
import path from 'node:path';
import { importContent } from '../../src/import/import-content';
import { FIXTURES, projectWithOverlay } from '../support/fixture-project';

interface ExpectedDiagnostic {
  readonly code: string;
  readonly severity: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** A substring of the message. */
  readonly message?: string;
}

interface BadInputCase {
  readonly description: string;
  readonly imported: number;
  readonly expect: readonly ExpectedDiagnostic[];
  /** Project-relative .kql files and their exact text after the import. */
  readonly kql?: Readonly<Record<string, string>>;
}

const BAD_INPUT = path.join(FIXTURES, 'import', 'bad-input');
const cases = fs.readdirSync(BAD_INPUT).sort();

function inputsOf(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f !== 'case.json').sort();
}

describe('import of invalid or partial input: each problem at its file and position, the rest imported', () => {
  it.each(cases)('%s', (name) => {
    const dir = path.join(BAD_INPUT, name);
    const spec = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as BadInputCase;
    const root = projectWithOverlay();
    const result = importContent({ root, inputs: inputsOf(dir), cwd: dir, validate: false });
    for (const expected of spec.expect) {
      const found = result.diagnostics.filter((d) => d.code === expected.code && d.file === expected.file);
      expect(found.map((d) => ({ code: d.code, severity: d.severity, file: d.file, line: d.line, column: d.column }))).toContainEqual({
        code: expected.code,
        severity: expected.severity,
        file: expected.file,
        line: expected.line,
        column: expected.column,
      });
      if (expected.message) expect(found.find((d) => d.line === expected.line)?.message).toContain(expected.message);
    }
    expect(result.definitions).toHaveLength(spec.imported);
    for (const [file, text] of Object.entries(spec.kql ?? {})) expect(fs.readFileSync(path.join(root, file), 'utf8')).toBe(text);
  });

  it('a batch holding every bad input above still imports every good item in it', () => {
    const root = projectWithOverlay();
    const specs = cases.map((name) => JSON.parse(fs.readFileSync(path.join(BAD_INPUT, name, 'case.json'), 'utf8')) as BadInputCase);
    const result = importContent({ root, inputs: ['.'], cwd: BAD_INPUT, validate: false });
    expect(result.definitions).toHaveLength(specs.reduce((n, s) => n + s.imported, 0));
    expect(result.written).toHaveLength(2 * result.definitions.length);
    expect(result.diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThanOrEqual(specs.filter((s) => s.expect.some((e) => e.severity === 'error')).length);
  });

  it('a missing input is an error naming it, and the other inputs are still read', () => {
    const root = projectWithOverlay();
    const result = importContent({ root, inputs: ['no-such-file.yaml', 'unknown-property'], cwd: BAD_INPUT, validate: false });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'IMPORT_INPUT_MISSING', file: 'no-such-file.yaml' }));
    expect(result.definitions).toHaveLength(1);
  });
});

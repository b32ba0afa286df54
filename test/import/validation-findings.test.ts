import path from 'node:path';
import { importContent } from '../../src/import/import-content';
import { FIXTURES, projectWithOverlay } from '../support/fixture-project';

const FINDINGS = path.join(FIXTURES, 'import', 'findings');

describe('imported content goes through validate; findings point at the generated file and at the source', () => {
  const root = projectWithOverlay();
  const result = importContent({ root, inputs: ['.'], cwd: FINDINGS });
  const finding = (code: string, file: string) => result.findings.find((f) => f.code === code && f.file === file);

  it('findings do not stop the import', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.definitions).toHaveLength(2);
    expect(result.findings.length).toBeGreaterThanOrEqual(4);
  });

  it('an unknown column in a YAML query: at its line and column in the .kql, and in the YAML query block', () => {
    expect(finding('KQL_UNKNOWN_NAME', 'rules/third-party-rule-with-defects.kql')).toMatchObject({
      line: 3,
      column: 34,
      source: { file: 'third-party-rule.yaml', line: 21, column: 36 },
    });
  });

  it('an unknown column in an ARM query: in the .kql, and inside the JSON string, escapes counted', () => {
    expect(finding('KQL_UNKNOWN_NAME', 'rules/exported-rule-with-a-misspelled-column.kql')).toMatchObject({
      line: 3,
      column: 26,
      source: { file: 'third-party-export.json', line: 16, column: 103 },
    });
  });

  it('a technique of another tactic: at the technique in the .ts, and at relevantTechniques[0] in the YAML', () => {
    expect(finding('TECHNIQUE_TACTIC_MISMATCH', 'rules/third-party-rule-with-defects.ts')).toMatchObject({
      severity: 'warning',
      line: 11,
      column: 16,
      source: { file: 'third-party-rule.yaml', line: 17, column: 5 },
    });
  });

  it('an entity mapped to a column the query does not return: at the columnName in the .ts and in the YAML', () => {
    expect(finding('RESULT_COLUMN_MISSING', 'rules/third-party-rule-with-defects.ts')).toMatchObject({
      message: expect.stringContaining("'CallerIp'"),
      source: { file: 'third-party-rule.yaml', line: 30, column: 21 },
    });
  });

  it('only findings about the imported files are reported, not those of the rest of the project', () => {
    expect(result.findings.every((f) => result.definitions.some((d) => d.definitionFile === f.file || d.dataFile === f.file))).toBe(true);
  });
});

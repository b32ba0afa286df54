import path from 'node:path';
import { runCli } from '../support/run-cli';
import { FIXTURES, projectWithOverlay } from '../support/fixture-project';

const run = runCli;

const BAD = path.join(FIXTURES, 'bad-input');

describe('sentinel-cac CLI', () => {
  it('validate exits 0 and prints a summary on clean content', async () => {
    const { code, out } = await run('-C', projectWithOverlay(), 'validate');
    expect(code).toBe(0);
    expect(out).toContain('0 errors, 0 warnings in 3 definitions');
  });

  it('validate reports every problem as path:line:col severity CODE message and exits 1', async () => {
    const root = projectWithOverlay(path.join(BAD, 'unknown-column'));
    const { code, out } = await run('-C', root, 'validate');
    expect(code).toBe(1);
    expect(out).toMatch(/^rules\/base-rule\.kql:4:9 error KQL_UNKNOWN_NAME The name 'Callr' does not refer to any known column/m);
  });

  it('validate --format json emits the diagnostics as JSON', async () => {
    const root = projectWithOverlay(path.join(BAD, 'wrong-tactic'));
    const { code, out } = await run('-C', root, 'validate', '--format', 'json');
    expect(code).toBe(1);
    const parsed = JSON.parse(out) as { diagnostics: { code: string; file: string; line: number }[] };
    expect(parsed.diagnostics).toContainEqual(expect.objectContaining({ code: 'ENUM_INVALID', file: 'rules/base-rule.ts', line: 9, column: 13, hint: 'did you mean Persistence?' }));
  });

  it('validate --format sarif emits SARIF 2.1.0 with a region per result', async () => {
    const root = projectWithOverlay(path.join(BAD, 'unknown-column'));
    const { out } = await run('-C', root, 'validate', '--format', 'sarif');
    const sarif = JSON.parse(out);
    expect(sarif.version).toBe('2.1.0');
    const result = sarif.runs[0].results[0];
    expect(result).toMatchObject({ ruleId: 'KQL_UNKNOWN_NAME', level: 'error' });
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'rules/base-rule.kql', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 9 } });
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('KQL_UNKNOWN_NAME');
  });

  it('an unknown format is a usage error (exit 2)', async () => {
    const { code, err } = await run('validate', '--format', 'xml');
    expect(code).toBe(2);
    expect(err).toContain("argument 'xml' is invalid");
  });

  it('a project folder that does not exist is a usage error, not an empty success', async () => {
    const { code, err } = await run('-C', '/no/such/project', 'validate');
    expect(code).toBe(2);
    expect(err).toContain('project folder /no/such/project does not exist');
  });

  it('an unknown command is a usage error (exit 2)', async () => {
    expect((await run('deploy-everything')).code).toBe(2);
  });

  it('--help and --version exit 0', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('validate');
    expect(help.out).toContain('build');
    const version = await run('--version');
    expect(version.code).toBe(0);
    expect(version.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('build with errors exits 1, names the problem and writes nothing', async () => {
    const root = projectWithOverlay(path.join(BAD, 'entity-column-missing'));
    const { code, err } = await run('-C', root, 'build');
    expect(code).toBe(1);
    expect(err).toContain('RESULT_COLUMN_MISSING');
    expect(err).toContain('nothing was written to dist/');
  });
});

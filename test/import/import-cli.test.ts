import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../support/run-cli';
import { FIXTURES, projectWithOverlay } from '../support/fixture-project';

const run = runCli;

const IMPORT = path.join(FIXTURES, 'import');

describe('sentinel-cac import', () => {
  it('imports, prints a summary and the validation findings with their source, and exits 0', async () => {
    const root = projectWithOverlay();
    const { code, out } = await run('-C', root, 'import', path.join(IMPORT, 'findings'));
    expect(code).toBe(0);
    expect(out).toContain('imported 2 analytics rules, 0 hunting queries, 0 watchlists from 2 files (4 files written)');
    expect(out).toMatch(/^rules\/third-party-rule-with-defects\.kql:3:34 error KQL_UNKNOWN_NAME .*\n {2}from: .*third-party-rule\.yaml:21:36$/m);
    expect(fs.existsSync(path.join(root, 'rules', 'third-party-rule-with-defects.ts'))).toBe(true);
  });

  it('exits 1 when an input could not be imported, and still writes the rest', async () => {
    const root = projectWithOverlay();
    const { code, out } = await run('-C', root, 'import', path.join(IMPORT, 'bad-input', 'arm-expression'), '--no-validate');
    expect(code).toBe(1);
    expect(out).toMatch(/export\.json:17:27 error IMPORT_ARM_EXPRESSION resources\[0\]\.properties\.queryFrequency/);
    expect(out).toContain('imported 1 analytics rules');
    expect(out).toContain('1 not imported');
  });

  it('--format json lists what was imported and every diagnostic', async () => {
    const root = projectWithOverlay();
    const { out } = await run('-C', root, 'import', path.join(IMPORT, 'bad-input', 'unsupported-kinds'), '--no-validate', '--format', 'json');
    const report = JSON.parse(out) as { imported: { kind: string; file: string }[]; diagnostics: { code: string }[] };
    expect(report.imported).toEqual([expect.objectContaining({ kind: 'AnalyticsRule', file: 'rules/scheduled-rule-in-the-same-export.ts' })]);
    expect(report.diagnostics.filter((d) => d.code === 'IMPORT_UNSUPPORTED_KIND')).toHaveLength(2);
  });

  it('--into outside the project is a usage error (exit 2)', async () => {
    const root = projectWithOverlay();
    const { code } = await run('-C', root, 'import', path.join(IMPORT, 'findings'), '--into', '../x');
    expect(code).toBe(2);
  });

  it('without paths it is a usage error (exit 2)', async () => {
    expect((await run('import')).code).toBe(2);
  });
});

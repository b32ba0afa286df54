import fs from 'node:fs';
import path from 'node:path';
import { buildSolutionCatalog, SOLUTIONS_JSON_PATH, SOLUTION_NAMES_PATH } from '../../src/catalog/generate/build-solution-catalog';
import { repoRoot, resolveReferenceDir } from '../../src/catalog/generate/reference-dir';
import { parseSolutionCatalog, providerOf } from '../../src/catalog/solution-catalog';

const build = buildSolutionCatalog(resolveReferenceDir(repoRoot()));

describe('solution catalog', () => {
  test('the committed files are what the generator writes (run `npm run gen:solutions`)', () => {
    for (const file of [SOLUTIONS_JSON_PATH, SOLUTION_NAMES_PATH]) {
      expect(fs.readFileSync(path.join(repoRoot(), file), 'utf8')).toBe(build.files.get(file));
    }
  });

  test('maps parsers and their custom tables to the solutions that install them', () => {
    expect(build.solutions.get('PingFederate')?.parsers).toContain('PingFederateEvent');
    expect(build.solutions.get('SlackAudit')?.tables).toEqual(expect.arrayContaining(['SlackAudit_CL', 'SlackAuditV2_CL']));
    expect(providerOf('afad_parser')).toEqual({ kind: 'parser', solutions: ['Tenable App', 'TenableAD'], legacyParser: false });
    expect(providerOf('GitHubAudit')).toEqual({ kind: 'parser', solutions: [], legacyParser: true });
    expect(providerOf('SenservaPro_CL')).toEqual({ kind: 'table', solutions: [], legacyParser: false });
    expect(providerOf('SigninLogs')).toBeUndefined();
  });

  test('rows whose parser name is a title, not a KQL name, are reported rather than bound', () => {
    expect(build.skipped.map((s) => s.name)).toContain('McAfee Common Security Log Parser');
    expect(providerOf('McAfee Common Security Log Parser')).toBeUndefined();
  });

  test('a malformed solutions.json names the file and the fix', () => {
    expect(() => parseSolutionCatalog('{"solutions": {}}', 'x.json')).toThrow(/x\.json: expected "solutions", "legacyParsers" and "customTables"\. Regenerate it with `npm run gen:solutions`/);
    expect(() => parseSolutionCatalog('nope', 'x.json')).toThrow(/not valid JSON/);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildProject, type BuildResult } from '../../src/render/build-project';
import { listFiles } from '../support/fixture-project';
import { brokenRelativeTargets, fences, headings, parseMarkdown, tables, targets } from './markdown-tokens';

const ROOT = path.join(__dirname, '..', '..');

/** The shipped content's catalog, built into a temp dir and read back as a GitHub reader would. */
describe('the rule catalog of the shipped content', () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentinel-cac-docs-'));
  let result: BuildResult;
  let pages: string[];
  beforeAll(() => {
    result = buildProject(ROOT, { outDir });
    pages = listFiles(path.join(outDir, 'docs')).filter((f) => f.endsWith('.md') && f !== 'README.md');
  });
  const read = (file: string) => fs.readFileSync(path.join(outDir, 'docs', file), 'utf8');
  const definitions = () => [...result.validated.project.rules, ...result.validated.project.huntingQueries];

  it('has one page per analytics rule and hunting query', () => {
    expect(pages.filter((p) => p.startsWith('analytics-rules/'))).toHaveLength(result.validated.project.rules.length);
    expect(pages.filter((p) => p.startsWith('hunting-queries/'))).toHaveLength(result.validated.project.huntingQueries.length);
  });

  it('titles each page with the definition name and gives it the expected sections', () => {
    for (const definition of definitions()) {
      const page = pages.find((p) => headings(parseMarkdown(read(p)), 'h1')[0] === definition.props.name);
      expect(page).toBeDefined();
      const sections = headings(parseMarkdown(read(page!)), 'h2');
      const common = ['ATT&CK', 'Query', 'Entities', 'Data', 'Watchlists', 'Test cases', 'Files'];
      expect(sections).toEqual(expect.arrayContaining(definition.kind === 'AnalyticsRule' ? [...common, 'Schedule', 'Custom details'] : common));
      if (definition.kind === 'HuntingQuery') expect(sections).not.toContain('Schedule');
    }
  });

  it('shows the deployed KQL in a kusto fence, exactly', () => {
    for (const definition of definitions()) {
      const page = pages.find((p) => headings(parseMarkdown(read(p)), 'h1')[0] === definition.props.name)!;
      expect(fences(parseMarkdown(read(page)))).toEqual([{ info: 'kusto', content: `${definition.query!.text.replace(/\s+$/, '')}\n` }]);
    }
  });

  it('writes every table row with as many cells as its header', () => {
    for (const file of [...pages, 'README.md']) {
      for (const table of tables(read(file))) {
        const width = table[0].sourceCells;
        expect(table.map((row) => row.sourceCells)).toEqual(table.map(() => width));
        expect(table.map((row) => row.cells.length)).toEqual(table.map(() => width));
      }
    }
  });

  it('links only to pages and files that exist', () => {
    for (const file of [...pages, 'README.md']) {
      expect(brokenRelativeTargets(parseMarkdown(read(file)), path.join(outDir, 'docs', file))).toEqual([]);
    }
  });

  it('groups the index by tactic, listing each definition under each of its tactics', () => {
    const tokens = parseMarkdown(read('README.md'));
    expect(headings(tokens, 'h2')).toEqual(['Initial Access', 'Persistence', 'Privilege Escalation', 'Defense Evasion', 'Lateral Movement']);
    const linkedPages = targets(tokens).filter((t) => t.endsWith('.md'));
    const expected = definitions().reduce((n, d) => n + d.props.tactics.length, 0);
    expect(linkedPages).toHaveLength(expected);
    expect(new Set(linkedPages)).toEqual(new Set(pages));
    expect(targets(tokens)).toEqual(expect.arrayContaining(['attack-coverage.svg', 'attack-navigator-layer.json']));
  });

  it('lists the tables the query reads with the connector that provides each', () => {
    const rule = result.validated.project.rules[0];
    const page = pages.find((p) => p.startsWith('analytics-rules/'))!;
    const [tablesRead] = tables(read(page)).filter((t) => t[0].cells.join() === 'Table,Data connector');
    expect(tablesRead.slice(1).map((r) => r.cells[0])).toEqual(result.validated.analyses.get(rule)!.tables);
    expect(tablesRead.slice(1).find((r) => r.cells[0] === 'IdentityInfo')!.cells[1]).toBe('BehaviorAnalytics');
  });

  it('lists the test cases of each definition that has a .cases.ts file, one row per case', () => {
    const page = pages.find((p) => p.startsWith('analytics-rules/'))!;
    const [caseTable] = tables(read(page)).filter((t) => t[0].cells[0] === 'Case');
    expect(caseTable.length - 1).toBeGreaterThan(0);
    expect(caseTable.slice(1).every((row) => /^\d+ alerts?/.test(row.cells[2]))).toBe(true);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, resolveReferenceDir } from '../../src/catalog/generate/reference-dir';
import { importContent } from '../../src/import/import-content';
import { listFiles, projectWithOverlay } from '../support/fixture-project';

const EXAMPLES = path.join(resolveReferenceDir(repoRoot()), 'examples');
const RULE = 'Detections__AzureActivity__AzDiagSettingsDeleted.yaml';
const RULE_FILE = 'rules/azure-diagnostic-settings-removed-from-a-resource.ts';

function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(listFiles(root).map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
}

describe('import never overwrites a definition unless --force', () => {
  it('importing the same content again writes nothing and names each definition that already exists', () => {
    const root = projectWithOverlay();
    const first = importContent({ root, inputs: ['.'], cwd: EXAMPLES, validate: false });
    const before = snapshot(root);
    const second = importContent({ root, inputs: ['.'], cwd: EXAMPLES, validate: false });
    expect(second.written).toEqual([]);
    expect(second.diagnostics.filter((d) => d.code === 'IMPORT_EXISTS')).toHaveLength(first.definitions.length);
    expect(second.diagnostics).toContainEqual(expect.objectContaining({ code: 'IMPORT_EXISTS', file: RULE, line: 1, column: 5, message: expect.stringContaining(`already defined in ${RULE_FILE}`) }));
    expect(snapshot(root)).toEqual(before);
  });

  it('an id the project already defines by hand is not imported', () => {
    const root = projectWithOverlay();
    const source = fs.readFileSync(path.join(EXAMPLES, RULE), 'utf8').replace('6e95aef3-a1e0-4063-8e74-cd59aa59f245', '11111111-1111-4111-8111-111111111111');
    const dir = fs.mkdtempSync(path.join(root, 'incoming-'));
    fs.writeFileSync(path.join(dir, 'rule.yaml'), source);
    const result = importContent({ root, inputs: ['rule.yaml'], cwd: dir, validate: false });
    expect(result.written).toEqual([]);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'IMPORT_EXISTS', message: expect.stringContaining('already defined in rules/base-rule.ts') }));
  });

  it('--force replaces the definition in place, even where the user moved and renamed it', () => {
    const root = projectWithOverlay();
    importContent({ root, inputs: [RULE], cwd: EXAMPLES, validate: false });
    const original = fs.readFileSync(path.join(root, RULE_FILE), 'utf8');
    fs.mkdirSync(path.join(root, 'rules', 'azure'));
    fs.renameSync(path.join(root, RULE_FILE), path.join(root, 'rules/azure/diag-settings.ts'));
    fs.writeFileSync(path.join(root, 'rules/azure/diag-settings.ts'), original.replace(/version: '1\.0\.2'/, "version: '9.9.9'"));
    const result = importContent({ root, inputs: [RULE], cwd: EXAMPLES, force: true, validate: false });
    expect(result.definitions.map((d) => [d.definitionFile, d.replaces])).toEqual([['rules/azure/diag-settings.ts', 'rules/azure/diag-settings.ts']]);
    const replaced = fs.readFileSync(path.join(root, 'rules/azure/diag-settings.ts'), 'utf8');
    expect(replaced).toContain("version: '1.0.2'");
    expect(replaced).toContain("kqlFile('./diag-settings.kql')");
    expect(fs.existsSync(path.join(root, RULE_FILE))).toBe(false);
  });

  it('a file name taken by another definition gets the id appended; the other file is untouched', () => {
    const root = projectWithOverlay();
    const handWritten = fs.readFileSync(path.join(root, 'rules/base-rule.ts'), 'utf8').replace("name: 'Base rule'", "name: 'Hand-written'");
    fs.writeFileSync(path.join(root, RULE_FILE), handWritten);
    const result = importContent({ root, inputs: [RULE], cwd: EXAMPLES, force: true, validate: false });
    expect(result.definitions.map((d) => d.definitionFile)).toEqual(['rules/azure-diagnostic-settings-removed-from-a-resource-6e95aef3.ts']);
    expect(fs.readFileSync(path.join(root, RULE_FILE), 'utf8')).toBe(handWritten);
  });

  it('--dry-run plans the same definitions and writes nothing', () => {
    const root = projectWithOverlay();
    const before = snapshot(root);
    const result = importContent({ root, inputs: ['.'], cwd: EXAMPLES, dryRun: true });
    expect(result.definitions.length).toBeGreaterThan(0);
    expect(result.written).toEqual([]);
    expect(snapshot(root)).toEqual(before);
  });

  it('--into writes under rules/<folder>/ and rules/<folder>/hunting/, and refuses a path outside the project', () => {
    const root = projectWithOverlay();
    const result = importContent({ root, inputs: [RULE, 'HuntingQueries__AzureActivity__Azure-CloudShell-Usage.yaml'], cwd: EXAMPLES, into: 'imported', validate: false });
    expect(result.definitions.map((d) => d.definitionFile)).toEqual(['rules/imported/azure-diagnostic-settings-removed-from-a-resource.ts', 'rules/imported/hunting/azure-cloudshell-usage.ts']);
    const outside = importContent({ root, inputs: [RULE], cwd: EXAMPLES, into: '../elsewhere', validate: false });
    expect(outside.diagnostics).toEqual([expect.objectContaining({ code: 'IMPORT_BAD_OPTION' })]);
    expect(outside.written).toEqual([]);
  });
});

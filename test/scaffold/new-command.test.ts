import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { runCli } from '../support/run-cli';
import { validateProject } from '../../src/check/validate-project';
import { scaffoldNames } from '../../src/scaffold/scaffold-names';
import { projectWithOverlay } from '../support/fixture-project';

const REPO = path.join(__dirname, '..', '..');
const GUID = /id: '([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})'/;

const run = (root: string, ...args: string[]) => runCli('-C', root, ...args);

describe('sentinel-cac new', () => {
  const root = projectWithOverlay();
  let created: { code: number; out: string }[];
  beforeAll(async () => {
    created = [await run(root, 'new', 'rule', 'unusual-role-grant'), await run(root, 'new', 'hunting', 'role-grants-by-caller'), await run(root, 'new', 'watchlist', 'approved-admins')];
  });

  it('writes a definition, its .kql and a test-case file for rules and hunting queries, and a definition and CSV for watchlists', () => {
    expect(created.map((c) => c.code)).toEqual([0, 0, 0]);
    for (const file of [
      'rules/unusual-role-grant.ts', 'rules/unusual-role-grant.kql', 'rules/unusual-role-grant.cases.ts',
      'rules/hunting/role-grants-by-caller.ts', 'rules/hunting/role-grants-by-caller.kql', 'rules/hunting/role-grants-by-caller.cases.ts',
      'watchlists/approved-admins.ts', 'watchlists/approved-admins.csv',
    ]) expect(fs.existsSync(path.join(root, file))).toBe(true);
    expect(created[0].out).toContain('created rules/unusual-role-grant.cases.ts');
  });

  it('writes a workspace function (definition and body) that validates and that a rule can call', async () => {
    const other = projectWithOverlay();
    const result = await run(other, 'new', 'function', 'recent-role-writes');
    expect(result.code).toBe(0);
    expect(result.out).toContain('created functions/recent-role-writes.kql');
    fs.writeFileSync(path.join(other, 'rules/base-rule.kql'), 'RecentRoleWrites(2h)\n| extend CallerObjectId = Caller, AlertSeverity = "Medium"\n');
    const { diagnostics, project } = validateProject(other);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(project.functions.map((f) => f.props.name)).toEqual(['RecentRoleWrites']);
    expect((await run(other, 'new', 'function', 'x', '--dir', 'rules')).code).toBe(2);
  });

  it('gives each definition a fresh GUID', async () => {
    const other = projectWithOverlay();
    await run(other, 'new', 'rule', 'unusual-role-grant');
    const first = GUID.exec(fs.readFileSync(path.join(root, 'rules/unusual-role-grant.ts'), 'utf8'))![1];
    const second = GUID.exec(fs.readFileSync(path.join(other, 'rules/unusual-role-grant.ts'), 'utf8'))![1];
    expect(first).not.toBe(second);
  });

  it('passes validate as written: the KQL binds against the table catalog and every setting is valid', () => {
    const { diagnostics, project } = validateProject(root);
    expect(diagnostics).toEqual([]);
    expect(project.rules.map((r) => r.props.name)).toContain('Unusual role grant');
    expect(project.huntingQueries.map((q) => q.props.name)).toEqual(['Role grants by caller']);
    expect(project.watchlists.map((w) => w.props.alias)).toContain('ApprovedAdmins');
  });

  it('writes TypeScript that type-checks against the authoring API', () => {
    const files = ['rules/unusual-role-grant.ts', 'rules/unusual-role-grant.cases.ts', 'rules/hunting/role-grants-by-caller.cases.ts', 'watchlists/approved-admins.ts'].map((f) => path.join(root, f));
    const program = ts.createProgram(files, {
      strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true, resolveJsonModule: true, skipLibCheck: true, types: ['node'], typeRoots: [path.join(REPO, 'node_modules', '@types')],
      baseUrl: REPO, paths: { 'sentinel-cac': [path.join(REPO, 'src', 'index.ts')] },
    });
    const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.file && files.includes(path.resolve(d.file.fileName)));
    expect(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });

  it('writes test cases that fail until they are filled in', async () => {
    const { code, out } = await run(root, 'test');
    expect(code).toBe(1);
    expect(out).toMatch(/FAIL the attack raises one alert\s+expected 1 alert, got 0/);
    expect(out).toMatch(/FAIL the hunt finds the activity it is written for\s+expected 1 rows?, got 0/);
  });

  it('refuses to overwrite existing files and writes nothing', async () => {
    const before = fs.readFileSync(path.join(root, 'rules/unusual-role-grant.ts'), 'utf8');
    fs.rmSync(path.join(root, 'rules/unusual-role-grant.cases.ts'));
    const { code, err } = await run(root, 'new', 'rule', 'unusual-role-grant');
    expect(code).toBe(2);
    expect(err).toContain('rules/unusual-role-grant.ts, rules/unusual-role-grant.kql already exist; choose another name (nothing was written)');
    expect(fs.readFileSync(path.join(root, 'rules/unusual-role-grant.ts'), 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(root, 'rules/unusual-role-grant.cases.ts'))).toBe(false);
  });

  it('refuses a name that is not kebab-case, suggesting one', async () => {
    const { code, err } = await run(projectWithOverlay(), 'new', 'rule', 'UnusualRole_Grant');
    expect(code).toBe(2);
    expect(err).toContain('must be kebab-case');
    expect(err).toContain('e.g. unusual-role-grant');
    for (const name of ['1-rule', 'rule--x', 'rule-', 'Rule']) expect(() => scaffoldNames(name)).toThrow('must be kebab-case');
  });

  it('refuses a --dir outside the content folders and an unknown kind', async () => {
    expect((await run(projectWithOverlay(), 'new', 'rule', 'x-rule', '--dir', 'src')).code).toBe(2);
    expect((await run(projectWithOverlay(), 'new', 'playbook', 'x-rule')).code).toBe(2);
  });

  it('puts the files in the folder --dir names', async () => {
    const other = projectWithOverlay();
    expect((await run(other, 'new', 'rule', 'fic-rule', '--dir', 'rules/federated-credentials')).code).toBe(0);
    expect(fs.existsSync(path.join(other, 'rules/federated-credentials/fic-rule.ts'))).toBe(true);
  });
});

describe('scaffold names', () => {
  it('derives the display name, export name and watchlist alias from the kebab-case name', () => {
    expect(scaffoldNames('unusual-role-grant-2')).toEqual({ fileName: 'unusual-role-grant-2', title: 'Unusual role grant 2', exportName: 'unusualRoleGrant2', alias: 'UnusualRoleGrant2' });
  });
});

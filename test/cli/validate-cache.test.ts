import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES, projectWithOverlay } from '../support/fixture-project';

/**
 * `validate` with its caches (.sentinel-cac/cache: definitions, query analyses) must report exactly
 * what it reports without them, cold or warm, and see every change. The CLI runs in a child process:
 * the definition cache needs Node's own module loader, which jest replaces.
 */
const REPO = path.join(__dirname, '..', '..');
const BIN = path.join(REPO, 'bin', 'sentinel-cac.cjs');
jest.setTimeout(180_000);

function validate(root: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): { code: number | null; json: unknown } {
  const run = spawnSync(process.execPath, [BIN, 'validate', '-C', root, '--format', 'json', ...extra], { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`validate exited ${run.status}: ${run.stderr}`);
  return { code: run.status, json: JSON.parse(run.stdout) };
}

const cacheDir = (root: string): string => path.join(root, '.sentinel-cac', 'cache');

function expectSameWithAndWithoutCache(root: string): unknown {
  const reference = validate(root, ['--no-cache']);
  expect(fs.existsSync(cacheDir(root))).toBe(false);
  const cold = validate(root);
  expect(fs.existsSync(path.join(cacheDir(root), 'definitions.json'))).toBe(true);
  const warm = validate(root);
  expect(cold).toEqual(reference);
  expect(warm).toEqual(reference);
  return reference.json;
}

function shippedProjectCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-cache-shipped-'));
  for (const entry of ['rules', 'watchlists', 'tables', 'functions', 'sentinel-cac.lock.json', 'sentinel-cac.environments.yaml']) {
    if (fs.existsSync(path.join(REPO, entry))) fs.cpSync(path.join(REPO, entry), path.join(dir, entry), { recursive: true });
  }
  return dir;
}

/** The base fixture with an entity column the query lacks, a file that does not compile, and a helper module. */
function projectWithErrors(): string {
  const root = projectWithOverlay(path.join(FIXTURES, 'bad-input', 'entity-column-missing'));
  fs.copyFileSync(path.join(FIXTURES, 'bad-input', 'definition-syntax-error', 'rules', 'base-rule.ts'), path.join(root, 'rules', 'broken-rule.ts'));
  fs.writeFileSync(path.join(root, 'rules', 'shared.ts'), "export const SEVERITY = 'Medium';\n");
  fs.writeFileSync(
    path.join(root, 'rules', 'helper-rule.ts'),
    `import { defineAnalyticsRule, kql } from 'sentinel-cac';
import { SEVERITY } from './shared';

export const helperRule = defineAnalyticsRule({
  id: '22222222-2222-4222-8222-222222222222',
  version: '1.0.0',
  name: 'Helper rule',
  description: 'Takes its severity from a helper module.',
  severity: SEVERITY,
  tactics: ['Persistence'],
  techniques: ['T1098'],
  query: kql\`AzureActivity | project TimeGenerated, Caller\`,
  queryFrequency: '1h',
  queryPeriod: '1h',
  entityMappings: [{ entityType: 'Account', fieldMappings: [{ identifier: 'FullName', columnName: 'Caller' }] }],
});
`,
  );
  return root;
}

const codes = (json: unknown): string[] => (json as { diagnostics: { code: string; file: string }[] }).diagnostics.map((d) => `${d.code} ${d.file}`);

describe('validate with its caches', () => {
  it('reports the shipped project exactly as without them', () => {
    expectSameWithAndWithoutCache(shippedProjectCopy());
  });

  it('reports a project with errors exactly as without them', () => {
    const json = expectSameWithAndWithoutCache(projectWithErrors());
    expect(codes(json)).toEqual(expect.arrayContaining(['RESULT_COLUMN_MISSING rules/base-rule.ts', expect.stringMatching(/^DEFINITION_LOAD_ERROR /)]));
  });

  it('sees a changed query, a changed helper module and a corrupt cache', () => {
    const root = projectWithErrors();
    expect(codes(validate(root).json)).toContain('RESULT_COLUMN_MISSING rules/base-rule.ts');
    // A .kql edit: the query now returns the missing entity column.
    const kql = path.join(root, 'rules', 'base-rule.kql');
    fs.appendFileSync(kql, '\n| extend CallerId = CallerObjectId');
    expect(validate(root)).toEqual(validate(root, ['--no-cache']));
    expect(codes(validate(root).json)).not.toContain('RESULT_COLUMN_MISSING rules/base-rule.ts');
    // A helper module a definition imports: its new value must be seen, not the cached one.
    fs.writeFileSync(path.join(root, 'rules', 'shared.ts'), "export const SEVERITY = 'Severe';\n");
    const changed = validate(root);
    expect(changed).toEqual(validate(root, ['--no-cache']));
    expect(codes(changed.json)).toContain('ENUM_INVALID rules/helper-rule.ts');
    // Garbage in the cache files is ignored.
    fs.writeFileSync(path.join(cacheDir(root), 'definitions.json'), '{"format":1,"files":{"x":');
    for (const file of fs.readdirSync(path.join(cacheDir(root), 'analysis'), { recursive: true }) as string[]) {
      const full = path.join(cacheDir(root), 'analysis', file);
      if (fs.statSync(full).isFile()) fs.writeFileSync(full, 'not json');
    }
    expect(validate(root)).toEqual(changed);
  });

  it('never reuses a definition that reads the environment', () => {
    const root = projectWithErrors();
    const file = path.join(root, 'rules', 'helper-rule.ts');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('severity: SEVERITY,', "severity: process.env.CAC_TEST_SEVERITY === 'bad' ? ('Bad' as 'High') : SEVERITY,"));
    expect(codes(validate(root, [], { CAC_TEST_SEVERITY: 'ok' }).json)).not.toContain('ENUM_INVALID rules/helper-rule.ts');
    expect(codes(validate(root, [], { CAC_TEST_SEVERITY: 'bad' }).json)).toContain('ENUM_INVALID rules/helper-rule.ts');
  });

  it('does not load Kusto.Language when every query is cached', () => {
    const root = projectWithErrors();
    validate(root);
    const script = `const { validateProject } = require(${JSON.stringify(path.join(REPO, 'src', 'check', 'validate-project.ts'))});
      const root = ${JSON.stringify(root)};
      const { diagnostics } = validateProject(root, { cacheDir: ${JSON.stringify(cacheDir(root))} });
      console.log(JSON.stringify({ diagnostics: diagnostics.length, kusto: typeof globalThis.Kusto }));`;
    const run = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: REPO, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ diagnostics: expect.any(Number), kusto: 'undefined' });
  });
});

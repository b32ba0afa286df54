import path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');

/** Type-checks a snippet that imports the public API, the way an author's editor or `tsc` would. */
function typeErrors(body: string): string[] {
  const file = path.join(ROOT, 'rules', '__type-probe__.ts');
  const source = `import { defineAnalyticsRule, defineWatchlist, kqlFile } from 'sentinel-cac';\n${body}\n`;
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, baseUrl: ROOT, paths: { 'sentinel-cac': ['src/index.ts'] }, types: [], skipLibCheck: true, resolveJsonModule: true, esModuleInterop: true };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === file ? source : readFile(name));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}

const DEFAULTS: Record<string, string> = {
  id: "'11111111-1111-4111-8111-111111111111'",
  version: "'1.0.0'",
  name: "'n'",
  description: "'d'",
  severity: "'Medium'",
  tactics: "['Persistence']",
  query: "kqlFile('./x.kql')",
  queryFrequency: "'1h'",
  queryPeriod: "'1h'",
};

/** A rule definition with one property replaced or added, e.g. rule('severity', "'Critical'"). */
const rule = (key?: string, value?: string): string => {
  const props = { ...DEFAULTS, ...(key ? { [key]: value! } : {}) };
  return `export const r = defineAnalyticsRule({ ${Object.entries(props).map(([k, v]) => `${k}: ${v}`).join(', ')} });`;
};

describe('the authoring types reject wrong enums at compile time', () => {
  it('accepts a valid rule', () => {
    expect(typeErrors(rule('entityMappings', "[{ entityType: 'IP', fieldMappings: [{ identifier: 'Address', columnName: 'Ip' }] }]"))).toEqual([]);
  });

  it.each([
    ['severity', 'severity', "'Critical'", /'"Critical"' is not assignable/],
    ['tactic', 'tactics', "['Persistance']", /'"Persistance"' is not assignable/],
    ['entity type', 'entityMappings', "[{ entityType: 'User', fieldMappings: [] }]", /'"User"' is not assignable/],
    ['entity identifier', 'entityMappings', "[{ entityType: 'IP', fieldMappings: [{ identifier: 'AadUserId', columnName: 'c' }] }]", /'"AadUserId"' is not assignable/],
    ['trigger operator', 'trigger', "{ operator: 'GreaterOrEqual', threshold: 1 }", /'"GreaterOrEqual"' is not assignable/],
    ['duration', 'suppression', "{ enabled: true, duration: '5 hours' }", /'"5 hours"' is not assignable/],
  ])('a wrong %s', (_what, key, value, message) => {
    expect(typeErrors(rule(key, value)).join('\n')).toMatch(message);
  });

  it('a watchlist search key must be one of its columns', () => {
    const errors = typeErrors(`export const w = defineWatchlist({ alias: 'abc', displayName: 'a', description: 'd', columns: { Key: 'string' }, searchKey: 'Other', rows: './a.csv' });`);
    expect(errors.join('\n')).toMatch(/'"Other"' is not assignable/);
  });
});

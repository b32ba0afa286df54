import fs from 'node:fs';
import path from 'node:path';
import { validateProject } from '../../src/check/validate-project';
import { projectWithFiles } from '../support/fixture-project';

const project = projectWithFiles;

const RULE_QUERY = 'rules/base-rule.kql';
const baseQuery = (root: string): string => fs.readFileSync(path.join(root, RULE_QUERY), 'utf8');
const errors = (root: string): string[] => validateProject(root).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);

const FUNCTIONS = `import { defineFunction, kql } from 'sentinel-cac';

export const ficWrites = defineFunction({
  name: 'FicWrites',
  parameters: { lookback: { type: 'timespan', default: '1d' } },
  query: kql\`AzureActivity
| where TimeGenerated > ago(lookback)
| project TimeGenerated, Caller, WriterIp = CallerIpAddress\`,
});

export const hrFeed = defineFunction({
  name: 'HrFeed',
  columns: { TimeGenerated: 'datetime', Upn: 'string', Department: 'string' },
});
`;

describe('workspace catalog and workspace functions', () => {
  it('a solution parser binds once its solution is declared, with any column it outputs', () => {
    const root = project({});
    fs.writeFileSync(path.join(root, RULE_QUERY), baseQuery(root).replace('AzureActivity\n', 'PingFederateEvent\n| extend Claims_d = dynamic({})\n'));
    expect(errors(root).join('\n')).toMatch(/KQL_UNKNOWN_FUNCTION 'PingFederateEvent' is a parser function of solution 'PingFederate'/);
    fs.writeFileSync(path.join(root, 'tables/workspace.ts'), "import { defineWorkspaceCatalog } from 'sentinel-cac';\nexport const workspace = defineWorkspaceCatalog({ solutions: ['PingFederate'] });\n");
    expect(errors(root)).toEqual([]);
  });

  it("a custom table listed by name binds with the standard columns and any other; a wrong type on TimeGenerated is still caught", () => {
    const root = project({ 'tables/workspace.ts': "import { defineWorkspaceCatalog } from 'sentinel-cac';\nexport const workspace = defineWorkspaceCatalog({ customTables: ['Partner_CL'] });\n" });
    fs.writeFileSync(path.join(root, RULE_QUERY), baseQuery(root).replace('AzureActivity\n', 'Partner_CL\n| where TimeGenerated > ago(1d)\n'));
    expect(errors(root)).toEqual([]);
    fs.writeFileSync(path.join(root, RULE_QUERY), baseQuery(root).replace('ago(1d)', '5'));
    expect(errors(root).join('\n')).toMatch(/rules\/base-rule\.kql:3:\d+ KQL_SEMANTIC .*datetime and long/);
  });

  it('a function declared by its body returns the columns Kusto.Language infers; one declared by columns returns those', () => {
    const root = project({ 'functions/shared.ts': FUNCTIONS });
    fs.writeFileSync(
      path.join(root, 'rules/base-rule.kql'),
      'FicWrites(2d)\n| join kind=leftouter (HrFeed | project Caller = Upn, Department) on Caller\n| extend AlertSeverity = "Medium", CallerObjectId = Caller, OperationNameValue = "x"\n| project TimeGenerated, Caller, CallerObjectId, OperationNameValue, AlertSeverity, WriterIp, Department\n',
    );
    expect(errors(root)).toEqual([]);
    fs.writeFileSync(path.join(root, 'rules/base-rule.kql'), 'FicWrites\n| project TimeGenerated, Caller = WriterIpp\n');
    expect(errors(root).join('\n')).toMatch(/rules\/base-rule\.kql:2:35 KQL_UNKNOWN_NAME The name 'WriterIpp'/);
  });

  it('reports a function with neither body nor columns, a bad parameter type, and a second catalog', () => {
    const root = project({
      'functions/bad.ts': "import { defineFunction } from 'sentinel-cac';\nexport const bad = defineFunction({ name: 'Bad', parameters: { x: 'strin' as 'string' } });\n",
      'tables/workspace.ts': "import { defineWorkspaceCatalog } from 'sentinel-cac';\nexport const a = defineWorkspaceCatalog({ solutions: ['PingFederate'] });\nexport const b = defineWorkspaceCatalog({ parsers: ['GitHubAudit'] });\n",
    });
    const found = errors(root).join('\n');
    expect(found).toMatch(/functions\/bad\.ts:2:\d+ DEFINITION_INVALID a function is declared by its body/);
    expect(found).toMatch(/functions\/bad\.ts:2:\d+ ENUM_INVALID .*"strin"/);
    expect(found).toMatch(/tables\/workspace\.ts:3:\d+ DEFINITION_INVALID a project has one workspace catalog/);
  });

  it('a second function of the same name is reported where it is declared, naming the first', () => {
    const root = project({ 'functions/shared.ts': FUNCTIONS, 'functions/again.ts': "import { defineFunction } from 'sentinel-cac';\nexport const again = defineFunction({ name: 'HrFeed', columns: { TimeGenerated: 'datetime' } });\n" });
    expect(errors(root).join('\n')).toMatch(/functions\/shared\.ts:12:\d+ DUPLICATE_FUNCTION workspace function name "HrFeed" is already used by again in functions\/again\.ts:2/);
  });

  it("an open result (a parser known by name only) may hold the alert's columns; a closed one must", () => {
    const root = project({ 'tables/workspace.ts': "import { defineWorkspaceCatalog } from 'sentinel-cac';\nexport const workspace = defineWorkspaceCatalog({ solutions: ['PingFederate'] });\n" });
    fs.writeFileSync(path.join(root, RULE_QUERY), 'PingFederateEvent\n| where EventType == "x"\n');
    expect(errors(root)).toEqual([]);
    fs.writeFileSync(path.join(root, RULE_QUERY), 'PingFederateEvent\n| project TimeGenerated, Caller, AlertSeverity = "Medium", OperationNameValue\n');
    expect(errors(root).join('\n')).toMatch(/RESULT_COLUMN_MISSING Account\.AadUserId names column 'CallerObjectId'/);
  });

  it('an entity mapped from a dynamic column is a warning (Sentinel maps its JSON text), not an error', () => {
    const root = project({});
    fs.writeFileSync(path.join(root, RULE_QUERY), baseQuery(root).replace('CallerObjectId = tostring(Claims_d.oid)', 'CallerObjectId = Claims_d.oid'));
    const diagnostics = validateProject(root).diagnostics.filter((d) => d.code === 'RESULT_COLUMN_TYPE');
    expect(diagnostics.map((d) => [d.severity, d.message])).toEqual([['warning', "Account.AadUserId column 'CallerObjectId' is dynamic; it must be string or guid or long or int or bool or datetime"]]);
  });
});

/** `validate --environment`: queries checked against the workspace schema pulled from the emulator. */
import fs from 'node:fs';
import path from 'node:path';
import { loadTableCatalog } from '../../src/catalog/table-catalog';
import { type RunningEmulator, startEmulator } from '../emulator';
import { projectWithOverlay } from '../support/fixture-project';
import { runCli } from '../support/run-cli';
import { createCustomTable, createFunction, DEV, microsoftTableBody, PROD, seedCatalogTables } from './workspace-fixture';

const OVERLAY = path.join(__dirname, 'fixtures', 'schema-project');
const saved = { ...process.env };
const FIC_COLUMNS = { TimeGenerated: 'dateTime', UserPrincipalName_s: 'string', IPAddress_s: 'string', ResultType_s: 'string' };
const FIC_PARSER = 'FicSignIns_CL\n| where TimeGenerated > ago(lookback)\n| summarize Attempts = count() by User = UserPrincipalName_s, SourceIp = IPAddress_s, bin(TimeGenerated, 1h)';

let emulator: RunningEmulator;
let root: string;

beforeAll(async () => {
  emulator = await startEmulator();
  process.env.SENTINEL_CAC_ACCESS_TOKEN = 'schema-validate-test-token';
  process.env.SENTINEL_CAC_ARM_ENDPOINT = emulator.url;
});
beforeEach(async () => {
  emulator.store.clear();
  root = projectWithOverlay(OVERLAY);
  // prod has everything the project reads; dev has only AzureActivity.
  seedCatalogTables(emulator, PROD, ['AzureActivity']);
  const signin = loadTableCatalog().get('SigninLogs')!.filter((c) => c.name !== 'AppDisplayName');
  emulator.store.set(emulator.ids.table(PROD, 'SigninLogs'), microsoftTableBody('SigninLogs', signin));
  await createCustomTable(emulator, PROD, 'FicSignIns_CL', FIC_COLUMNS);
  await createFunction(emulator, PROD, 'FicParser', FIC_PARSER, 'lookback:timespan = 1d');
  seedCatalogTables(emulator, DEV, ['AzureActivity']);
});
afterAll(async () => {
  process.env = saved;
  await emulator.close();
});

const run = (...args: string[]) => runCli('-C', root, ...args);
const pull = async (env: string) => expect((await run('schema', 'pull', '-e', env)).code).toBe(0);
const addQuery = (name: string, kql: string, tags: string[] = []) => {
  const id = `55555555-5555-4555-8555-${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
  fs.writeFileSync(path.join(root, 'rules', `${name}.kql`), `${kql}\n`);
  fs.writeFileSync(
    path.join(root, 'rules', `${name}.ts`),
    `import { defineHuntingQuery, kqlFile } from 'sentinel-cac';\nexport const q = defineHuntingQuery({ id: '${id}', version: '1.0.0', name: '${name}', description: 'test', tactics: ['Discovery'], techniques: ['T1087'], tags: ${JSON.stringify(tags)}, query: kqlFile('./${name}.kql') });\n`,
  );
};

test('a custom _CL table and a function body from the workspace make the project validate cleanly', async () => {
  const offline = await run('validate');
  expect(offline.code).toBe(1);
  expect(offline.out).toMatch(/rules\/fic-sign-ins\.kql:1:1 error KQL_UNKNOWN_TABLE/);
  await pull('prod');
  const { code, out } = await run('validate', '--environment', 'prod');
  expect(out).toBe('0 errors, 0 warnings in 5 definitions (against environment prod)\n');
  expect(code).toBe(0);
});

test("a function's inferred columns are what downstream operators can use", async () => {
  await pull('prod');
  fs.writeFileSync(path.join(root, 'rules', 'admin-activity.kql'), 'FicParser(lookback = 2d)\n| where User has "admin"\n| project TimeGenerated, User, Country\n');
  const { code, out } = await run('validate', '-e', 'prod');
  expect(code).toBe(1);
  expect(out).toMatch(/^rules\/admin-activity\.kql:3:32 error KQL_UNKNOWN_NAME The name 'Country' does not refer to any known column/m);
});

test('a table the workspace does not have is KQL_NOT_IN_WORKSPACE for that environment, with what to do', async () => {
  await pull('dev');
  addQuery('failed-logons', 'AzureActivity\n| take 10\n| join kind=inner (SecurityEvent | where EventID == 4625) on $left.Caller == $right.Account');
  const { code, out } = await run('validate', '-e', 'dev', '--format', 'json');
  expect(code).toBe(1);
  const diagnostics = JSON.parse(out).diagnostics as { code: string; severity: string; file: string; line: number; column: number; message: string; hint?: string }[];
  const missing = diagnostics.filter((d) => d.code === 'KQL_NOT_IN_WORKSPACE');
  expect(missing).toEqual([
    {
      code: 'KQL_NOT_IN_WORKSPACE',
      severity: 'error',
      message: "table SecurityEvent does not exist in environment dev's workspace law-sentinel-dev (schemas/dev.schema.json)",
      file: 'rules/failed-logons.kql',
      line: 3,
      column: 20,
      ruleId: expect.any(String),
      hint: 'if the table was created since the schema was pulled, run `sentinel-cac schema pull --environment dev`; otherwise create it (or install the solution or data connector that does) in that workspace before deploying there',
    },
  ]);
  // The custom table and the function prod has are simply unknown in dev.
  expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.code}`).sort()).toEqual([
    'rules/admin-activity.kql KQL_UNKNOWN_FUNCTION',
    'rules/failed-logons.kql KQL_NOT_IN_WORKSPACE',
    'rules/fic-sign-ins.kql KQL_UNKNOWN_TABLE',
  ]);
});

test('a table named through table("...") must be in the workspace too', async () => {
  await pull('dev');
  addQuery('by-name', 'let name = "SecurityEvent";\nunion AzureActivity, table(name), table("AzureActivity")\n| take 10');
  const { code, out } = await run('validate', '-e', 'dev');
  expect(code).toBe(1);
  expect(out).toMatch(/^rules\/by-name\.kql:2:22 error KQL_NOT_IN_WORKSPACE table SecurityEvent does not exist in environment dev's workspace/m);
  expect(out.match(/by-name\.kql.*KQL_NOT_IN_WORKSPACE/g)).toHaveLength(1);
});

test("a rule the environment's content selection does not deploy is not reported for that environment", async () => {
  await pull('dev');
  addQuery('failed-logons', 'SecurityEvent | where EventID == 4625');
  // dev deploys only the base rule: the others' tables and functions do not matter there.
  const config = path.join(root, 'sentinel-cac.environments.yaml');
  fs.writeFileSync(config, `${fs.readFileSync(config, 'utf8')}    content:\n      ids: [11111111-1111-4111-8111-111111111111]\n`);
  const selected = await run('validate', '-e', 'dev');
  expect(selected.out).toBe('0 errors, 0 warnings in 6 definitions (against environment dev; 3 rules and hunting queries it does not deploy are not reported)\n');
  expect(selected.code).toBe(0);
  // Selected by a tag it carries, a query is checked against dev again.
  fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('ids: [11111111-1111-4111-8111-111111111111]', 'tags: [dev]'));
  addQuery('dev-logons', 'SecurityEvent | where EventID == 4624', ['dev']);
  const tagged = await run('validate', '-e', 'dev');
  expect(tagged.code).toBe(1);
  expect(tagged.out).toMatch(/^rules\/dev-logons\.kql:1:1 error KQL_NOT_IN_WORKSPACE table SecurityEvent does not exist in environment dev's workspace/m);
  expect(tagged.out).not.toMatch(/fic-sign-ins|admin-activity|base-rule|failed-logons/);
});

test('the pulled schema wins over the built-in catalog for a table of the same name', async () => {
  await pull('prod');
  addQuery('apps', 'SigninLogs\n| summarize count() by AppDisplayName');
  expect((await run('validate')).code).toBe(1); // fic-sign-ins and admin-activity need the workspace...
  expect((await run('validate')).out).not.toMatch(/apps\.kql/); // ...but the catalog's SigninLogs has AppDisplayName
  const { code, out } = await run('validate', '-e', 'prod');
  expect(code).toBe(1);
  expect(out).toMatch(/^rules\/apps\.kql:2:24 error KQL_UNKNOWN_NAME The name 'AppDisplayName' does not refer to any known column/m);
});

test('a workspace-deployed ASIM parser must be in the workspace; built-in parsers and local lets are fine', async () => {
  await pull('prod');
  addQuery('dns', 'let imAuthentication = () { FicSignIns_CL };\nunion (imDns | project DnsQuery), (_Im_Dns | project DnsQuery), (imAuthentication | project DnsQuery = UserPrincipalName_s)');
  const first = await run('validate', '-e', 'prod');
  expect(first.code).toBe(1);
  expect(first.out.trim().split('\n').slice(0, 2)).toEqual([
    "rules/dns.kql:2:8 error KQL_NOT_IN_WORKSPACE function imDns does not exist in environment prod's workspace law-sentinel-prod (schemas/prod.schema.json)",
    '  hint: deploy the function (e.g. the ASIM parser) to that workspace and run `sentinel-cac schema pull --environment prod`, or call the built-in parser (_Im_... / _ASim_...) instead',
  ]);
  await createFunction(emulator, PROD, 'imDns', 'FicSignIns_CL | project DnsQuery = UserPrincipalName_s, TimeGenerated');
  await pull('prod');
  expect(await run('validate', '-e', 'prod')).toMatchObject({ code: 0, out: '0 errors, 0 warnings in 6 definitions (against environment prod)\n' });
});

test('no schema file yet: a usage error saying which command writes it', async () => {
  const { code, out, err } = await run('validate', '-e', 'dev');
  expect({ code, out }).toEqual({ code: 2, out: '' });
  expect(err).toBe('error: environment dev has no pulled workspace schema: schemas/dev.schema.json does not exist. Run `sentinel-cac schema pull --environment dev` and commit the file it writes.\n');
  expect((await run('validate', '-e', 'qa')).err).toContain('unknown environment qa; sentinel-cac.environments.yaml declares prod, dev');
});

test('a malformed schema file is reported at its line, and validation stops', async () => {
  await pull('prod');
  const file = path.join(root, 'schemas', 'prod.schema.json');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('{"name": "IPAddress_s", "type": "string"}', '{"name": "IPAddress_s", "type": "ipv4"}'));
  const line = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('"ipv4"')) + 1;
  const { code, out, err } = await run('validate', '-e', 'prod');
  expect({ code, out }).toEqual({ code: 1, out: '' });
  expect(err).toMatch(new RegExp(`^schemas/prod\\.schema\\.json:${line}:\\d+ error SCHEMA_FILE schemas/prod\\.schema\\.json: \\$\\.tables\\[1\\]\\.columns\\[\\d\\]\\.type: "ipv4" is not a Kusto type`));
  expect(err).toContain('cannot validate against environment prod: fix the file above');
});

test('an environment repointed at another workspace since the pull: the schema file is stale', async () => {
  await pull('prod');
  const config = path.join(root, 'sentinel-cac.environments.yaml');
  fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('workspace: law-sentinel-prod', 'workspace: law-sentinel-prod2'));
  const { code, err } = await run('validate', '-e', 'prod');
  expect(code).toBe(1);
  expect(err).toMatch(/^schemas\/prod\.schema\.json:1:1 error SCHEMA_FILE_STALE schemas\/prod\.schema\.json was pulled from workspace .*\/law-sentinel-prod, but environment prod is .*\/law-sentinel-prod2$/m);
});

test('an environment can keep its schema elsewhere with `schema:`; pull and validate both use it', async () => {
  const config = path.join(root, 'sentinel-cac.environments.yaml');
  fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('    workspace: law-sentinel-prod\n', '    workspace: law-sentinel-prod\n    schema: workspace-schemas/production.json\n'));
  const pulled = await run('schema', 'pull', '-e', 'prod');
  expect(pulled.out).toMatch(/^\[prod\] workspace-schemas\/production\.json: /);
  expect(fs.existsSync(path.join(root, 'schemas'))).toBe(false);
  expect(await run('validate', '-e', 'prod')).toMatchObject({ code: 0 });
  fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('schema: workspace-schemas/production.json', 'schema: [a]'));
  const bad = await run('validate', '-e', 'prod');
  expect(bad.code).toBe(1);
  expect(bad.err).toMatch(/^sentinel-cac\.environments\.yaml:7:13 error DEPLOY_CONFIG sentinel-cac\.environments\.yaml: environment prod: schema must be the path of a \.json file/m);
});

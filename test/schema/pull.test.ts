/** `schema pull` against the emulator: the real SDK over HTTP, the CLI end to end. */
import fs from 'node:fs';
import path from 'node:path';
import { loadTableCatalog } from '../../src/catalog/table-catalog';
import { createDeployClients } from '../../src/deploy/deploy-clients';
import { staticTokenCredential } from '../../src/deploy/arm-endpoint';
import { pullWorkspaceSchema, WorkspaceReadError } from '../../src/schema/pull-workspace-schema';
import { formatWorkspaceSchema } from '../../src/schema/write-schema-file';
import { type RunningEmulator, startEmulator } from '../emulator';
import { projectWithOverlay } from '../support/fixture-project';
import { runCli } from '../support/run-cli';
import { createCustomTable, createFunction, DEV, PROD, seedCatalogTables } from './workspace-fixture';

const OVERLAY = path.join(__dirname, 'fixtures', 'schema-project');
const FAST = { retryOptions: { maxRetries: 2, retryDelayInMs: 10, maxRetryDelayInMs: 40 }, throttleRetry: { baseDelayMs: 10, maxDelayMs: 40 } };
const saved = { ...process.env };

let emulator: RunningEmulator;
let root: string;

beforeAll(async () => {
  emulator = await startEmulator();
  process.env.SENTINEL_CAC_ACCESS_TOKEN = 'schema-pull-test-token';
  process.env.SENTINEL_CAC_ARM_ENDPOINT = emulator.url;
});
beforeEach(async () => {
  emulator.store.clear();
  emulator.faults.clear();
  root = projectWithOverlay(OVERLAY);
  seedCatalogTables(emulator, PROD, ['SigninLogs', 'AzureActivity']);
  await createCustomTable(emulator, PROD, 'FicSignIns_CL', { TimeGenerated: 'dateTime', UserPrincipalName_s: 'string', IPAddress_s: 'string', Succeeded_b: 'boolean', Attempt_d: 'real', Raw: 'dynamic' });
  await createFunction(emulator, PROD, 'FicParser', 'FicSignIns_CL\n| where TimeGenerated > ago(lookback)\n| summarize Attempts = count() by User = UserPrincipalName_s, SourceIp = IPAddress_s, bin(TimeGenerated, 1h)', 'lookback:timespan = 1d');
  emulator.resetStats();
});
afterAll(async () => {
  process.env = saved;
  await emulator.close();
});

const run = (...args: string[]) => runCli('-C', root, ...args);
const schemaFile = (name = 'prod') => path.join(root, 'schemas', `${name}.schema.json`);
const readSchema = (name = 'prod') => JSON.parse(fs.readFileSync(schemaFile(name), 'utf8'));

test('pull writes the workspace tables (custom ones marked, ARM types as Kusto types) and functions with their output columns', async () => {
  const { code, out, err } = await run('schema', 'pull', '--environment', 'prod');
  expect({ code, err }).toEqual({ code: 0, err: '' });
  expect(out).toMatch(/^\[prod\] schemas\/prod\.schema\.json: 3 tables \(1 custom\), 1 functions, 0 warnings; created \([\d.]+ s\)$/m);
  const schema = readSchema();
  expect(schema.source).toEqual({ environment: 'prod', ...PROD });
  expect(schema.tables.map((t: { name: string; custom: boolean }) => [t.name, t.custom])).toEqual([['AzureActivity', false], ['FicSignIns_CL', true], ['SigninLogs', false]]);
  expect(schema.tables[1].columns).toEqual([
    { name: 'TenantId', type: 'guid' },
    { name: 'TimeGenerated', type: 'datetime' },
    { name: 'UserPrincipalName_s', type: 'string' },
    { name: 'IPAddress_s', type: 'string' },
    { name: 'Succeeded_b', type: 'bool' },
    { name: 'Attempt_d', type: 'real' },
    { name: 'Raw', type: 'dynamic' },
  ]);
  // The API does not list Type, _ResourceId, ...: the file keeps what the workspace said.
  const catalogSignin = loadTableCatalog().get('SigninLogs')!.filter((c) => !['Type', '_ResourceId', '_SubscriptionId', '_IsBillable', '_BilledSize', '_TimeReceived', '_ItemId'].includes(c.name));
  expect(schema.tables[2].columns).toEqual(catalogSignin);
  expect(schema.functions).toEqual([
    {
      name: 'FicParser',
      parameters: [{ name: 'lookback', type: 'timespan', defaultValue: '1d' }],
      body: ['FicSignIns_CL', '| where TimeGenerated > ago(lookback)', '| summarize Attempts = count() by User = UserPrincipalName_s, SourceIp = IPAddress_s, bin(TimeGenerated, 1h)'],
      columns: [
        { name: 'User', type: 'string' },
        { name: 'SourceIp', type: 'string' },
        { name: 'TimeGenerated', type: 'datetime' },
        { name: 'Attempts', type: 'long' },
      ],
    },
  ]);
  // One LIST of tables and one of saved searches, over HTTP through the real SDK.
  expect(emulator.requestLog.map((e) => `${e.method} ${e.path.split('?')[0].split('/').slice(-1)[0]} ${e.status}`).sort()).toEqual(['GET savedSearches 200', 'GET tables 200']);
});

test('pulling an unchanged workspace writes the same bytes; a change is a small diff; list order does not matter', async () => {
  expect((await run('schema', 'pull', '-e', 'prod')).code).toBe(0);
  const first = fs.readFileSync(schemaFile());
  const again = await run('schema', 'pull', '-e', 'prod');
  expect(again.out).toMatch(/; unchanged \(/);
  expect(fs.readFileSync(schemaFile()).equals(first)).toBe(true);

  // The same content listed in another order (a second workspace, seeded in reverse) gives the same tables and functions.
  seedCatalogTables(emulator, DEV, ['SigninLogs', 'AzureActivity'], 'reversed');
  await createCustomTable(emulator, DEV, 'FicSignIns_CL', { TimeGenerated: 'dateTime', UserPrincipalName_s: 'string', IPAddress_s: 'string', Succeeded_b: 'boolean', Attempt_d: 'real', Raw: 'dynamic' });
  await createFunction(emulator, DEV, 'FicParser', 'FicSignIns_CL\n| where TimeGenerated > ago(lookback)\n| summarize Attempts = count() by User = UserPrincipalName_s, SourceIp = IPAddress_s, bin(TimeGenerated, 1h)', 'lookback:timespan = 1d');
  expect((await run('schema', 'pull', '-e', 'dev')).code).toBe(0);
  const body = (text: string) => text.slice(text.indexOf('"tables"'));
  expect(body(fs.readFileSync(schemaFile('dev'), 'utf8'))).toBe(body(first.toString('utf8')));

  await createCustomTable(emulator, PROD, 'FicSignIns_CL', { TimeGenerated: 'dateTime', UserPrincipalName_s: 'string', IPAddress_s: 'string', Succeeded_b: 'boolean', Attempt_d: 'real', Raw: 'dynamic', Country_s: 'string' });
  const changed = await run('schema', 'pull', '-e', 'prod');
  expect(changed.out).toMatch(/; changed \(/);
  const before = first.toString('utf8').split('\n');
  const after = fs.readFileSync(schemaFile(), 'utf8').split('\n');
  expect(after.filter((line) => !before.includes(line))).toEqual(['        {"name": "Raw", "type": "dynamic"},', '        {"name": "Country_s", "type": "string"}']);
});

test('problems in function bodies and unreadable parameters are warnings printed at pull time', async () => {
  await createFunction(emulator, PROD, 'BrokenParser', 'FicSignIns_CL\n| project User = UserPrincipalName_s, Nope\n| join (MissingTable_CL) on User');
  await createFunction(emulator, PROD, 'OddParams', 'FicSignIns_CL', 'lookback');
  await createFunction(emulator, PROD, 'WinParser', 'SecurityEvent | where EventID == 4625');
  const { code, err } = await run('schema', 'pull', '-e', 'prod');
  expect(code).toBe(0);
  expect(err.trim().split('\n')).toEqual([
    'warning: [prod] function OddParams (saved search "OddParams parser" (fn-oddparams)): cannot read functionParameters "lookback": "lookback" is not "name:type" or "name:type = default"; left out',
    expect.stringMatching(/^warning: \[prod\] function BrokenParser: line 2, column 39: The name 'Nope' does not refer to any known column/),
    expect.stringMatching(/^warning: \[prod\] function BrokenParser: line 3, column 9: .*MissingTable_CL/),
    'warning: [prod] function WinParser reads table SecurityEvent, which this workspace does not have',
  ]);
  expect(readSchema().functions.map((f: { name: string }) => f.name)).toEqual(['BrokenParser', 'FicParser', 'WinParser']);
});

test('a function calling another pulled function gets its columns from it', async () => {
  await createFunction(emulator, PROD, 'AdminSignIns', 'FicParser(7d) | where User has "admin" | extend IsAdmin = true');
  expect((await run('schema', 'pull', '-e', 'prod')).code).toBe(0);
  expect(readSchema().functions[0]).toMatchObject({ name: 'AdminSignIns', parameters: [], columns: [
    { name: 'User', type: 'string' },
    { name: 'SourceIp', type: 'string' },
    { name: 'TimeGenerated', type: 'datetime' },
    { name: 'Attempts', type: 'long' },
    { name: 'IsAdmin', type: 'bool' },
  ] });
});

test('429s and 500s are retried as deploy retries them', async () => {
  emulator.faults.throttleNext(3, { retryAfterMs: 20, match: { path: '/tables' } });
  emulator.faults.failNext(1, { status: 500, match: { path: '/savedSearches' } });
  const clients = createDeployClients(PROD.subscriptionId, { endpoint: emulator.url, credential: staticTokenCredential('t'), ...FAST });
  const pulled = await pullWorkspaceSchema(clients, { name: 'prod', ...PROD }, 'prod');
  expect(pulled.schema.tables).toHaveLength(3);
  const statuses = (segment: string) => emulator.requestLog.filter((e) => e.path.split('?')[0].endsWith(segment)).map((e) => e.status);
  expect(statuses('/tables')).toEqual([429, 429, 429, 200]);
  expect(statuses('/savedSearches')).toEqual([500, 200]);
});

test('the CLI waits out throttling and writes the file', async () => {
  emulator.faults.throttleNext(2, { retryAfterMs: 20 });
  const { code, out } = await run('schema', 'pull', '-e', 'prod');
  expect(code).toBe(0);
  expect(out).toMatch(/3 tables \(1 custom\), 1 functions, 0 warnings; created/);
  expect(emulator.stats.armThrottled + emulator.stats.injectedStatus).toBe(2);
});

test('a workspace that keeps failing is an error naming it, after the retries', async () => {
  emulator.faults.failEveryNth(1, { status: 500, match: { path: '/tables' } });
  const clients = createDeployClients(PROD.subscriptionId, { endpoint: emulator.url, credential: staticTokenCredential('t'), ...FAST });
  const failure = pullWorkspaceSchema(clients, { name: 'prod', ...PROD }, 'prod');
  await expect(failure).rejects.toThrow(WorkspaceReadError);
  await expect(failure).rejects.toThrow(/^cannot read the schema of workspace prod \(5c1a9e2b-0000-4000-8000-0000000000a1\/rg-sentinel-prod\/law-sentinel-prod\): 500 InternalServerError after retries: /);
  expect(emulator.requestLog.filter((e) => e.path.includes('/tables')).length).toBe(3);
});

test('the CLI leaves the committed file untouched when the workspace cannot be read, and exits 1', async () => {
  expect((await run('schema', 'pull', '-e', 'prod')).code).toBe(0);
  const committed = fs.readFileSync(schemaFile(), 'utf8');
  await createCustomTable(emulator, PROD, 'Other_CL', { TimeGenerated: 'dateTime' });
  // 403 is not retried, so the test does not wait for the SDK's backoff.
  emulator.faults.failEveryNth(1, { status: 403, match: { path: '/savedSearches' } });
  const { code, out, err } = await run('schema', 'pull', '-e', 'prod');
  expect(code).toBe(1);
  expect(out).toBe('');
  expect(err).toMatch(/^error: \[prod\] cannot read the schema of workspace prod \(.*\/law-sentinel-prod\): permission denied \(403\); the identity needs Log Analytics Reader on the workspace\. .*; schemas\/prod\.schema\.json is unchanged$/m);
  expect(fs.readFileSync(schemaFile(), 'utf8')).toBe(committed);
  expect(fs.readdirSync(path.join(root, 'schemas'))).toEqual(['prod.schema.json']);
});

test('usage errors: --output with several environments, an unknown environment, half of the workspace flags', async () => {
  expect(await run('schema', 'pull', '-o', 'x.json')).toMatchObject({ code: 2, err: expect.stringContaining('--output names one file, but 2 environments would be pulled') });
  expect(await run('schema', 'pull', '-e', 'staging')).toMatchObject({ code: 2, err: expect.stringContaining('unknown environment staging; sentinel-cac.environments.yaml declares prod, dev') });
  expect(await run('schema', 'pull', '--workspace', 'law-x')).toMatchObject({ code: 2, err: expect.stringContaining('all three of --subscription, --resource-group and --workspace') });
});

test('one workspace by flags, written where --output says', async () => {
  const { code, out } = await run('schema', 'pull', '--subscription', PROD.subscriptionId, '--resource-group', PROD.resourceGroup, '--workspace', PROD.workspace, '-o', 'out/law.json');
  expect(code).toBe(0);
  expect(out).toMatch(/^\[law-sentinel-prod\] out\/law\.json: 3 tables/);
  const text = fs.readFileSync(path.join(root, 'out', 'law.json'), 'utf8');
  expect(JSON.parse(text).source).toEqual(PROD);
  expect(formatWorkspaceSchema(JSON.parse(text))).toBe(text);
});

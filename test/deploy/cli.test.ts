import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../support/run-cli';
import { type RunningEmulator, startEmulator } from '../emulator';
import { projectWithOverlay } from '../support/fixture-project';
import { DEPLOY_OVERLAY } from './deploy-harness';

let emulator: RunningEmulator;
let root: string;
const TOKEN = 'cli-test-token-must-never-be-printed';
const saved = { ...process.env };

beforeAll(async () => {
  emulator = await startEmulator();
  process.env.SENTINEL_CAC_ACCESS_TOKEN = TOKEN;
  process.env.SENTINEL_CAC_ARM_ENDPOINT = emulator.url;
  process.env.CI = 'true';
});
beforeEach(() => {
  emulator.store.clear();
  root = projectWithOverlay(DEPLOY_OVERLAY);
});
afterAll(async () => {
  process.env = saved;
  await emulator.close();
});

const run = (...args: string[]) => runCli('-C', root, ...args);

test('plan exits 3 when deploy would change something, deploy applies it with a summary, and plan then exits 0', async () => {
  const first = await run('plan', '-e', 'prod');
  expect(first.code).toBe(3);
  expect(first.out).toContain('+ create    watchlist      Allowed callers (AllowedCallers)');
  expect(first.out).toContain('3 rows uploaded inline');
  expect(first.out).toContain('Plan: 3 to create, 0 to update, 0 to delete, 0 unchanged, 0 drifted, 0 blocked.');
  const deploy = await run('deploy', '-e', 'prod');
  expect(deploy.code).toBe(0);
  expect(deploy.out).toMatch(/^\[prod\] done    create watchlist "Allowed callers" \(2 writes, \d+ ms\)$/m);
  expect(deploy.out).toMatch(/^Environment +Created +Updated +Deleted +Unchanged +Drifted +Failed +Skipped +Writes +Time$/m);
  expect(deploy.out).toMatch(/^prod +3 +0 +0 +0 +0 +0 +0 +6 +[\d.]+ m?s$/m);
  const again = await run('plan', '-e', 'prod');
  expect(again.code).toBe(0);
  expect(again.out).toContain('Plan: 0 to create, 0 to update, 0 to delete, 3 unchanged, 0 drifted, 0 blocked.');
});

test('each environment gets its own rows and its own content selection', async () => {
  expect((await run('deploy')).code).toBe(0);
  const rows = (ws: string) => emulator.store.list({ type: 'watchlistItems' }).filter((i) => i.id.includes(`/workspaces/${ws}/`)).map((i) => i.properties.itemsKeyValue.Caller).sort();
  expect(rows('law-sentinel-prod')).toEqual(['ci@contoso.example', 'deploy@contoso.example', 'ops@contoso.example']);
  expect(rows('law-sentinel-dev')).toEqual(['admin@example.com', 'pipeline@example.com']);
  const hunting = emulator.store.list().filter((r) => r.id.includes('/workspaces/law-hunting/'));
  expect(hunting.map((r) => r.type).sort()).toEqual(['Microsoft.OperationalInsights/savedSearches', 'Microsoft.SecurityInsights/metadata']);
});

test('plan --format json follows the documented schema', async () => {
  const { code, out } = await run('plan', '-e', 'dev', '--format', 'json');
  expect(code).toBe(3);
  const doc = JSON.parse(out);
  expect(doc).toMatchObject({ schemaVersion: 1, changes: true });
  expect(doc.workspaces[0]).toMatchObject({ environment: 'dev', workspace: 'law-sentinel-dev', sourceId: 'tests/deploy-project', prune: false, force: false, summary: { create: 3, update: 0, delete: 0, unchanged: 0, drifted: 0, blocked: 0 } });
  expect(doc.workspaces[0].entries[0]).toMatchObject({ kind: 'Watchlist', name: 'AllowedCallers', action: 'create', items: { upload: 'inline', create: 2 } });
});

test('plan --format markdown is a pull-request comment with a table and folded details', async () => {
  await run('deploy', '-e', 'dev');
  emulator.store.portalEdit(emulator.ids.alertRule({ subscriptionId: '7d9a2c1e-0000-4000-8000-000000000001', resourceGroup: 'rg-sentinel-dev', workspace: 'law-sentinel-dev' }, '11111111-1111-4111-8111-111111111111'));
  const { code, out } = await run('plan', '-e', 'dev', '--format', 'markdown');
  expect(code).toBe(3);
  expect(out).toContain('| ⚠️ drifted | analytics rule | Base rule | edited outside sentinel-cac since the last deploy; not overwritten (use --force to replace the edit with the code) |');
  expect(out).toContain('displayName: "Base rule (edited in portal)" → "Base rule"');
});

test('a bad environments file is reported at its file, line and column with exit 1', async () => {
  fs.writeFileSync(path.join(root, 'sentinel-cac.environments.yaml'), 'environments:\n  prod:\n    subscriptionId: not-a-guid\n    resourceGroup: rg\n    workspace: law-prod\n    colour: blue\n');
  const { code, err } = await run('plan');
  expect(code).toBe(1);
  expect(err).toContain('sentinel-cac.environments.yaml:3:21 error DEPLOY_CONFIG sentinel-cac.environments.yaml: environment prod: subscriptionId "not-a-guid" is not a subscription id (a GUID)');
  expect(err).toContain('sentinel-cac.environments.yaml:6:5 error DEPLOY_CONFIG sentinel-cac.environments.yaml: unknown key "colour" in environment prod');
});

test('usage errors exit 2: an unknown environment, half a workspace, or plain http off loopback', async () => {
  expect(await run('plan', '-e', 'staging')).toMatchObject({ code: 2, err: expect.stringContaining('unknown environment staging; sentinel-cac.environments.yaml declares dev, prod, hunting-only') });
  expect(await run('plan', '--subscription', '7d9a2c1e-0000-4000-8000-000000000001')).toMatchObject({ code: 2, err: expect.stringContaining('all three of --subscription, --resource-group and --workspace') });
  const remote = await run('plan', '-e', 'dev', '--arm-endpoint', 'http://10.1.2.3:8080');
  expect(remote.code).toBe(2);
  expect(remote.err).toContain('Refusing plain-http ARM endpoint');
});

test('one workspace by flags; --debug logs requests with the Authorization header redacted and never the token', async () => {
  const { code, out, err } = await run('deploy', '--subscription', '7d9a2c1e-0000-4000-8000-0000000000f1', '--resource-group', 'rg-flags', '--workspace', 'law-flags', '--debug');
  expect(code).toBe(0);
  expect(err).toMatch(/\[debug\] → PUT http:\/\/127\.0\.0\.1:\d+\/subscriptions\/7d9a2c1e-0000-4000-8000-0000000000f1\/resourceGroups\/rg-flags\/.*"authorization":"REDACTED"/);
  expect(err).toMatch(/\[debug\] ← 201 PUT /);
  expect(out + err).not.toContain(TOKEN);
});

test('a failure is named in the summary and deploy exits 4', async () => {
  emulator.faults.failEveryNth(1, { status: 400, match: { method: 'PUT', path: 'savedSearches' } });
  try {
    const { code, out } = await run('deploy', '-e', 'dev');
    expect(code).toBe(4);
    expect(out).toMatch(/^1 failure:\n {2}dev: hunting query "Recent federated credential writes" \(22222222-2222-4222-8222-222222222222\): rejected by the service \(400\): Injected fault/m);
  } finally {
    emulator.faults.clear();
  }
});

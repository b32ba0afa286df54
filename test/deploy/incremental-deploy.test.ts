import fs from 'node:fs';
import path from 'node:path';
import { failures, type Harness, startHarness, TARGET } from './deploy-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deploy();
  h.emulator.resetStats();
});
afterEach(() => h.close());

const RULE = '11111111-1111-4111-8111-111111111111';

function edit(file: string, from: string | RegExp, to: string): void {
  const full = path.join(h.root, file);
  const text = fs.readFileSync(full, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file}: nothing replaced`);
  fs.writeFileSync(full, next);
  h.revalidate();
}

test('a changed rule updates only that rule and its ownership record', async () => {
  edit('rules/base-rule.ts', "severity: 'Medium'", "severity: 'High'");
  const plan = await h.plan();
  const changed = plan.entries.filter((e) => e.action !== 'unchanged');
  expect(changed.map((e) => [e.name, e.action, e.reason])).toEqual([[RULE, 'update', 'changed in code since the last deploy']]);
  expect(changed[0].changes).toEqual([{ path: 'severity', before: 'Medium', after: 'High' }]);
  h.emulator.resetStats();
  const result = await h.deploy();
  expect(failures(result)).toEqual([]);
  const by = h.emulator.stats.byResourceType;
  expect([by.alertRules.writes, by.metadata.writes, by.watchlists.writes, by.watchlistItems.writes, by.savedSearches.writes]).toEqual([1, 1, 0, 0, 0]);
  expect(h.emulator.store.get(h.ruleId(RULE))!.properties.severity).toBe('High');
  expect((await h.plan()).entries.every((e) => e.action === 'unchanged')).toBe(true);
});

test('a changed watchlist row changes only that item, through the items API', async () => {
  edit('watchlists/allowed-callers.csv', '00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-0000000000ff');
  const plan = await h.plan();
  const entry = plan.entries.find((e) => e.kind === 'Watchlist')!;
  expect(entry.action).toBe('update');
  expect(entry.changes).toEqual([]);
  expect(entry.items!.unchanged).toBe(1);
  expect(entry.items!.changes.map((c) => [c.action, c.key, c.changes])).toEqual([
    ['update', 'pipeline@example.com', [{ path: 'itemsKeyValue.ObjectId', before: '00000000-0000-0000-0000-000000000002', after: '00000000-0000-0000-0000-0000000000ff' }]],
  ]);
  const before = h.emulator.store.list({ type: 'watchlistItems', scope: TARGET });
  h.emulator.resetStats();
  expect(failures(await h.deploy())).toEqual([]);
  const by = h.emulator.stats.byResourceType;
  expect([by.watchlists.writes, by.watchlists.deletes, by.watchlistItems.writes, by.watchlistItems.deletes]).toEqual([0, 0, 1, 0]);
  const after = h.emulator.store.list({ type: 'watchlistItems', scope: TARGET });
  // same items (same ids): the untouched row kept its etag, the changed one got a new value
  expect(after.map((i) => i.name).sort()).toEqual(before.map((i) => i.name).sort());
  const untouched = (list: typeof after) => list.find((i) => i.properties.itemsKeyValue.Caller === 'admin@example.com')!;
  expect(untouched(after).etag).toBe(untouched(before).etag);
  expect(after.find((i) => i.properties.itemsKeyValue.Caller === 'pipeline@example.com')!.properties.itemsKeyValue.ObjectId).toBe('00000000-0000-0000-0000-0000000000ff');
  expect((await h.plan()).entries.every((e) => e.action === 'unchanged')).toBe(true);
});

test('added and removed rows become item creates and deletes; the watchlist is never re-created', async () => {
  edit('watchlists/allowed-callers.csv', /pipeline@example\.com.*\n/, 'new@example.com,00000000-0000-0000-0000-000000000003\n');
  const entry = (await h.plan()).entries.find((e) => e.kind === 'Watchlist')!;
  expect(entry.items!.changes.map((c) => [c.action, c.key]).sort()).toEqual([['create', 'new@example.com'], ['delete', 'pipeline@example.com']]);
  h.emulator.resetStats();
  expect(failures(await h.deploy())).toEqual([]);
  const by = h.emulator.stats.byResourceType;
  expect([by.watchlists.writes, by.watchlists.deletes, by.watchlistItems.writes, by.watchlistItems.deletes]).toEqual([0, 0, 1, 1]);
  const keys = h.emulator.store.list({ type: 'watchlistItems', scope: TARGET }).map((i) => i.properties.itemsKeyValue.Caller).sort();
  expect(keys).toEqual(['admin@example.com', 'new@example.com']);
});

test('a rule that changes from Scheduled to NRT is replaced, since Sentinel cannot change a kind in place', async () => {
  edit('rules/base-rule.ts', "queryFrequency: '1h',\n  queryPeriod: '1h',", "kind: 'NRT',");
  const plan = await h.plan();
  expect(plan.entries.find((e) => e.name === RULE)!.changes.map((c) => c.path)).toEqual(expect.arrayContaining(['kind', 'queryFrequency']));
  expect(failures(await h.deploy())).toEqual([]);
  expect(h.emulator.store.get(h.ruleId(RULE))!.kind).toBe('NRT');
  expect((await h.plan()).entries.every((e) => e.action === 'unchanged')).toBe(true);
});

test('a watchlist over the inline upload limit is created empty and filled through the items API', async () => {
  const big = await startHarness(undefined, { limits: { watchlistRawContentMaxBytes: 120 } });
  try {
    const rows = Array.from({ length: 12 }, (_, i) => `user${i}@example.com,00000000-0000-0000-0000-0000000000${String(i).padStart(2, '0')}`);
    fs.writeFileSync(path.join(big.root, 'watchlists', 'allowed-callers.csv'), `Caller,ObjectId\n${rows.join('\n')}\n`);
    big.revalidate();
    const { planWorkspace } = await import('../../src/deploy/plan-workspace');
    const { applyPlan } = await import('../../src/deploy/apply-plan');
    const clients = big.clients();
    const settings = { sourceId: 'tests/deploy-project', prune: false, force: false, inlineUploadMaxBytes: 120 };
    const planned = await planWorkspace(big.validated, { target: TARGET }, clients, settings);
    expect(planned.plan!.entries[0].items!.upload).toBe('items');
    big.emulator.resetStats();
    const result = await applyPlan(planned.plan!, clients);
    expect(failures(result)).toEqual([]);
    const by = big.emulator.stats.byResourceType;
    expect([by.watchlists.writes, by.watchlistItems.writes]).toEqual([1, 12]);
    const put = big.emulator.requestLog.find((e) => e.method === 'PUT' && e.resourceType === 'watchlists');
    expect(put?.status).toBe(201);
    expect(big.emulator.store.list({ type: 'watchlistItems', scope: TARGET })).toHaveLength(12);
    const again = await planWorkspace(big.validated, { target: TARGET }, clients, settings);
    expect(again.plan!.entries.every((e) => e.action === 'unchanged')).toBe(true);
  } finally {
    await big.close();
  }
});

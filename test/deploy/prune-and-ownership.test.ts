import fs from 'node:fs';
import path from 'node:path';
import { actions, failures, type Harness, startHarness, TARGET } from './deploy-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const RULE = '11111111-1111-4111-8111-111111111111';
const SEARCH = '22222222-2222-4222-8222-222222222222';
const FOREIGN_RULE = '33333333-3333-4333-8333-333333333333';
const OTHER_PROJECT_RULE = '44444444-4444-4444-8444-444444444444';

function seedUnownedContent(): void {
  const { store, ids } = h.emulator;
  store.set(ids.alertRule(TARGET, FOREIGN_RULE), { kind: 'Scheduled', properties: { displayName: 'Hand-made rule', enabled: true, severity: 'Low', query: 'SigninLogs | take 1', queryFrequency: 'PT1H', queryPeriod: 'PT1H', triggerOperator: 'GreaterThan', triggerThreshold: 0, suppressionDuration: 'PT5H', suppressionEnabled: false } }, 'portal');
  store.set(ids.watchlist(TARGET, 'HandMade'), { properties: { displayName: 'Hand-made list', provider: 'Custom', source: 'hand.csv', itemsSearchKey: 'Name' } }, 'portal');
  store.set(ids.savedSearch(TARGET, 'hand-made-search'), { properties: { category: 'Hunting Queries', displayName: 'Hand-made hunt', query: 'SigninLogs | take 5', version: 2 } }, 'portal');
  // Deployed by sentinel-cac, but from another repository: not ours to prune.
  store.set(ids.alertRule(TARGET, OTHER_PROJECT_RULE), { kind: 'NRT', properties: { displayName: 'Other project rule', enabled: true, severity: 'Low', query: 'SigninLogs | take 1', suppressionDuration: 'PT5H', suppressionEnabled: false } });
  store.set(ids.metadata(TARGET, `sentinel-cac-analyticsrule-${OTHER_PROJECT_RULE}`), {
    properties: { kind: 'AnalyticsRule', parentId: ids.alertRule(TARGET, OTHER_PROJECT_RULE), contentId: OTHER_PROJECT_RULE, source: { kind: 'SourceRepository', name: 'sentinel-cac', sourceId: 'someone/else' }, customVersion: `sentinel-cac/1 desired=${'a'.repeat(32)} deployed=${'b'.repeat(32)}` },
  });
}

function removeHuntingQuery(): void {
  fs.rmSync(path.join(h.root, 'rules', 'recent-writes.ts'));
  fs.rmSync(path.join(h.root, 'rules', 'recent-writes.kql'));
  h.revalidate();
}

test('content removed from code is kept without --prune and deleted with it; unowned content is never touched', async () => {
  seedUnownedContent();
  expect(failures(await h.deploy())).toEqual([]);
  removeHuntingQuery();

  const kept = await h.plan();
  const entry = kept.entries.find((e) => e.name === SEARCH)!;
  expect([entry.action, entry.reason]).toEqual(['unchanged', 'no longer in code (or not selected for this environment); kept, run with --prune to delete it']);
  expect(kept.unowned).toEqual({ AnalyticsRule: 1, HuntingQuery: 1, Function: 0, Watchlist: 1 });

  const pruning = await h.plan({ prune: true });
  expect(actions(pruning)).toEqual({ 'Watchlist:AllowedCallers': 'unchanged', [`AnalyticsRule:${RULE}`]: 'unchanged', [`HuntingQuery:${SEARCH}`]: 'delete' });
  expect(failures(await h.deploy({ prune: true }))).toEqual([]);

  const { store, ids } = h.emulator;
  expect(store.get(ids.savedSearch(TARGET, SEARCH))).toBeUndefined();
  expect(store.get(ids.metadata(TARGET, `sentinel-cac-huntingquery-${SEARCH}`))).toBeUndefined();
  expect(store.get(ids.alertRule(TARGET, FOREIGN_RULE))?.properties.displayName).toBe('Hand-made rule');
  expect(store.get(ids.watchlist(TARGET, 'HandMade'))).toBeDefined();
  expect(store.get(ids.savedSearch(TARGET, 'hand-made-search'))).toBeDefined();
  expect(store.get(ids.alertRule(TARGET, OTHER_PROJECT_RULE))).toBeDefined();
  expect(store.get(ids.alertRule(TARGET, RULE))).toBeDefined();
});

test('a resource with our id that sentinel-cac did not deploy blocks the deploy of that item only', async () => {
  const { store, ids } = h.emulator;
  store.set(ids.alertRule(TARGET, RULE), { kind: 'Scheduled', properties: { displayName: 'Someone else', enabled: true, severity: 'Low', query: 'SigninLogs | take 1', queryFrequency: 'PT1H', queryPeriod: 'PT1H', triggerOperator: 'GreaterThan', triggerThreshold: 0, suppressionDuration: 'PT5H', suppressionEnabled: false } }, 'portal');
  const plan = await h.plan();
  expect(plan.entries.find((e) => e.name === RULE)!.action).toBe('blocked');
  const result = await h.deploy();
  expect(failures(result)).toEqual([`an analytics rule with this id exists in the workspace but was not deployed by sentinel-cac; not overwriting it`]);
  expect(store.get(ids.alertRule(TARGET, RULE))!.properties.displayName).toBe('Someone else');
  expect(store.get(ids.savedSearch(TARGET, SEARCH))).toBeDefined();
});

test('a resource written by a deploy that died before its ownership record is adopted when its content matches', async () => {
  await h.deploy();
  const { store, ids } = h.emulator;
  store.delete(ids.metadata(TARGET, `sentinel-cac-analyticsrule-${RULE}`));
  const entry = (await h.plan()).entries.find((e) => e.name === RULE)!;
  expect([entry.action, entry.metadataOnly]).toEqual(['update', true]);
  h.emulator.resetStats();
  expect(failures(await h.deploy())).toEqual([]);
  expect(h.emulator.stats.byResourceType.alertRules.writes).toBe(0);
  expect(h.emulator.stats.byResourceType.metadata.writes).toBe(1);
  expect((await h.plan()).entries.every((e) => e.action === 'unchanged')).toBe(true);
});

test('a deploy that stops part-way through a watchlist\'s items is finished by the next run, not reported as drift', async () => {
  await h.deploy();
  const csv = path.join(h.root, 'watchlists', 'allowed-callers.csv');
  fs.writeFileSync(csv, 'Caller,ObjectId\nadmin@example.com,00000000-0000-0000-0000-0000000000a1\npipeline@example.com,00000000-0000-0000-0000-0000000000a2\nthird@example.com,00000000-0000-0000-0000-0000000000a3\n');
  h.revalidate();
  // An item write is refused with a 400, which is not retried: the run ends with the watchlist half-synced.
  h.emulator.faults.failNext(1, { status: 400, match: { method: 'PUT', path: 'watchlistItems/' } });
  const first = await h.deploy();
  expect(failures(first)).toHaveLength(1);
  const meta = h.emulator.store.get(h.emulator.ids.metadata(TARGET, 'sentinel-cac-watchlist-allowedcallers'))!;
  expect(meta.properties.customVersion).toMatch(/ pending=[0-9a-f]{32}$/);
  const resumed = (await h.plan()).entries.find((e) => e.kind === 'Watchlist')!;
  expect([resumed.action, resumed.drifted]).toEqual(['update', false]);
  expect(failures(await h.deploy())).toEqual([]);
  const rows = h.emulator.store.list({ type: 'watchlistItems', scope: TARGET }).map((i) => `${i.properties.itemsKeyValue.Caller}=${i.properties.itemsKeyValue.ObjectId}`).sort();
  expect(rows).toEqual(['admin@example.com=00000000-0000-0000-0000-0000000000a1', 'pipeline@example.com=00000000-0000-0000-0000-0000000000a2', 'third@example.com=00000000-0000-0000-0000-0000000000a3']);
  expect((await h.plan()).entries.every((e) => e.action === 'unchanged')).toBe(true);
});

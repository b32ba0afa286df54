import { actions, failures, type Harness, startHarness, TARGET } from './deploy-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const RULE = '11111111-1111-4111-8111-111111111111';
const SEARCH = '22222222-2222-4222-8222-222222222222';

test('a first deploy creates every rule, hunting query and watchlist with its rows, each with an ownership record', async () => {
  const plan = await h.plan();
  expect(actions(plan)).toEqual({ 'Watchlist:AllowedCallers': 'create', [`AnalyticsRule:${RULE}`]: 'create', [`HuntingQuery:${SEARCH}`]: 'create' });
  const result = await h.deploy();
  expect(failures(result)).toEqual([]);
  const store = h.emulator.store;
  const rule = store.get(h.ruleId(RULE))!;
  expect(rule.kind).toBe('Scheduled');
  expect(rule.properties.displayName).toBe('Base rule');
  expect(rule.properties.queryFrequency).toBe('PT1H');
  const items = store.list({ type: 'watchlistItems', scope: TARGET });
  expect(items.map((i) => i.properties.itemsKeyValue.Caller).sort()).toEqual(['admin@example.com', 'pipeline@example.com']);
  const metadata = store.list({ type: 'metadata', scope: TARGET });
  expect(metadata.map((m) => m.properties.kind).sort()).toEqual(['AnalyticsRule', 'HuntingQuery', 'Watchlist']);
  for (const m of metadata) {
    expect(m.properties.source).toEqual({ kind: 'SourceRepository', name: 'sentinel-cac', sourceId: 'tests/deploy-project' });
    expect(m.properties.customVersion).toMatch(/^sentinel-cac\/1 desired=[0-9a-f]{32} deployed=[0-9a-f]{32}$/);
  }
  expect(store.list({ type: 'savedSearches', scope: TARGET })[0].properties.category).toBe('Hunting Queries');
});

test('a second deploy makes zero writes and reads with one list per resource type', async () => {
  h.emulator.resetStats();
  const plan = await h.plan();
  expect(new Set(plan.entries.map((e) => e.action))).toEqual(new Set(['unchanged']));
  const result = await h.deploy();
  expect(result.writes).toBe(0);
  const stats = h.emulator.stats;
  expect(stats.writes + stats.deletes).toBe(0);
  // two plans: per plan one list of rules, saved searches, watchlists, metadata, and the one watchlist's items (pages of 5)
  expect(stats.byResourceType.savedSearches.reads).toBe(2);
  expect(stats.byResourceType.watchlistItems.reads).toBe(2);
});

test('watchlists are written before the rules that read them', async () => {
  const fresh = await startHarness();
  try {
    await fresh.deploy();
    const log = fresh.emulator.requestLog.filter((e) => e.method === 'PUT' && e.resourceType !== 'metadata');
    const watchlistAt = log.findIndex((e) => e.resourceType === 'watchlists');
    const ruleAt = log.findIndex((e) => e.resourceType === 'alertRules');
    expect(watchlistAt).toBeGreaterThanOrEqual(0);
    expect(ruleAt).toBeGreaterThan(watchlistAt);
    const watchlistDone = fresh.emulator.requestLog.filter((e) => e.resourceType === 'metadata' && e.method === 'PUT' && /watchlist/i.test(e.path))[0];
    const rulePut = fresh.emulator.requestLog.find((e) => e.resourceType === 'alertRules' && e.method === 'PUT')!;
    expect(rulePut.seq).toBeGreaterThan(watchlistDone.seq);
  } finally {
    await fresh.close();
  }
});

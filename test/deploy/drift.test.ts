import fs from 'node:fs';
import path from 'node:path';
import { failures, type Harness, startHarness, TARGET } from './deploy-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deploy();
});
afterEach(() => h.close());

const RULE = '11111111-1111-4111-8111-111111111111';
const SEARCH = '22222222-2222-4222-8222-222222222222';

test('a rule edited in the portal is reported as drifted, with the edit as a diff, and is not overwritten', async () => {
  h.emulator.store.portalEdit(h.ruleId(RULE));
  const entry = (await h.plan()).entries.find((e) => e.name === RULE)!;
  expect([entry.action, entry.drifted]).toEqual(['drifted', true]);
  expect(entry.changes).toEqual([{ path: 'displayName', before: 'Base rule (edited in portal)', after: 'Base rule' }]);
  h.emulator.resetStats();
  const result = await h.deploy();
  expect(result.results.find((r) => r.entry.name === RULE)!.status).toBe('skipped');
  expect(h.emulator.stats.writes).toBe(0);
  expect(h.emulator.store.get(h.ruleId(RULE))!.properties.displayName).toBe('Base rule (edited in portal)');
});

test('--force replaces a portal edit with the code, after which the plan is clean', async () => {
  h.emulator.store.portalEdit(h.ruleId(RULE), (r) => (r.properties.severity = 'Informational'));
  const forced = (await h.plan({ force: true })).entries.find((e) => e.name === RULE)!;
  expect([forced.action, forced.drifted]).toEqual(['update', true]);
  expect(failures(await h.deploy({ force: true }))).toEqual([]);
  expect(h.emulator.store.get(h.ruleId(RULE))!.properties.severity).toBe('Medium');
  expect((await h.plan()).entries.every((e) => e.action === 'unchanged')).toBe(true);
});

test('a drifted rule stays drifted when its code changes too: the portal edit is not silently lost', async () => {
  h.emulator.store.portalEdit(h.ruleId(RULE));
  const file = path.join(h.root, 'rules', 'base-rule.ts');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace("severity: 'Medium'", "severity: 'High'"));
  h.revalidate();
  const entry = (await h.plan()).entries.find((e) => e.name === RULE)!;
  expect(entry.action).toBe('drifted');
  expect(entry.changes.map((c) => c.path).sort()).toEqual(['displayName', 'severity']);
});

test('an edited watchlist item and an edited hunting query are drift too', async () => {
  const { store } = h.emulator;
  const item = store.list({ type: 'watchlistItems', scope: TARGET }).find((i) => i.properties.itemsKeyValue.Caller === 'admin@example.com')!;
  store.portalEdit(item.id, (i) => (i.properties.itemsKeyValue.ObjectId = '00000000-0000-0000-0000-0000000000ee'));
  store.portalEdit(h.emulator.ids.savedSearch(TARGET, SEARCH), (s) => (s.properties.query += '\n| take 10'));
  const plan = await h.plan();
  const watchlist = plan.entries.find((e) => e.kind === 'Watchlist')!;
  expect(watchlist.action).toBe('drifted');
  expect(watchlist.items!.changes.map((c) => [c.action, c.key])).toEqual([['update', 'admin@example.com']]);
  const search = plan.entries.find((e) => e.name === SEARCH)!;
  expect(search.action).toBe('drifted');
  expect(search.changes.map((c) => c.path)).toEqual(['query']);
});

test('a pruned item that was edited in the portal is kept unless --force', async () => {
  h.emulator.store.portalEdit(h.emulator.ids.savedSearch(TARGET, SEARCH));
  fs.rmSync(path.join(h.root, 'rules', 'recent-writes.ts'));
  h.revalidate();
  expect((await h.plan({ prune: true })).entries.find((e) => e.name === SEARCH)!.action).toBe('drifted');
  expect((await h.plan({ prune: true, force: true })).entries.find((e) => e.name === SEARCH)!.action).toBe('delete');
});

import { randomUUID } from 'node:crypto';
import { collect, rejection, SCOPE, sdkClients, statusRecorder } from './sdk-clients';
import { type RunningEmulator, startEmulator } from './server';

const { resourceGroup: RG, workspace: WS } = SCOPE;
let emulator: RunningEmulator;
let sentinel: ReturnType<typeof sdkClients>['sentinel'];

beforeAll(async () => {
  emulator = await startEmulator({ pageSize: 4 });
  sentinel = sdkClients(emulator).sentinel;
});
afterAll(() => emulator.close());
beforeEach(() => emulator.store.clear());

const csv = (rows: string[]) => ['UserPrincipalName,Role', ...rows].join('\r\n');
const watchlist = (rawContent: string, extra: Record<string, unknown> = {}) => ({
  displayName: 'Allowed FIC actors',
  provider: 'sentinel-cac',
  source: 'allowed-actors.csv',
  itemsSearchKey: 'UserPrincipalName',
  contentType: 'text/csv',
  rawContent,
  ...extra,
});

describe('watchlists through the real SDK', () => {
  test('a PUT with CSV rawContent answers 201 and its rows are listable as items across pages', async () => {
    const rec = statusRecorder();
    const rows = Array.from({ length: 10 }, (_, i) => `user${i}@contoso.example,admin`);
    const created = await sentinel.watchlists.createOrUpdate(RG, WS, 'allowed-actors', watchlist(csv(rows)), { onResponse: rec.onResponse });
    expect(rec.statuses).toEqual([201]);
    expect(created).toMatchObject({ watchlistAlias: 'allowed-actors', itemsSearchKey: 'UserPrincipalName', uploadStatus: 'Complete' });
    expect(created.rawContent).toBeUndefined();
    const items = await collect(sentinel.watchlistItems.list(RG, WS, 'allowed-actors'));
    expect(items.map((i) => i.itemsKeyValue?.UserPrincipalName)).toEqual(rows.map((r) => r.split(',')[0]));
    expect(items[0].itemsKeyValue).toEqual({ UserPrincipalName: 'user0@contoso.example', Role: 'admin' });
    expect(emulator.stats.byResourceType.watchlistItems.reads).toBe(3); // 4 + 4 + 2
  });

  test('numberOfLinesToSkip skips lines before the header', async () => {
    await sentinel.watchlists.createOrUpdate(RG, WS, 'skipped', watchlist(`exported by HR\nsecond note\n${csv(['a@x,dev'])}`, { numberOfLinesToSkip: 2 }));
    const items = await collect(sentinel.watchlistItems.list(RG, WS, 'skipped'));
    expect(items.map((i) => i.itemsKeyValue)).toEqual([{ UserPrincipalName: 'a@x', Role: 'dev' }]);
  });

  test('an itemsSearchKey that is not a column is a 400 naming the columns', async () => {
    const error = await rejection(sentinel.watchlists.createOrUpdate(RG, WS, 'bad-key', watchlist(csv(['a@x,dev']), { itemsSearchKey: 'Upn' })));
    expect(error).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    expect(error.message).toContain("'Upn' is not a column");
    expect(error.message).toContain('UserPrincipalName, Role');
  });

  test('rawContent over 3.8 MB is rejected with 400 and nothing is stored', async () => {
    const row = `${'x'.repeat(90)}@contoso.example,admin`;
    const big = csv(Array.from({ length: Math.ceil((3.9 * 1024 * 1024) / row.length) }, () => row));
    const error = await rejection(sentinel.watchlists.createOrUpdate(RG, WS, 'too-big', watchlist(big)));
    expect(error).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    expect(error.message).toMatch(/3\.8 MB/);
    expect(emulator.store.get(emulator.ids.watchlist(SCOPE, 'too-big'))).toBeUndefined();
  });

  test('items are readable and writable through the watchlistItems API', async () => {
    await sentinel.watchlists.createOrUpdate(RG, WS, 'allowed-actors', watchlist(csv(['a@x,dev'])));
    const id = randomUUID();
    const rec = statusRecorder();
    await sentinel.watchlistItems.createOrUpdate(RG, WS, 'allowed-actors', id, { itemsKeyValue: { UserPrincipalName: 'b@x', Role: 'ops' } }, { onResponse: rec.onResponse });
    const updated = await sentinel.watchlistItems.createOrUpdate(RG, WS, 'allowed-actors', id, { itemsKeyValue: { UserPrincipalName: 'b@x', Role: 'admin' } }, { onResponse: rec.onResponse });
    expect(rec.statuses).toEqual([201, 200]);
    expect((await sentinel.watchlistItems.get(RG, WS, 'allowed-actors', id)).itemsKeyValue).toEqual({ UserPrincipalName: 'b@x', Role: 'admin' });
    const stale = await rejection(sentinel.watchlistItems.createOrUpdate(RG, WS, 'allowed-actors', id, { etag: '"stale"', itemsKeyValue: { UserPrincipalName: 'b@x' } }));
    expect(stale.statusCode).toBe(409);
    expect(updated.etag).toBeDefined();
    await sentinel.watchlistItems.delete(RG, WS, 'allowed-actors', id);
    expect(await collect(sentinel.watchlistItems.list(RG, WS, 'allowed-actors'))).toHaveLength(1);
  });

  test('a re-upload updates items with the same search key in place and adds new ones (upsert)', async () => {
    await sentinel.watchlists.createOrUpdate(RG, WS, 'allowed-actors', watchlist(csv(['a@x,dev', 'b@x,dev'])));
    const before = await collect(sentinel.watchlistItems.list(RG, WS, 'allowed-actors'));
    const rec = statusRecorder();
    await sentinel.watchlists.createOrUpdate(RG, WS, 'allowed-actors', watchlist(csv(['a@x,admin', 'c@x,dev'])), { onResponse: rec.onResponse });
    expect(rec.statuses).toEqual([200]);
    const after = await collect(sentinel.watchlistItems.list(RG, WS, 'allowed-actors'));
    const byKey = Object.fromEntries(after.map((i) => [i.itemsKeyValue?.UserPrincipalName as string, i]));
    expect(Object.keys(byKey).sort()).toEqual(['a@x', 'b@x', 'c@x']);
    expect(byKey['a@x'].name).toBe(before.find((i) => i.itemsKeyValue?.UserPrincipalName === 'a@x')?.name);
    expect(byKey['a@x'].itemsKeyValue?.Role).toBe('admin');
  });

  test('items of a missing watchlist are a 404, an item id that is not a GUID a 400', async () => {
    expect((await rejection(collect(sentinel.watchlistItems.list(RG, WS, 'nope')))).statusCode).toBe(404);
    await sentinel.watchlists.createOrUpdate(RG, WS, 'allowed-actors', watchlist(csv([])));
    const error = await rejection(sentinel.watchlistItems.createOrUpdate(RG, WS, 'allowed-actors', 'item-1', { itemsKeyValue: { UserPrincipalName: 'a' } }));
    expect(error).toMatchObject({ statusCode: 400 });
  });

  test('deleting a watchlist deletes its items; an alias that is too short is a 400', async () => {
    await sentinel.watchlists.createOrUpdate(RG, WS, 'allowed-actors', watchlist(csv(['a@x,dev'])));
    await sentinel.watchlists.delete(RG, WS, 'allowed-actors');
    expect(emulator.store.list({ type: 'watchlistItems' })).toEqual([]);
    expect((await rejection(sentinel.watchlists.createOrUpdate(RG, WS, 'ab', watchlist(csv([]))))).statusCode).toBe(400);
  });
});

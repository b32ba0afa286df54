import { rejection, SCOPE, sdkClients, statusRecorder } from './sdk-clients';
import { type RunningEmulator, startEmulator } from './server';

const { resourceGroup: RG, workspace: WS } = SCOPE;
let emulator: RunningEmulator;
let logAnalytics: ReturnType<typeof sdkClients>['logAnalytics'];

beforeAll(async () => {
  emulator = await startEmulator({ pageSize: 2 });
  logAnalytics = sdkClients(emulator).logAnalytics;
});
afterAll(() => emulator.close());
beforeEach(() => emulator.store.clear());

const hunting = (query = 'AzureActivity | take 10') => ({ category: 'Hunting Queries', displayName: 'Cloud Shell usage', query, version: 2, tags: [{ name: 'tactics', value: 'Execution' }] });

describe('saved searches (hunting queries) through the real SDK', () => {
  test('PUT answers 200 on create and update; the SDK path uses lowercase resourcegroups', async () => {
    const rec = statusRecorder();
    const created = await logAnalytics.savedSearches.createOrUpdate(RG, WS, 'hunt-1', hunting(), { onResponse: rec.onResponse });
    await logAnalytics.savedSearches.createOrUpdate(RG, WS, 'hunt-1', { ...hunting('AzureActivity | take 1'), etag: created.etag }, { onResponse: rec.onResponse });
    expect(rec.statuses).toEqual([200, 200]);
    expect(emulator.requestLog[0].path).toContain('/resourcegroups/');
    expect((await logAnalytics.savedSearches.get(RG, WS, 'hunt-1')).query).toBe('AzureActivity | take 1');
    expect(created.etag).toMatch(/^W\/"datetime'/);
  });

  test('updating without an etag, or with a stale one, is 409 "Newer data exists"; "*" overwrites', async () => {
    const created = await logAnalytics.savedSearches.createOrUpdate(RG, WS, 'hunt-1', hunting());
    const noEtag = await rejection(logAnalytics.savedSearches.createOrUpdate(RG, WS, 'hunt-1', hunting('x')));
    expect(noEtag).toMatchObject({ statusCode: 409, code: 'Conflict' });
    expect(noEtag.message).toContain('Newer data exists');
    await logAnalytics.savedSearches.createOrUpdate(RG, WS, 'hunt-1', { ...hunting('y'), etag: '*' });
    const stale = await rejection(logAnalytics.savedSearches.createOrUpdate(RG, WS, 'hunt-1', { ...hunting('z'), etag: created.etag }));
    expect(stale.statusCode).toBe(409);
  });

  test('the list is one page without nextLink, whatever the page size', async () => {
    for (const id of ['h1', 'h2', 'h3']) await logAnalytics.savedSearches.createOrUpdate(RG, WS, id, hunting());
    const list = await logAnalytics.savedSearches.listByWorkspace(RG, WS);
    expect(list.value?.map((s) => s.name)).toEqual(['h1', 'h2', 'h3']);
  });

  test('delete answers 200 even for a missing search; get of a missing one is 404', async () => {
    await logAnalytics.savedSearches.createOrUpdate(RG, WS, 'hunt-1', hunting());
    const rec = statusRecorder();
    await logAnalytics.savedSearches.delete(RG, WS, 'hunt-1', { onResponse: rec.onResponse });
    await logAnalytics.savedSearches.delete(RG, WS, 'hunt-1', { onResponse: rec.onResponse });
    expect(rec.statuses).toEqual([200, 200]);
    expect((await rejection(logAnalytics.savedSearches.get(RG, WS, 'hunt-1'))).statusCode).toBe(404);
  });

  test('a search without the required category is a 400 from the 2020-08-01 spec', async () => {
    const { category: _omitted, ...withoutCategory } = hunting();
    const error = await rejection(logAnalytics.savedSearches.createOrUpdate(RG, WS, 'hunt-1', withoutCategory as ReturnType<typeof hunting>));
    expect(error).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    expect(error.message).toContain('properties.category: is required');
  });
});

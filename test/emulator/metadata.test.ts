import type { MetadataModel } from '@azure/arm-securityinsight';
import { collect, rejection, SCOPE, sdkClients, statusRecorder } from './sdk-clients';
import { type RunningEmulator, startEmulator } from './server';

const { resourceGroup: RG, workspace: WS } = SCOPE;
let emulator: RunningEmulator;
let sentinel: ReturnType<typeof sdkClients>['sentinel'];

beforeAll(async () => {
  emulator = await startEmulator({ pageSize: 2 });
  sentinel = sdkClients(emulator).sentinel;
});
afterAll(() => emulator.close());
beforeEach(() => emulator.store.clear());

function metadataFor(kind: 'AnalyticsRule' | 'HuntingQuery' | 'Watchlist', name: string, sourceKind = 'SourceRepository'): MetadataModel {
  const type = { AnalyticsRule: 'alertRules', HuntingQuery: 'savedSearches', Watchlist: 'watchlists' }[kind];
  return {
    kind,
    parentId: `${emulator.ids.workspace(SCOPE)}/providers/Microsoft.SecurityInsights/${type}/${name}`,
    contentId: name,
    version: '1.0.0',
    source: { kind: sourceKind, name: 'sentinel-cac' },
    customVersion: 'sha256:abc',
  };
}

async function seed(): Promise<void> {
  await sentinel.metadata.create(RG, WS, 'analyticsrule-r1', metadataFor('AnalyticsRule', 'r1'));
  await sentinel.metadata.create(RG, WS, 'analyticsrule-r2', metadataFor('AnalyticsRule', 'r2'));
  await sentinel.metadata.create(RG, WS, 'analyticsrule-r3', metadataFor('AnalyticsRule', 'r3', 'LocalWorkspace'));
  await sentinel.metadata.create(RG, WS, 'huntingquery-h1', metadataFor('HuntingQuery', 'h1'));
  await sentinel.metadata.create(RG, WS, 'watchlist-w1', metadataFor('Watchlist', 'w1'));
}

describe('Sentinel metadata through the real SDK', () => {
  test('create 201 / update 200 / get / delete 200 then 204', async () => {
    const rec = statusRecorder();
    await sentinel.metadata.create(RG, WS, 'analyticsrule-r1', metadataFor('AnalyticsRule', 'r1'), { onResponse: rec.onResponse });
    await sentinel.metadata.create(RG, WS, 'analyticsrule-r1', { ...metadataFor('AnalyticsRule', 'r1'), version: '1.0.1' }, { onResponse: rec.onResponse });
    expect((await sentinel.metadata.get(RG, WS, 'analyticsrule-r1')).version).toBe('1.0.1');
    await sentinel.metadata.delete(RG, WS, 'analyticsrule-r1', { onResponse: rec.onResponse });
    await sentinel.metadata.delete(RG, WS, 'analyticsrule-r1', { onResponse: rec.onResponse });
    expect(rec.statuses).toEqual([201, 200, 200, 204]);
  });

  test('$filter on properties/kind, properties/source/kind and properties/parentId with eq', async () => {
    await seed();
    const names = async (filter: string) => (await collect(sentinel.metadata.list(RG, WS, { filter }))).map((m) => m.name).sort();
    expect(await names("properties/kind eq 'AnalyticsRule'")).toEqual(['analyticsrule-r1', 'analyticsrule-r2', 'analyticsrule-r3']);
    expect(await names("properties/source/kind eq 'SourceRepository' and properties/kind eq 'AnalyticsRule'")).toEqual(['analyticsrule-r1', 'analyticsrule-r2']);
    expect(await names(`properties/parentId eq '${metadataFor('HuntingQuery', 'h1').parentId}'`)).toEqual(['huntingquery-h1']);
    expect(await names("properties/kind eq 'HuntingQuery' or properties/kind eq 'Watchlist'")).toEqual(['huntingquery-h1', 'watchlist-w1']);
  });

  test('$top and $skip window the results and pages still chain by nextLink', async () => {
    await seed();
    const names = async (options: { top?: number; skip?: number; orderby?: string }) => (await collect(sentinel.metadata.list(RG, WS, options))).map((m) => m.name);
    expect(await names({ orderby: 'name desc' })).toEqual(['watchlist-w1', 'huntingquery-h1', 'analyticsrule-r3', 'analyticsrule-r2', 'analyticsrule-r1']);
    expect(await names({ top: 3 })).toEqual(['analyticsrule-r1', 'analyticsrule-r2', 'analyticsrule-r3']);
    expect(await names({ skip: 3 })).toEqual(['huntingquery-h1', 'watchlist-w1']);
  });

  test('an unsupported $filter is a 400 that says what is supported', async () => {
    const error = await rejection(collect(sentinel.metadata.list(RG, WS, { filter: "properties/version gt '1.0'" })));
    expect(error).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    expect(error.message).toContain('unsupported operator "gt"');
  });

  test('PATCH merges properties, keeps the rest, and needs an existing item', async () => {
    await seed();
    const patched = await sentinel.metadata.update(RG, WS, 'analyticsrule-r1', { customVersion: 'sha256:def' });
    expect(patched).toMatchObject({ customVersion: 'sha256:def', version: '1.0.0', kind: 'AnalyticsRule' });
    expect((await rejection(sentinel.metadata.update(RG, WS, 'missing', { version: '2' }))).statusCode).toBe(404);
  });

  test('metadata without the required parentId is a 400', async () => {
    const { parentId: _omitted, ...withoutParent } = metadataFor('AnalyticsRule', 'r1');
    const error = await rejection(sentinel.metadata.create(RG, WS, 'analyticsrule-r1', withoutParent));
    expect(error).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    expect(error.message).toContain('properties.parentId: is required');
  });
});

import type { FusionAlertRule, ScheduledAlertRule } from '@azure/arm-securityinsight';
import { collect, nrtRule, rejection, SCOPE, scheduledRule, sdkClients, statusRecorder } from './sdk-clients';
import { type RunningEmulator, startEmulator } from './server';

const { resourceGroup: RG, workspace: WS } = SCOPE;
let emulator: RunningEmulator;
let sentinel: ReturnType<typeof sdkClients>['sentinel'];

beforeAll(async () => {
  emulator = await startEmulator({ pageSize: 3 });
  sentinel = sdkClients(emulator).sentinel;
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.store.clear();
  emulator.faults.clear();
});

describe('alert rules through the real SDK', () => {
  test('create answers 201, update 200, and both return kind, etag, lastModifiedUtc and systemData', async () => {
    const rec = statusRecorder();
    const created = (await sentinel.alertRules.createOrUpdate(RG, WS, 'rule-1', scheduledRule(), { onResponse: rec.onResponse })) as ScheduledAlertRule;
    const updated = (await sentinel.alertRules.createOrUpdate(RG, WS, 'rule-1', scheduledRule({ severity: 'Low' }), { onResponse: rec.onResponse })) as ScheduledAlertRule;
    expect(rec.statuses).toEqual([201, 200]);
    expect(created.kind).toBe('Scheduled');
    expect(created.id).toBe(emulator.ids.alertRule(SCOPE, 'rule-1'));
    expect(created.lastModifiedUtc).toBeInstanceOf(Date);
    expect(created.systemData?.createdByType).toBe('Application');
    expect(updated.severity).toBe('Low');
    expect(updated.etag).not.toBe(created.etag);
  });

  test('get returns what was stored, and a missing rule is a 404 NotFound RestError', async () => {
    await sentinel.alertRules.createOrUpdate(RG, WS, 'rule-1', scheduledRule());
    const got = (await sentinel.alertRules.get(RG, WS, 'RULE-1')) as ScheduledAlertRule;
    expect(got.query).toContain('federated identity credential');
    const error = await rejection(sentinel.alertRules.get(RG, WS, 'no-such-rule'));
    expect(error).toMatchObject({ statusCode: 404, code: 'NotFound' });
    expect(error.message).toContain("'no-such-rule'");
  });

  test('delete answers 200 for an existing rule and 204 for a missing one', async () => {
    await sentinel.alertRules.createOrUpdate(RG, WS, 'rule-1', nrtRule());
    const rec = statusRecorder();
    await sentinel.alertRules.delete(RG, WS, 'rule-1', { onResponse: rec.onResponse });
    await sentinel.alertRules.delete(RG, WS, 'rule-1', { onResponse: rec.onResponse });
    expect(rec.statuses).toEqual([200, 204]);
    expect(emulator.store.get(emulator.ids.alertRule(SCOPE, 'rule-1'))).toBeUndefined();
  });

  test('the list iterator follows nextLink across several pages', async () => {
    for (let i = 0; i < 8; i++) await sentinel.alertRules.createOrUpdate(RG, WS, `rule-${i}`, i % 2 ? nrtRule() : scheduledRule());
    emulator.resetStats();
    const rules = await collect(sentinel.alertRules.list(RG, WS));
    expect(rules.map((r) => r.name)).toEqual(['rule-0', 'rule-1', 'rule-2', 'rule-3', 'rule-4', 'rule-5', 'rule-6', 'rule-7']);
    expect(rules.map((r) => r.kind)).toEqual(['Scheduled', 'NRT', 'Scheduled', 'NRT', 'Scheduled', 'NRT', 'Scheduled', 'NRT']);
    expect(emulator.stats.byResourceType.alertRules.reads).toBe(3); // pages of 3, 3, 2
    expect(emulator.requestLog.every((e) => e.path.includes('api-version=2022-09-01-preview'))).toBe(true);
  });

  test('workspaces are separate and come into being on first use', async () => {
    await sentinel.alertRules.createOrUpdate(RG, 'law-other', 'rule-1', scheduledRule());
    expect(await collect(sentinel.alertRules.list(RG, WS))).toEqual([]);
    expect(await collect(sentinel.alertRules.list(RG, 'law-other'))).toHaveLength(1);
    expect(emulator.store.workspaceScopes().map((s) => s.workspace).sort()).toEqual(['law-other', 'law-sentinel']);
  });

  test('a kind the project does not author (Fusion) is validated by the spec and stored as it came', async () => {
    const fusion: FusionAlertRule = { kind: 'Fusion', alertRuleTemplateName: 'f71aba3d-28fb-450b-b192-4e76a83015c8', enabled: true };
    const stored = await sentinel.alertRules.createOrUpdate(RG, WS, 'BuiltInFusion', fusion);
    expect(stored.kind).toBe('Fusion');
    expect((await sentinel.alertRules.get(RG, WS, 'BuiltInFusion')).kind).toBe('Fusion');
  });

  test('a PUT with a stale etag is a 409 Conflict; no etag overwrites; the current etag updates', async () => {
    const first = await sentinel.alertRules.createOrUpdate(RG, WS, 'rule-1', scheduledRule());
    const second = await sentinel.alertRules.createOrUpdate(RG, WS, 'rule-1', scheduledRule({ displayName: 'v2' }));
    const stale = await rejection(sentinel.alertRules.createOrUpdate(RG, WS, 'rule-1', scheduledRule({ etag: first.etag, displayName: 'v3' })));
    expect(stale).toMatchObject({ statusCode: 409, code: 'Conflict' });
    const third = (await sentinel.alertRules.createOrUpdate(RG, WS, 'rule-1', scheduledRule({ etag: second.etag, displayName: 'v3' }))) as ScheduledAlertRule;
    expect(third.displayName).toBe('v3');
  });

  test('changing the kind of an existing rule is refused', async () => {
    await sentinel.alertRules.createOrUpdate(RG, WS, 'rule-1', scheduledRule());
    const error = await rejection(sentinel.alertRules.createOrUpdate(RG, WS, 'rule-1', nrtRule()));
    expect(error).toMatchObject({ statusCode: 400 });
    expect(error.message).toContain('from Scheduled to NRT');
  });
});

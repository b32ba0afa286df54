import type { ScheduledAlertRule } from '@azure/arm-securityinsight';
import { rejection, SCOPE, scheduledRule, sdkClients } from './sdk-clients';
import { type RunningEmulator, startEmulator } from './server';

const { resourceGroup: RG, workspace: WS } = SCOPE;
let emulator: RunningEmulator;
let sentinel: ReturnType<typeof sdkClients>['sentinel'];
const RULE = 'rule-1';

beforeAll(async () => {
  emulator = await startEmulator();
  sentinel = sdkClients(emulator).sentinel; // maxRetries 3, 20 ms base delay
});
afterAll(() => emulator.close());
beforeEach(async () => {
  emulator.faults.clear();
  emulator.store.clear();
  emulator.store.set(emulator.ids.alertRule(SCOPE, RULE), { kind: 'Scheduled', properties: scheduledRule() });
  emulator.resetStats();
});

const statuses = () => emulator.requestLog.map((e) => e.status);

describe('fault injection against the real SDK retry policy', () => {
  test('a 429 with Retry-After (seconds) is retried after that wait and succeeds', async () => {
    emulator.faults.throttleNext(1, { retryAfterSeconds: 1 });
    const started = Date.now();
    await expect(sentinel.alertRules.get(RG, WS, RULE)).resolves.toMatchObject({ name: RULE });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(statuses()).toEqual([429, 200]);
    expect(emulator.stats.injectedStatus).toBe(1);
  });

  test('a 429 with retry-after-ms is retried too', async () => {
    emulator.faults.throttleNext(2, { retryAfterMs: 30 });
    await sentinel.alertRules.get(RG, WS, RULE);
    expect(statuses()).toEqual([429, 429, 200]);
  });

  test('a 429 without Retry-After is not retried by the SDK: it surfaces as a 429 RestError after one request', async () => {
    emulator.faults.throttleNext(1);
    const error = await rejection(sentinel.alertRules.get(RG, WS, RULE));
    expect(error).toMatchObject({ statusCode: 429, code: 'TooManyRequests' });
    expect(statuses()).toEqual([429]);
  });

  test('a 503 is retried with exponential backoff and succeeds', async () => {
    emulator.faults.failNext(2, { status: 503 });
    await sentinel.alertRules.get(RG, WS, RULE);
    expect(statuses()).toEqual([503, 503, 200]);
  });

  test('503s beyond maxRetries surface as a ServiceUnavailable RestError after 4 attempts', async () => {
    emulator.faults.failNext(10, { status: 503 });
    const error = await rejection(sentinel.alertRules.get(RG, WS, RULE));
    expect(error).toMatchObject({ statusCode: 503, code: 'ServiceUnavailable' });
    expect(statuses()).toEqual([503, 503, 503, 503]);
  });

  test('a connection reset mid-request is retried and succeeds', async () => {
    emulator.faults.resetConnectionNext(1, { method: 'PUT' });
    await sentinel.alertRules.createOrUpdate(RG, WS, RULE, scheduledRule({ displayName: 'after reset' }));
    expect(statuses()).toEqual([0, 200]);
    expect(emulator.requestLog[0].fault).toBe('connection-reset');
    expect(emulator.stats.connectionResets).toBe(1);
    expect(emulator.store.get(emulator.ids.alertRule(SCOPE, RULE))?.properties.displayName).toBe('after reset');
  });

  test('added latency applies to every request', async () => {
    emulator.faults.setLatency(150);
    const started = Date.now();
    await sentinel.alertRules.get(RG, WS, RULE);
    await sentinel.alertRules.get(RG, WS, RULE);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(emulator.requestLog.every((e) => e.durationMs >= 145)).toBe(true);
  });

  test('every nth matching request fails, and a matcher keeps other requests out of it', async () => {
    emulator.faults.failEveryNth(3, { status: 500, match: { method: 'GET', path: '/alertRules/' } });
    const headers = { authorization: 'Bearer t' };
    const url = `${emulator.url}${emulator.ids.alertRule(SCOPE, RULE)}?api-version=2022-09-01-preview`;
    const seen: number[] = [];
    for (let i = 0; i < 7; i++) seen.push((await fetch(url, { headers })).status);
    expect(seen).toEqual([200, 200, 500, 200, 200, 500, 200]);
    const body = { kind: 'Scheduled', properties: scheduledRule() };
    expect((await fetch(url, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) })).status).toBe(200);
  });

  test('a portal edit between a read and a conditional write makes the write a 409', async () => {
    const read = await sentinel.alertRules.get(RG, WS, RULE);
    emulator.faults.beforeNext({ method: 'PUT' }, () => {
      emulator.store.portalEdit(emulator.ids.alertRule(SCOPE, RULE), (rule) => {
        rule.properties.severity = 'Low';
      });
    });
    const error = await rejection(sentinel.alertRules.createOrUpdate(RG, WS, RULE, scheduledRule({ etag: read.etag })));
    expect(error).toMatchObject({ statusCode: 409, code: 'Conflict' });
    const now = (await sentinel.alertRules.get(RG, WS, RULE)) as ScheduledAlertRule;
    expect(now.severity).toBe('Low');
    expect(now.etag).not.toBe(read.etag);
    expect(now.systemData?.lastModifiedByType).toBe('User');
  });

  test('portalEdit on demand changes the resource and its etag', async () => {
    const id = emulator.ids.alertRule(SCOPE, RULE);
    const before = emulator.store.get(id);
    const after = emulator.store.portalEdit(id);
    expect(after.etag).not.toBe(before?.etag);
    expect(after.properties.displayName).toBe(`${before?.properties.displayName} (edited in portal)`);
    expect(() => emulator.store.portalEdit(emulator.ids.alertRule(SCOPE, 'missing'))).toThrow(/no such resource/);
  });

  test('the request log and counters can be read and reset', async () => {
    await sentinel.alertRules.get(RG, WS, RULE);
    await sentinel.alertRules.delete(RG, WS, RULE);
    expect(emulator.stats).toMatchObject({ total: 2, reads: 1, deletes: 1, writes: 0 });
    expect(emulator.stats.byResourceType.alertRules).toEqual({ reads: 1, writes: 0, deletes: 1 });
    expect(emulator.requestLog.map((e) => [e.method, e.status, e.resourceType])).toEqual([
      ['GET', 200, 'alertRules'],
      ['DELETE', 200, 'alertRules'],
    ]);
    emulator.resetStats();
    expect(emulator.stats.total).toBe(0);
    expect(emulator.requestLog).toEqual([]);
  });
});

import { ArmThrottle, operationClass, TokenBucket } from './token-bucket';
import { rejection, SCOPE, scheduledRule, sdkClients } from './sdk-clients';
import { type RunningEmulator, startEmulator } from './server';

describe('TokenBucket', () => {
  test('starts full, empties one token per take, and refills at its rate', () => {
    let now = 0;
    const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 2 }, () => now);
    expect([bucket.take(), bucket.take(), bucket.take()].map((r) => r.remaining)).toEqual([2, 1, 0]);
    expect(bucket.take()).toEqual({ ok: false, remaining: 0, retryAfterSeconds: 1 });
    now = 500; // half a second refills one token
    expect(bucket.take()).toEqual({ ok: true, remaining: 0 });
    now = 60_000;
    expect(bucket.remaining()).toBe(3); // never above capacity
  });

  test('Retry-After rounds the time to the next token up to whole seconds', () => {
    const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 0.25 }, () => 0);
    bucket.take();
    expect(bucket.take()).toMatchObject({ ok: false, retryAfterSeconds: 4 });
  });

  test('ArmThrottle keeps separate read, write and delete buckets per subscription', () => {
    const throttle = new ArmThrottle({ reads: { capacity: 1, refillPerSecond: 1 }, writes: { capacity: 1, refillPerSecond: 1 }, deletes: { capacity: 1, refillPerSecond: 1 } }, () => 0);
    expect(throttle.take('sub-a', 'PUT')).toMatchObject({ ok: true, operation: 'writes' });
    expect(throttle.take('sub-a', 'PATCH')).toMatchObject({ ok: false, operation: 'writes' });
    expect(throttle.take('sub-a', 'GET')).toMatchObject({ ok: true, operation: 'reads' });
    expect(throttle.take('sub-a', 'DELETE')).toMatchObject({ ok: true, operation: 'deletes' });
    expect(throttle.take('SUB-B', 'PUT')).toMatchObject({ ok: true });
    expect(operationClass('head')).toBe('reads');
  });

  test('a bucket without capacity or refill is a configuration error', () => {
    expect(() => new TokenBucket({ capacity: 0, refillPerSecond: 1 })).toThrow(/capacity >= 1/);
  });
});

describe('ARM throttling in the emulator', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ throttle: { writes: { capacity: 5, refillPerSecond: 1 } } });
  });
  afterAll(() => emulator.close());

  test('a burst of writes empties the write bucket: 429 SubscriptionRequestsThrottled with Retry-After, and the remaining-writes header counts down', async () => {
    const { sentinel } = sdkClients(emulator, { maxRetries: 0 });
    const remaining: (string | undefined)[] = [];
    const onResponse = (raw: { headers: { get(name: string): string | undefined } }) => remaining.push(raw.headers.get('x-ms-ratelimit-remaining-subscription-writes'));
    for (let i = 0; i < 5; i++) await sentinel.alertRules.createOrUpdate(SCOPE.resourceGroup, SCOPE.workspace, `r${i}`, scheduledRule(), { onResponse });
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const error = await rejection(sentinel.alertRules.createOrUpdate(SCOPE.resourceGroup, SCOPE.workspace, 'r5', scheduledRule()));
    expect(error).toMatchObject({ statusCode: 429, code: 'SubscriptionRequestsThrottled' });
    expect(emulator.requestLog.at(-1)).toMatchObject({ status: 429, fault: 'arm-throttle' });
    expect(emulator.stats.armThrottled).toBe(1);
    const raw = await fetch(`${emulator.url}${emulator.ids.alertRule(SCOPE, 'r6')}?api-version=2022-09-01-preview`, {
      method: 'PUT',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'Scheduled', properties: scheduledRule() }),
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('1');
    // reads have their own bucket
    await expect(sentinel.alertRules.get(SCOPE.resourceGroup, SCOPE.workspace, 'r0')).resolves.toMatchObject({ name: 'r0' });
  });

  test('with retries, the SDK waits out Retry-After and the throttled write lands', async () => {
    emulator.faults.enableArmThrottling({ writes: { capacity: 1, refillPerSecond: 1 } });
    const { sentinel } = sdkClients(emulator);
    await sentinel.alertRules.createOrUpdate(SCOPE.resourceGroup, SCOPE.workspace, 'a', scheduledRule());
    emulator.resetStats();
    await sentinel.alertRules.createOrUpdate(SCOPE.resourceGroup, SCOPE.workspace, 'b', scheduledRule());
    expect(emulator.requestLog.map((e) => e.status)).toEqual([429, 201]);
    const raw = await fetch(`${emulator.url}${emulator.ids.alertRule(SCOPE, 'a')}?api-version=2022-09-01-preview`, { method: 'DELETE', headers: { authorization: 'Bearer t' } });
    expect(raw.headers.get('x-ms-ratelimit-remaining-subscription-deletes')).toBe('199');
  });
});

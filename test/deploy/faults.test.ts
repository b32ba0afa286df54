import { failures, type Harness, startHarness } from './deploy-harness';
import type { RunningEmulator } from '../emulator';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const RULE = '11111111-1111-4111-8111-111111111111';

async function expectConverged(): Promise<void> {
  h.emulator.faults.clear();
  const plan = await h.plan();
  expect(plan.entries.map((e) => e.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
}

const FAULTS: [string, (e: RunningEmulator) => void][] = [
  ['429 with Retry-After', (e) => e.faults.throttleNext(6, { retryAfterMs: 20 })],
  ['429 without Retry-After (the SDK does not retry it; we do)', (e) => e.faults.throttleNext(6)],
  ['500s', (e) => e.faults.failNext(3, { status: 500 })],
  ['503 on every third request', (e) => e.faults.failEveryNth(3, { status: 503 })],
  ['dropped connections', (e) => e.faults.resetConnectionNext(4)],
  ['30 ms latency', (e) => e.faults.setLatency(30)],
  ['ARM token buckets (writes 3, refill 20/s)', (e) => e.faults.enableArmThrottling({ writes: { capacity: 3, refillPerSecond: 20 }, reads: { capacity: 5, refillPerSecond: 50 } })],
];

test.each(FAULTS)('a first deploy through %s converges in one run', async (_name, inject) => {
  inject(h.emulator);
  const result = await h.deploy();
  expect(failures(result)).toEqual([]);
  await expectConverged();
});

test('429s without Retry-After are retried by sentinel-cac, not given up', async () => {
  h.emulator.faults.throttleNext(3, { match: { method: 'PUT', path: 'alertRules' } });
  expect(failures(await h.deploy())).toEqual([]);
  const rulePuts = h.emulator.requestLog.filter((e) => e.method === 'PUT' && /alertRules/i.test(e.path));
  expect(rulePuts.map((e) => e.status)).toEqual([429, 429, 429, 201]);
});

test('a resource that still fails after every retry fails alone, named with its reason; the rest is deployed', async () => {
  h.emulator.faults.failEveryNth(1, { status: 500, match: { method: 'PUT', path: 'alertRules' } });
  const result = await h.deploy();
  const failed = result.results.filter((r) => r.status === 'failed');
  expect(failed.map((r) => r.entry.name)).toEqual([RULE]);
  expect(failed[0].message).toMatch(/^analytics rule "Base rule" \(11111111-1111-4111-8111-111111111111\): 500 InternalServerError after retries: /);
  expect(result.results.filter((r) => r.status === 'done').map((r) => r.entry.kind).sort()).toEqual(['HuntingQuery', 'Watchlist']);
  h.emulator.faults.clear();
  expect(failures(await h.deploy())).toEqual([]);
  await expectConverged();
});

test('a rule edited between plan and apply is not blindly overwritten: the etag conflict names it', async () => {
  await h.deploy();
  const file = require('node:path').join(h.root, 'rules', 'base-rule.ts');
  const fs = require('node:fs');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace("severity: 'Medium'", "severity: 'High'"));
  h.revalidate();
  const clients = h.clients();
  const { planWorkspace } = await import('../../src/deploy/plan-workspace');
  const { applyPlan } = await import('../../src/deploy/apply-plan');
  const planned = await planWorkspace(h.validated, { target: (await import('./deploy-harness')).TARGET }, clients, { sourceId: 'tests/deploy-project', prune: false, force: false });
  h.emulator.store.portalEdit(h.ruleId(RULE));
  const result = await applyPlan(planned.plan!, clients);
  expect(failures(result)).toEqual([expect.stringMatching(/^analytics rule "Base rule" \(11111111-1111-4111-8111-111111111111\) was changed in the workspace after the plan read it \(etag conflict\); not overwritten\./)]);
  expect(h.emulator.store.get(h.ruleId(RULE))!.properties.displayName).toBe('Base rule (edited in portal)');
  expect((await h.plan()).entries.find((e) => e.name === RULE)!.action).toBe('drifted');
  expect(failures(await h.deploy({ force: true }))).toEqual([]);
  expect(h.emulator.store.get(h.ruleId(RULE))!.properties.severity).toBe('High');
  await expectConverged();
});

/** The plan as a pure function: hand-made desired and live states, no HTTP. */
import type { AlertRuleUnion, MetadataModel } from '@azure/arm-securityinsight';
import { contentHash } from '../../src/deploy/canonical-json';
import { computePlan, type PlanOptions } from '../../src/deploy/compute-plan';
import type { DesiredRule, DesiredState } from '../../src/deploy/desired-state';
import type { LiveState } from '../../src/deploy/live-state';
import { ownershipMetadata } from '../../src/deploy/ownership-metadata';
import { comparableAlertRule } from '../../src/deploy/sdk-alert-rule';
import { contentResourceId, type WorkspaceTarget } from '../../src/deploy/workspace-target';

const T: WorkspaceTarget = { name: 't', subscriptionId: '00000000-0000-4000-8000-000000000001', resourceGroup: 'rg', workspace: 'ws' };
const OPTIONS: PlanOptions = { target: T, sourceId: 'me', prune: false, force: false };
const ID = 'aaaaaaaa-0000-4000-8000-000000000001';

function rule(severity: 'High' | 'Low' = 'High', displayName = 'R'): AlertRuleUnion {
  return { kind: 'Scheduled', displayName, severity, query: 'T | take 1', queryFrequency: 'PT1H', queryPeriod: 'PT1H', enabled: true } as AlertRuleUnion;
}

function desired(body: AlertRuleUnion): DesiredState {
  const comparable = comparableAlertRule(body);
  const d: DesiredRule = { kind: 'AnalyticsRule', name: ID, displayName: 'R', file: 'rules/r.ts', version: '1.0.0', body, comparable, hash: contentHash(comparable), notes: [], reads: [], calls: [] };
  return { rules: [d], searches: [], functions: [], watchlists: [] };
}

function record(deployed: AlertRuleUnion, desiredBody: AlertRuleUnion = deployed, sourceId = 'me'): MetadataModel {
  const m = ownershipMetadata({ kind: 'AnalyticsRule', parentId: contentResourceId(T, 'AnalyticsRule', ID), contentId: ID, record: { sourceId, desiredHash: contentHash(comparableAlertRule(desiredBody)), deployedHash: contentHash(comparableAlertRule(deployed)) } });
  return { ...m, name: `sentinel-cac-analyticsrule-${ID}`, etag: '"m1"' };
}

function live(rules: AlertRuleUnion[], metadata: MetadataModel[] = []): LiveState {
  return { rules: new Map(rules.map((r) => [ID, { ...r, name: ID, etag: '"r1"' }])), searches: new Map(), watchlists: new Map(), items: new Map(), metadata };
}

const only = (s: DesiredState, l: LiveState, o: Partial<PlanOptions> = {}) => computePlan(s, l, { ...OPTIONS, ...o }).entries[0];

test('nothing live: create', () => {
  expect(only(desired(rule()), live([])).action).toBe('create');
});

test('live equals the record and the code equals the record: unchanged', () => {
  expect(only(desired(rule()), live([rule()], [record(rule())])).action).toBe('unchanged');
});

test('code differs from the record, live equals the record: update with the property diff', () => {
  const e = only(desired(rule('Low')), live([rule()], [record(rule())]));
  expect([e.action, e.changes]).toEqual(['update', [{ path: 'severity', before: 'High', after: 'Low' }]]);
});

test('live differs from the record: drifted, or update with --force', () => {
  const edited = rule('High', 'R (portal)');
  expect(only(desired(rule()), live([edited], [record(rule())])).action).toBe('drifted');
  const forced = only(desired(rule()), live([edited], [record(rule())]), { force: true });
  expect([forced.action, forced.drifted]).toEqual(['update', true]);
});

test('the service filling in defaults is not drift: desired and deployed hashes are kept apart', () => {
  const returned = { ...rule(), suppressionDuration: 'PT5H', suppressionEnabled: false } as AlertRuleUnion;
  expect(only(desired(rule()), live([returned], [record(returned, rule())])).action).toBe('unchanged');
});

test('live without our record: adopted when it matches the code, blocked otherwise', () => {
  const adopt = only(desired(rule()), live([rule()]));
  expect([adopt.action, adopt.metadataOnly]).toEqual(['update', true]);
  expect(only(desired(rule()), live([rule('Low')])).action).toBe('blocked');
});

test('a record from another project blocks; ours is matched by sourceId', () => {
  expect(only(desired(rule()), live([rule()], [record(rule(), rule(), 'someone-else')])).action).toBe('blocked');
});

test('owned content not in code: kept without --prune, deleted with it, drift protects it without --force', () => {
  const empty: DesiredState = { rules: [], searches: [], functions: [], watchlists: [] };
  expect(only(empty, live([rule()], [record(rule())])).action).toBe('unchanged');
  expect(only(empty, live([rule()], [record(rule())]), { prune: true }).action).toBe('delete');
  expect(only(empty, live([rule('Low')], [record(rule())]), { prune: true }).action).toBe('drifted');
  const gone = only(empty, live([], [record(rule())]), { prune: true });
  expect([gone.action, gone.metadataOnly]).toEqual(['delete', true]);
});

test('unowned live content is counted, never planned', () => {
  const plan = computePlan({ rules: [], searches: [], functions: [], watchlists: [] }, live([rule()]), { ...OPTIONS, prune: true });
  expect(plan.entries).toEqual([]);
  expect(plan.unowned.AnalyticsRule).toBe(1);
});

import { buildAlerts, MAX_ALERTS_PER_RUN, triggerHolds } from '../../src/simulate/build-alerts';
import { scopeRows } from '../../src/simulate/lookback-window';
import type { AnalyticsRuleProps } from '../../src/model/analytics-rule';
import { kql } from '../../src/model/kql-source';

const base: AnalyticsRuleProps = {
  id: '11111111-1111-4111-8111-111111111111',
  version: '1.0.0',
  name: 'Rule',
  description: 'Default description',
  severity: 'Medium',
  tactics: ['Persistence'],
  query: kql`print 1`,
  queryFrequency: '1h',
  queryPeriod: '1h',
};

const rows = (n: number): Record<string, unknown>[] => Array.from({ length: n }, (_, i) => ({ User: `u${i}`, Ip: i % 2 ? '' : `192.0.2.${i}`, Sev: 'high', Tac: 'Persistence,Bogus,Execution' }));

describe('trigger', () => {
  it.each([
    ['GreaterThan', 2, 3, true],
    ['GreaterThan', 3, 3, false],
    ['LessThan', 1, 0, true],
    ['Equal', 2, 2, true],
    ['NotEqual', 2, 2, false],
  ] as const)('%s %d with %d rows -> %s', (operator, threshold, count, expected) => {
    expect(triggerHolds({ ...base, trigger: { operator, threshold } }, count)).toBe(expected);
  });

  it('an NRT rule fires on any row and not on none', () => {
    const nrt: AnalyticsRuleProps = { ...base, kind: 'NRT' } as AnalyticsRuleProps;
    expect([triggerHolds(nrt, 0), triggerHolds(nrt, 1)]).toEqual([false, true]);
  });
});

describe('event grouping and alert content', () => {
  it('SingleAlert puts every event in one alert, with entities merged and empty identifiers skipped', () => {
    const rule: AnalyticsRuleProps = { ...base, entityMappings: [{ entityType: 'IP', fieldMappings: [{ identifier: 'Address', columnName: 'Ip' }] }] };
    const [alert, ...rest] = buildAlerts(rule, rows(4));
    expect(rest).toEqual([]);
    expect(alert.events).toBe(4);
    expect(alert.entities).toEqual([
      { entityType: 'IP', identifiers: { Address: '192.0.2.0' } },
      { entityType: 'IP', identifiers: { Address: '192.0.2.2' } },
    ]);
  });

  it('AlertPerResult makes one alert per event', () => {
    expect(buildAlerts({ ...base, eventGrouping: 'AlertPerResult' }, rows(3)).map((a) => a.events)).toEqual([1, 1, 1]);
  });

  it('past 150 events, 149 alerts carry one event each and the 150th summarizes them all', () => {
    const alerts = buildAlerts({ ...base, eventGrouping: 'AlertPerResult' }, rows(400));
    expect(alerts).toHaveLength(MAX_ALERTS_PER_RUN);
    expect(alerts[148].events).toBe(1);
    expect(alerts[149].events).toBe(400);
  });

  it('renders placeholders from the first event and applies the severity and tactics overrides', () => {
    const rule: AnalyticsRuleProps = {
      ...base,
      alertDetailsOverride: { alertDisplayNameFormat: 'Sign-in by {{User}}', alertDescriptionFormat: '{{User}} from {{Ip}}', alertSeverityColumnName: 'Sev', alertTacticsColumnName: 'Tac' },
      customDetails: { Who: 'User' },
    };
    const [alert] = buildAlerts(rule, rows(2));
    expect(alert).toMatchObject({ displayName: 'Sign-in by u0', description: 'u0 from 192.0.2.0', severity: 'High', tactics: ['Persistence', 'Execution'], customDetails: { Who: ['u0', 'u1'] } });
  });

  it('keeps the rule severity when the override column holds no valid severity', () => {
    const [alert] = buildAlerts({ ...base, alertDetailsOverride: { alertSeverityColumnName: 'User' } }, rows(1));
    expect(alert.severity).toBe('Medium');
  });
});

describe('lookback scoping', () => {
  it('keeps rows inside (now - period, now] and treats rows without TimeGenerated as at now', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    const scoped = scopeRows([{ TimeGenerated: '2026-01-01T10:59:00Z' }, { TimeGenerated: '2026-01-01T11:30:00Z' }, { TimeGenerated: '2026-01-01T12:01:00Z' }, {}], now, 60);
    expect(scoped.map((r) => r.TimeGenerated)).toEqual(['2026-01-01T11:30:00Z', '2026-01-01T12:00:00.000Z']);
  });
});

describe('lookback scoping at the window edges', () => {
  const now = new Date('2026-01-01T12:00:00.500Z');
  it.each([
    ['2026-01-01T11:00:00.500Z', false],
    ['2026-01-01T11:00:00.501Z', true],
    ['2026-01-01T12:00:00.5Z', true],
    ['2026-01-01T12:00:00.499Z', true],
    ['2026-01-01T12:00:01Z', false],
    ['2026-01-01 11:30:00Z', true],
    ['2026-01-01T11:30:00+01:00', false],
    ['2026-01-01T12:30:00+01:00', true],
  ])('%s is in the 60-minute window ending at 12:00:00.500: %s', (time, inside) => {
    expect(scopeRows([{ TimeGenerated: time }], now, 60)).toHaveLength(inside ? 1 : 0);
  });
});

import { isDeepStrictEqual } from 'node:util';
import type { AlertExpectation, ExpectedEntity, HuntingExpectation } from '../model/rule-tests';
import type { RuleRun, SimulatedAlert } from './simulated-alert';

/** Each unmet expectation as one readable line: what was expected, and what the run produced. */
export function alertExpectationFailures(expect: AlertExpectation, run: RuleRun): string[] {
  const failures: string[] = [];
  if (expect.rows !== undefined && run.rows.length !== expect.rows) failures.push(`expected the query to return ${expect.rows} rows, got ${run.rows.length}`);
  if (run.alerts.length !== expect.alerts) {
    failures.push(`expected ${expect.alerts} alert${expect.alerts === 1 ? '' : 's'}, got ${run.alerts.length} (query returned ${run.rows.length} rows; trigger ${run.triggered ? 'held' : 'did not hold'})`);
  }
  const first = run.alerts[0];
  if (!first) return failures;
  if (expect.severity !== undefined) {
    const wrong = run.alerts.filter((a) => a.severity !== expect.severity).map((a) => a.severity);
    if (wrong.length) failures.push(`expected severity ${expect.severity}, got ${[...new Set(wrong)].join(', ')}`);
  }
  if (expect.displayName !== undefined && first.displayName !== expect.displayName) failures.push(`expected display name ${JSON.stringify(expect.displayName)}, got ${JSON.stringify(first.displayName)}`);
  for (const entity of expect.entities ?? []) {
    if (!first.entities.some((e) => entityMatches(entity, e))) failures.push(`expected entity ${describeExpected(entity)} in the first alert, which has ${describeEntities(first)}`);
  }
  for (const [key, value] of Object.entries(expect.customDetails ?? {})) {
    const actual = first.customDetails[key];
    const ok = actual !== undefined && (Array.isArray(value) ? isDeepStrictEqual(actual, value) : actual.length > 0 && actual.every((v) => isDeepStrictEqual(v, value)));
    if (!ok) failures.push(`expected custom detail ${key} = ${JSON.stringify(value)}, got ${JSON.stringify(actual)}`);
  }
  return failures;
}

export function huntingExpectationFailures(expect: HuntingExpectation, rows: readonly Record<string, unknown>[]): string[] {
  const failures: string[] = [];
  if (rows.length !== expect.rows) failures.push(`expected ${expect.rows} rows, got ${rows.length}`);
  for (const wanted of expect.includes ?? []) {
    const found = rows.some((row) => Object.entries(wanted).every(([k, v]) => isDeepStrictEqual(row[k], v)));
    if (!found) failures.push(`expected a row with ${JSON.stringify(wanted)}; got ${JSON.stringify(rows.slice(0, 3))}${rows.length > 3 ? ' …' : ''}`);
  }
  return failures;
}

function entityMatches(expected: ExpectedEntity, actual: SimulatedAlert['entities'][number]): boolean {
  if (expected.entityType !== actual.entityType) return false;
  return Object.entries(expected).every(([k, v]) => k === 'entityType' || actual.identifiers[k] === v);
}

function describeExpected(entity: ExpectedEntity): string {
  const { entityType, ...ids } = entity;
  return `${entityType}${JSON.stringify(ids)}`;
}

function describeEntities(alert: SimulatedAlert): string {
  return alert.entities.length ? alert.entities.map((e) => `${e.entityType}${JSON.stringify(e.identifiers)}`).join(', ') : 'no entities';
}

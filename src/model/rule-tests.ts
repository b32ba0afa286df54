import type { TableRows } from '../catalog/generated/table-rows';
import type { AnalyticsRule } from './analytics-rule';
import type { AlertSeverity, EntityType } from './enums';
import type { HuntingQuery } from './hunting-query';

/**
 * Sample events per table. Row types are generated from the table catalog, so a misspelled column
 * in test data is a type error; custom `_CL` tables take any columns.
 */
export type TableInput = { readonly [T in keyof TableRows]?: readonly TableRows[T][] } & {
  readonly [custom: `${string}_CL`]: readonly Readonly<Record<string, unknown>>[];
};

/** One entity Sentinel would extract, e.g. `{ entityType: 'Account', AadUserId: '…' }`. */
export type ExpectedEntity = { readonly entityType: EntityType } & Readonly<Record<string, string>>;

export interface AlertExpectation {
  /** How many alerts the run raises (after the trigger, event grouping and the 150-alert cap). */
  readonly alerts: number;
  /** Severity of every alert (after the severity override column). */
  readonly severity?: AlertSeverity;
  /** Entities that must be among those of the first alert. */
  readonly entities?: readonly ExpectedEntity[];
  /** Custom details of the first alert that must match. */
  readonly customDetails?: Readonly<Record<string, unknown>>;
  /** Rendered display name of the first alert. */
  readonly displayName?: string;
  /** Rows the query returns before the trigger is applied. */
  readonly rows?: number;
}

export interface HuntingExpectation {
  readonly rows: number;
  /** Rows that must be in the result (each listed column must match). */
  readonly includes?: readonly Readonly<Record<string, unknown>>[];
}

export interface RuleTestCase<E> {
  readonly name: string;
  /** What the case shows, for the rule catalog. */
  readonly description?: string;
  /** The run time: ago() and now() use it, and each table is scoped to the lookback ending here. */
  readonly now: string;
  readonly tables: TableInput;
  /** Rows `_GetWatchlist(alias)` returns, by alias; defaults to the project's CSV rows. */
  readonly watchlists?: Readonly<Record<string, readonly Readonly<Record<string, string>>[]>>;
  /**
   * Rows a workspace function returns, by name: an ASIM parser (`imProcessCreate`), a solution's
   * parser, a function declared by its columns. Only for calls without arguments.
   */
  readonly functions?: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;
  /** Rows each `externaldata(...) [url]` of the query returns, by URL as written (e.g. an IOC feed). */
  readonly externalData?: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;
  readonly expect: E;
}

export interface RuleTests {
  readonly kind: 'AnalyticsRule' | 'HuntingQuery';
  readonly targetId: string;
  readonly cases: readonly RuleTestCase<AlertExpectation | HuntingExpectation>[];
}

export const RULE_TESTS = Symbol.for('sentinel-cac.rule-tests');

/** Test cases for an analytics rule; put them in `<rule>.cases.ts` beside the rule. */
export function defineRuleTests(rule: AnalyticsRule, cases: readonly RuleTestCase<AlertExpectation>[]): RuleTests {
  return tag({ kind: 'AnalyticsRule', targetId: rule.id, cases });
}

/** Test cases for a hunting query; put them in `<query>.cases.ts` beside it. */
export function defineHuntingTests(query: HuntingQuery, cases: readonly RuleTestCase<HuntingExpectation>[]): RuleTests {
  return tag({ kind: 'HuntingQuery', targetId: query.id, cases });
}

function tag(tests: RuleTests): RuleTests {
  Object.defineProperty(tests, RULE_TESTS, { value: true, enumerable: false });
  return Object.freeze(tests);
}

export function isRuleTests(value: unknown): value is RuleTests {
  return typeof value === 'object' && value !== null && (value as { [RULE_TESTS]?: boolean })[RULE_TESTS] === true;
}

import type { ValidatedProject } from '../check/validate-project';
import type { LoadedTestCases } from '../load/load-test-cases';
import type { AlertExpectation, HuntingExpectation, RuleTestCase } from '../model/rule-tests';
import { alertExpectationFailures, huntingExpectationFailures } from './check-expectations';
import { runHuntingQuery, simulateRule } from './simulate-rule';

export interface CaseResult {
  readonly suiteFile: string;
  readonly target: string;
  readonly caseName: string;
  readonly failures: readonly string[];
  /** Set when the case could not run at all (unknown rule, evaluator error). */
  readonly error?: string;
  readonly durationMs: number;
}

/** Runs every case of every suite against its rule or hunting query. Never throws for a bad case. */
export function runTestCases(validated: ValidatedProject, suites: readonly LoadedTestCases[]): CaseResult[] {
  const results: CaseResult[] = [];
  for (const suite of suites) {
    const { tests } = suite;
    const rule = validated.project.rules.find((r) => r.props.id === tests.targetId);
    const hunting = validated.project.huntingQueries.find((q) => q.props.id === tests.targetId);
    const target = rule?.props.name ?? hunting?.props.name ?? tests.targetId;
    for (const testCase of tests.cases) {
      const started = performance.now();
      const base = { suiteFile: suite.file, target, caseName: testCase.name };
      try {
        const failures = rule
          ? runAlertCase(validated, rule, testCase as RuleTestCase<AlertExpectation>)
          : hunting
            ? runHuntingCase(validated, hunting, testCase as RuleTestCase<HuntingExpectation>)
            : [`no analytics rule or hunting query has id ${tests.targetId}`];
        results.push({ ...base, failures, durationMs: performance.now() - started });
      } catch (error) {
        results.push({ ...base, failures: [], error: error instanceof Error ? error.message : String(error), durationMs: performance.now() - started });
      }
    }
  }
  return results;
}

function runAlertCase(validated: ValidatedProject, rule: Parameters<typeof simulateRule>[1], testCase: RuleTestCase<AlertExpectation>): string[] {
  const run = simulateRule(validated, rule, testCase.tables, { now: parseNow(testCase.now), watchlists: testCase.watchlists, functions: testCase.functions, externalData: testCase.externalData });
  return alertExpectationFailures(testCase.expect, run);
}

function runHuntingCase(validated: ValidatedProject, query: Parameters<typeof runHuntingQuery>[1], testCase: RuleTestCase<HuntingExpectation>): string[] {
  const rows = runHuntingQuery(validated, query, testCase.tables, { now: parseNow(testCase.now), watchlists: testCase.watchlists, functions: testCase.functions, externalData: testCase.externalData });
  return huntingExpectationFailures(testCase.expect, rows);
}

function parseNow(text: string): Date {
  const now = new Date(text);
  if (Number.isNaN(now.getTime())) throw new Error(`now ${JSON.stringify(text)} is not an ISO-8601 time`);
  return now;
}

export function passed(result: CaseResult): boolean {
  return !result.error && result.failures.length === 0;
}

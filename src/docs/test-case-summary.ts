import type { AlertExpectation, HuntingExpectation, RuleTestCase } from '../model/rule-tests';

export interface TestCaseRow {
  readonly name: string;
  readonly shows: string;
  readonly expects: string;
}

/** One line per test case for the catalog: its name, what it shows, and what it expects. */
export function testCaseRow(testCase: RuleTestCase<AlertExpectation | HuntingExpectation>): TestCaseRow {
  return { name: testCase.name, shows: testCase.description ?? '', expects: expectation(testCase.expect) };
}

function expectation(expect: AlertExpectation | HuntingExpectation): string {
  if ('alerts' in expect) {
    const parts = [plural(expect.alerts, 'alert')];
    if (expect.rows !== undefined) parts.push(`from ${plural(expect.rows, 'result row')}`);
    if (expect.severity) parts.push(`severity ${expect.severity}`);
    if (expect.displayName) parts.push(`named "${expect.displayName}"`);
    if (expect.entities?.length) parts.push(`entities ${[...new Set(expect.entities.map((e) => e.entityType))].join(', ')}`);
    if (expect.customDetails) parts.push(`custom details ${Object.keys(expect.customDetails).join(', ')}`);
    return parts.join('; ');
  }
  const parts = [plural(expect.rows, 'row')];
  if (expect.includes?.length) parts.push(`including ${plural(expect.includes.length, 'given row')}`);
  return parts.join('; ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

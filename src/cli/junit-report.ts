import type { CaseResult } from '../simulate/run-test-cases';

/** JUnit XML (one testsuite per rule or hunting query) for CI dashboards. */
export function junitReport(results: readonly CaseResult[]): string {
  const suites = new Map<string, CaseResult[]>();
  for (const r of results) suites.set(r.target, [...(suites.get(r.target) ?? []), r]);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = results.filter((r) => r.failures.length > 0).length;
  const errors = results.filter((r) => r.error).length;
  lines.push(`<testsuites name="sentinel-cac" tests="${results.length}" failures="${failures}" errors="${errors}">`);
  for (const [target, cases] of suites) {
    const seconds = cases.reduce((s, c) => s + c.durationMs, 0) / 1000;
    lines.push(`  <testsuite name="${xml(target)}" tests="${cases.length}" failures="${cases.filter((c) => c.failures.length).length}" errors="${cases.filter((c) => c.error).length}" time="${seconds.toFixed(3)}">`);
    for (const c of cases) {
      lines.push(`    <testcase classname="${xml(c.suiteFile)}" name="${xml(c.caseName)}" time="${(c.durationMs / 1000).toFixed(3)}">`);
      if (c.error) lines.push(`      <error message="${xml(c.error)}"/>`);
      for (const f of c.failures) lines.push(`      <failure message="${xml(f)}"/>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

import path from 'node:path';
import { Option, type Command } from 'commander';
import { hasErrors } from '../check/diagnostic';
import { validateProject } from '../check/validate-project';
import { loadTestCases } from '../load/load-test-cases';
import { passed, runTestCases, type CaseResult } from '../simulate/run-test-cases';
import { formatText } from './format-diagnostics';
import { EXIT, writeOutput, type CliIo } from './io';
import { junitReport } from './junit-report';

export function registerTest(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('test')
    .description('run every test case (*.cases.ts) of every rule and hunting query against sample events, offline')
    .addOption(new Option('-r, --reporter <reporter>', 'report format').choices(['text', 'junit']).default('text'))
    .option('-o, --output <file>', 'write the report to a file (JUnit XML for CI dashboards)')
    .option('-g, --grep <text>', 'only cases whose rule or case name contains this text')
    .action((options: { reporter: 'text' | 'junit'; output?: string; grep?: string }, command: Command) => {
      const root = path.resolve(command.optsWithGlobals().project as string);
      const validated = validateProject(root);
      const { suites, diagnostics } = loadTestCases(root);
      const problems = [...validated.diagnostics.filter((d) => d.severity === 'error'), ...diagnostics];
      if (hasErrors(problems)) {
        io.err(formatText(problems));
        io.err('tests not run: fix the errors above first (npx sentinel-cac validate)');
        return setExit(EXIT.contentErrors);
      }
      const grep = options.grep?.toLowerCase();
      const results = runTestCases(validated, suites).filter((r) => !grep || `${r.target} ${r.caseName}`.toLowerCase().includes(grep));
      if (options.reporter === 'junit') writeOutput(options.output, junitReport(results), io);
      else writeOutput(options.output, textReport(results), io);
      setExit(results.every(passed) ? EXIT.ok : EXIT.contentErrors);
    });
}

function textReport(results: readonly CaseResult[]): string {
  const lines: string[] = [];
  let target = '';
  for (const r of results) {
    if (r.target !== target) {
      target = r.target;
      lines.push(`${r.target}  (${r.suiteFile})`);
    }
    lines.push(`  ${passed(r) ? 'ok  ' : 'FAIL'} ${r.caseName}`);
    if (r.error) lines.push(`       error: ${r.error}`);
    for (const f of r.failures) lines.push(`       ${f}`);
  }
  const failed = results.filter((r) => !passed(r)).length;
  lines.push(`${results.length - failed} passed, ${failed} failed`);
  return lines.join('\n');
}

import fs from 'node:fs';
import type { Diagnostic } from '../check/diagnostic';
import { isRuleTests, type RuleTests } from '../model/rule-tests';
import { discoverContentFiles } from './discover-files';
import { projectRelative } from './project-layout';
import { loadErrorDiagnostic } from './load-error';

export interface LoadedTestCases {
  /** Project-relative path of the `*.cases.ts` file. */
  readonly file: string;
  readonly tests: RuleTests;
}

/** Finds `*.cases.ts` files beside the definitions and reads the test cases they export. */
export function loadTestCases(root: string): { suites: LoadedTestCases[]; diagnostics: Diagnostic[] } {
  const suites: LoadedTestCases[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const absolute of discoverContentFiles(root, (name) => name.endsWith('.cases.ts'))) {
    const file = projectRelative(root, absolute);
    let exports: Record<string, unknown>;
    try {
      exports = require(absolute);
    } catch (error) {
      diagnostics.push(loadErrorDiagnostic(error, absolute, file, fs.readFileSync(absolute, 'utf8')));
      continue;
    }
    for (const value of Object.values(exports)) if (isRuleTests(value)) suites.push({ file, tests: value });
  }
  return { suites, diagnostics };
}

import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../check/diagnostic';
import { isRuleTests, type RuleTests } from '../model/rule-tests';
import { CONTENT_DIRECTORIES, projectRelative } from './project-layout';
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
  for (const absolute of findCaseFiles(root)) {
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

function findCaseFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.cases.ts')) out.push(full);
    }
  };
  for (const dir of CONTENT_DIRECTORIES) walk(path.join(root, dir));
  return out.sort();
}

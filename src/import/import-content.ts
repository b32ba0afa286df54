import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../check/diagnostic';
import { sortDiagnostics } from '../check/diagnostic';
import { validateProject } from '../check/validate-project';
import { scanExistingDefinitions } from './existing-definitions';
import { skippedFile, type ImportedItem, type SkippedItem } from './imported-item';
import { collectInputFiles } from './input-files';
import { mapFindings, type ImportFinding } from './map-findings';
import { planImport, type PlanOptions, type PlannedDefinition } from './plan-import';
import { readSourceFile } from './read-source-file';
import { writeImport } from './write-import';

export interface ImportOptions extends PlanOptions {
  /** The project to import into (holds rules/ and watchlists/). */
  readonly root: string;
  /** Files and folders to read. */
  readonly inputs: readonly string[];
  /** Resolves `inputs`; reports name source files relative to it. @default process.cwd() */
  readonly cwd?: string;
  /** Read, convert and plan, but write nothing. */
  readonly dryRun?: boolean;
  /** Run `validate` on the project afterwards and map its findings on imported files back to the sources. @default true */
  readonly validate?: boolean;
}

export interface ImportResult {
  /** What could not be read or carried over, located in the source files. */
  readonly diagnostics: readonly Diagnostic[];
  /** The definitions written (or, on a dry run, that would be). */
  readonly definitions: readonly PlannedDefinition[];
  /** Content found but not imported (unsupported kind, invalid, duplicate, already defined). */
  readonly skipped: readonly SkippedItem[];
  /** `validate` findings on the imported files; they do not undo the import. */
  readonly findings: readonly ImportFinding[];
  /** Project-relative files written. */
  readonly written: readonly string[];
  readonly sourceFiles: number;
}

/**
 * `sentinel-cac import`: read every source file, convert what it holds into definitions, report
 * what could not be carried over (and keep going), write the definitions, then validate them like
 * any other content. Pure stages (read, plan) are separate from the one that writes.
 */
export function importContent(options: ImportOptions): ImportResult {
  const cwd = options.cwd ?? process.cwd();
  const into = options.into?.trim();
  if (into && (path.isAbsolute(into) || into.split(/[\\/]/).includes('..'))) {
    const diagnostic: Diagnostic = { code: 'IMPORT_BAD_OPTION', severity: 'error', message: `--into ${into}: must be a folder inside rules/ and watchlists/, like "imported"`, file: '<command line>', line: 1, column: 1 };
    return { diagnostics: [diagnostic], definitions: [], skipped: [], findings: [], written: [], sourceFiles: 0 };
  }
  const inputs = collectInputFiles(options.inputs, cwd);
  const diagnostics: Diagnostic[] = [...inputs.diagnostics];
  const items: ImportedItem[] = [];
  const skipped: SkippedItem[] = [];
  for (const absolute of inputs.files) {
    const display = displayPath(cwd, absolute);
    let text: string;
    try {
      text = fs.readFileSync(absolute, 'utf8');
    } catch (error) {
      diagnostics.push({ code: 'IMPORT_INPUT_UNREADABLE', severity: 'error', message: `cannot read ${display}: ${(error as Error).message}`, file: display, line: 1, column: 1 });
      skipped.push(skippedFile(display, 'IMPORT_INPUT_UNREADABLE'));
      continue;
    }
    const read = readSourceFile(display, text);
    items.push(...read.items);
    skipped.push(...read.skipped);
    diagnostics.push(...read.diagnostics);
  }
  const plan = planImport(items, scanExistingDefinitions(options.root), (file) => fs.existsSync(path.join(options.root, file)), { ...options, into });
  diagnostics.push(...plan.diagnostics);
  skipped.push(...plan.skipped);
  const written = options.dryRun ? [] : writeImport(options.root, plan.definitions);
  const validate = options.validate ?? true;
  const findings = validate && written.length ? mapFindings(validateProject(options.root).diagnostics, plan.definitions) : [];
  return { diagnostics: sortDiagnostics(diagnostics), definitions: plan.definitions, skipped, findings, written, sourceFiles: inputs.files.length };
}

function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return (path.isAbsolute(relative) ? absolute : relative).split(path.sep).join('/');
}

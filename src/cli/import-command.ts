import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { hasErrors } from '../check/diagnostic';
import { importContent, type ImportResult } from '../import/import-content';
import type { ImportFinding } from '../import/map-findings';
import { formatText, summarize } from './format-diagnostics';
import { EXIT, type CliIo } from './io';

interface ImportCommandOptions {
  readonly force?: boolean;
  readonly into?: string;
  readonly dryRun?: boolean;
  readonly validate: boolean;
  readonly format: 'text' | 'json';
}

export function registerImport(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('import')
    .description('convert Azure-Sentinel YAML, portal ARM exports (alert rules, saved searches, watchlists) and watchlist CSV into definitions in rules/ and watchlists/')
    .argument('<paths...>', 'files or folders (.yaml/.yml, .json, .csv; folders are walked)')
    .option('--force', 'replace definitions the project already has with the same id or alias')
    .option('--into <folder>', 'write into rules/<folder>/ (hunting queries: rules/<folder>/hunting/) and watchlists/<folder>/')
    .option('--dry-run', 'read and convert everything, report, write nothing')
    .option('--no-validate', 'skip validating the imported definitions afterwards')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((paths: string[], options: ImportCommandOptions, command: Command) => {
      const root = path.resolve(command.optsWithGlobals().project as string);
      const result = importContent({ root, inputs: paths, force: options.force, into: options.into, dryRun: options.dryRun, validate: options.validate });
      if (options.format === 'json') io.out(`${JSON.stringify({ diagnostics: result.diagnostics, imported: imported(result), findings: result.findings }, null, 2)}\n`);
      else io.out(textReport(result, options));
      // Exit 1 when some input could not be imported; findings in imported content are for `validate` to gate.
      setExit(result.diagnostics.some((d) => d.code === 'IMPORT_BAD_OPTION') ? EXIT.usage : hasErrors(result.diagnostics) ? EXIT.contentErrors : EXIT.ok);
    });
}

function imported(result: ImportResult): { kind: string; name: string; id: string; file: string; from: string; replaces?: string }[] {
  return result.definitions.map((d) => ({
    kind: d.item.kind,
    name: d.item.kind === 'Watchlist' ? d.item.props.alias : String(d.item.props.name),
    id: d.item.kind === 'Watchlist' ? d.item.props.alias : d.item.kind === 'WorkspaceFunction' ? d.item.props.name : String(d.item.props.id),
    file: d.definitionFile,
    from: d.item.origin.pointer ? `${d.item.origin.file} ${d.item.origin.pointer}` : d.item.origin.file,
    ...(d.replaces ? { replaces: d.replaces } : {}),
  }));
}

function textReport(result: ImportResult, options: ImportCommandOptions): string {
  const lines: string[] = [];
  const problems = formatText(result.diagnostics);
  if (problems) lines.push(problems);
  const count = (kind: string): number => result.definitions.filter((d) => d.item.kind === kind).length;
  const functions = count('WorkspaceFunction') ? `, ${count('WorkspaceFunction')} workspace functions` : '';
  const what = `${count('AnalyticsRule')} analytics rules, ${count('HuntingQuery')} hunting queries, ${count('Watchlist')} watchlists${functions}`;
  const verb = options.dryRun ? 'would import' : 'imported';
  lines.push(`${verb} ${what} from ${result.sourceFiles} file${result.sourceFiles === 1 ? '' : 's'}${options.dryRun ? '' : ` (${result.written.length} files written)`}; ${summarize(result.diagnostics)}${result.skipped.length ? `; ${result.skipped.length} not imported (see above)` : ''}`);
  for (const d of result.definitions) if (d.replaces) lines.push(`  replaced ${d.replaces}`);
  if (result.findings.length) {
    lines.push(`validate found ${summarize(result.findings)} in the imported content (it stays imported; fix it, then run sentinel-cac validate):`);
    lines.push(formatFindings(result.findings));
  }
  return lines.join('\n');
}

/** Like formatText, with the place in the imported source under each finding, before its hint. */
export function formatFindings(findings: readonly ImportFinding[]): string {
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
    if (f.source) lines.push(`  from: ${f.source.file}:${f.source.line}:${f.source.column}`);
    if (f.hint) lines.push(`  hint: ${f.hint}`);
  }
  return lines.join('\n');
}

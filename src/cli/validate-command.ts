import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { hasErrors } from '../check/diagnostic';
import { startEarlyAnalysis } from '../kql/early-analysis';
import { InputSnapshot } from '../load/input-snapshot';
import { projectCacheDir } from '../util/project-cache-dir';
import { formatJson, formatText, summarize } from './format-diagnostics';
import { formatSarif } from './format-sarif';
import { EXIT, writeOutput, type CliIo } from './io';
import type { Relaunch } from './main';

export interface ValidateOptions {
  readonly format: 'text' | 'json' | 'sarif';
  readonly output?: string;
  readonly environment?: string;
  readonly config?: string;
  /** false with --no-cache. */
  readonly cache: boolean;
}

export function registerValidate(program: Command, io: CliIo, setExit: (code: number) => void, version: string, relaunch?: Relaunch): void {
  program
    .command('validate')
    .description('check every definition and query; print every problem as path:line:col severity CODE message')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-e, --environment <name>', "also check against that environment's workspace, as pulled by `sentinel-cac schema pull`")
    .option('--config <file>', 'environments file for --environment, relative to the project (default sentinel-cac.environments.yaml)')
    .option('--no-cache', 'load and analyze everything again instead of reusing what .sentinel-cac/cache/ keeps from earlier runs')
    .action(async (options: ValidateOptions, command: Command) => {
      const root = path.resolve(command.optsWithGlobals().project as string);
      const cacheDir = options.cache ? projectCacheDir(root) : undefined;
      const inputs = cacheDir === undefined || options.environment ? undefined : InputSnapshot.take(root, cacheDir);
      // With no content file changed since the last run, everything comes from the caches and this
      // process never loads Kusto.Language; otherwise the launcher's snapshot process is faster.
      const relaunched = inputs?.unchanged() ? undefined : relaunch?.();
      if (relaunched) return setExit(await relaunched);
      // Before the validator's modules load (~0.3 s): analysis workers, if needed, load Kusto.Language meanwhile.
      const early = inputs && startEarlyAnalysis(inputs);
      const forEnvironment = options.environment
        ? (require('./validate-environment-option') as typeof import('./validate-environment-option')).validateAgainstEnvironment(root, options.environment, options.config, cacheDir, io, setExit)
        : undefined;
      if (options.environment && !forEnvironment) return;
      const validated = forEnvironment?.validated ?? (require('../check/validate-project') as typeof import('../check/validate-project')).validateProject(root, { cacheDir, early, onHelperFailure: noteHelperFailure(io) });
      const { diagnostics, project } = validated;
      if (options.format === 'json') writeOutput(options.output, formatJson(diagnostics), io);
      else if (options.format === 'sarif') writeOutput(options.output, formatSarif(diagnostics, version), io);
      else {
        const definitions = project.rules.length + project.huntingQueries.length + project.watchlists.length + project.tables.length;
        const notDeployed = forEnvironment?.notDeployed ? `; ${forEnvironment.notDeployed} rules and hunting queries it does not deploy are not reported` : '';
        const against = options.environment ? ` (against environment ${options.environment}${notDeployed})` : '';
        const report = [formatText(diagnostics), `${summarize(diagnostics)} in ${definitions} definitions${against}`].filter(Boolean).join('\n');
        writeOutput(options.output, report, io);
      }
      setExit(hasErrors(diagnostics) ? EXIT.contentErrors : EXIT.ok);
    });
}

/**
 * A failed analysis helper changes nothing in the report (its queries are analyzed in the main
 * process) but makes the run slower; one line on stderr says so, so that a slow run can be explained.
 */
export function noteHelperFailure(io: CliIo): (error: string) => void {
  return (error) => {
    // The first line says what failed; after a colon, the next one (a helper's stderr) says why.
    const [what = '', why] = error.split('\n').map((line) => line.trim()).filter(Boolean);
    const summary = what.endsWith(':') && why ? `${what} ${why}` : what;
    io.err(`sentinel-cac: note: ${summary} (its queries were analyzed in the main process instead: same result, slower)`);
  };
}

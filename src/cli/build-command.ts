import path from 'node:path';
import type { Command } from 'commander';
import { hasErrors } from '../check/diagnostic';
import { buildProject } from '../render/build-project';
import { formatText, summarize } from './format-diagnostics';
import { EXIT, type CliIo } from './io';

export function registerBuild(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('build')
    .description('validate, then write ARM templates, Azure-Sentinel YAML, watchlists and hunting queries into dist/ (nothing is written if there are errors)')
    .option('--out-dir <dir>', 'output directory, relative to the project', 'dist')
    .option('--dry-run', 'render and check everything, write nothing')
    .action((options: { outDir: string; dryRun?: boolean }, command: Command) => {
      const root = path.resolve(command.optsWithGlobals().project as string);
      const result = buildProject(root, { outDir: options.outDir, dryRun: options.dryRun });
      const text = formatText(result.diagnostics);
      if (text) io.err(text);
      if (hasErrors(result.diagnostics)) {
        io.err(`build failed: ${summarize(result.diagnostics)}; nothing was written to ${options.outDir}/`);
        return setExit(EXIT.contentErrors);
      }
      const { project } = result.validated;
      const counts = `${project.rules.length} analytics rules, ${project.huntingQueries.length} hunting queries, ${project.watchlists.length} watchlists`;
      if (!result.emitted) io.out(`dry run: ${result.artifacts.length} files rendered and checked (${counts}); nothing written`);
      else {
        const removed = result.emitted.removed.length ? `, removed ${result.emitted.removed.length} stale` : '';
        io.out(`built ${counts}: ${result.emitted.written} files in ${options.outDir}/${removed}`);
      }
      setExit(EXIT.ok);
    });
}

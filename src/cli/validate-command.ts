import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { hasErrors } from '../check/diagnostic';
import { validateProject } from '../check/validate-project';
import { formatJson, formatText, summarize } from './format-diagnostics';
import { formatSarif } from './format-sarif';
import { EXIT, writeOutput, type CliIo } from './io';

export interface ValidateOptions {
  readonly format: 'text' | 'json' | 'sarif';
  readonly output?: string;
}

export function registerValidate(program: Command, io: CliIo, setExit: (code: number) => void, version: string): void {
  program
    .command('validate')
    .description('check every definition and query; print every problem as path:line:col severity CODE message')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .action((options: ValidateOptions, command: Command) => {
      const root = path.resolve(command.optsWithGlobals().project as string);
      const { diagnostics, project } = validateProject(root);
      if (options.format === 'json') writeOutput(options.output, formatJson(diagnostics), io);
      else if (options.format === 'sarif') writeOutput(options.output, formatSarif(diagnostics, version), io);
      else {
        const definitions = project.rules.length + project.huntingQueries.length + project.watchlists.length + project.tables.length;
        const report = [formatText(diagnostics), `${summarize(diagnostics)} in ${definitions} definitions`].filter(Boolean).join('\n');
        writeOutput(options.output, report, io);
      }
      setExit(hasErrors(diagnostics) ? EXIT.contentErrors : EXIT.ok);
    });
}

import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { planHasChanges, planIsBlocked } from '../deploy/deploy-plan';
import { formatPlanJson } from '../deploy/format-plan-json';
import { formatPlanMarkdown } from '../deploy/format-plan-markdown';
import { formatPlanText } from '../deploy/format-plan-text';
import { planWorkspace, type PlannedWorkspace } from '../deploy/plan-workspace';
import { addTargetOptions, prepareRun, type TargetOptions } from './deploy-targets';
import { EXIT, writeOutput, type CliIo } from './io';

interface PlanOptions extends TargetOptions {
  readonly format: 'text' | 'json' | 'markdown';
  readonly output?: string;
}

export function registerPlan(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addTargetOptions(
    program
      .command('plan')
      .description('show what deploy would change in each workspace, changing nothing (exit 0: nothing to change, 3: changes, 1: errors)'),
  )
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .option('-o, --output <file>', 'write the plan to a file instead of stdout')
    .action(async (options: PlanOptions, command: Command) => {
      const root = path.resolve(command.optsWithGlobals().project as string);
      const run = prepareRun(options, root, io, setExit);
      if (!run) return;
      const planned: PlannedWorkspace[] = [];
      for (const job of run.jobs) {
        planned.push(await planWorkspace(run.validated, job, run.clientsFor(job.target.subscriptionId), { sourceId: run.sourceId, prune: Boolean(options.prune), force: Boolean(options.force), configFile: run.configFile }));
      }
      const text = options.format === 'json' ? formatPlanJson(planned) : options.format === 'markdown' ? formatPlanMarkdown(planned) : formatPlanText(planned);
      writeOutput(options.output, text, io);
      const failed = planned.some((p) => !p.plan || p.diagnostics.some((d) => d.severity === 'error') || planIsBlocked(p.plan));
      setExit(failed ? EXIT.contentErrors : planned.some((p) => planHasChanges(p.plan!)) ? EXIT.changes : EXIT.ok);
    });
}

import path from 'node:path';
import type { Command } from 'commander';
import { applyPlan } from '../deploy/apply-plan';
import { formatDuration, formatSummary, isInteractive, progressReporter, summaryRow } from '../deploy/deploy-progress';
import { formatWorkspaceText } from '../deploy/format-plan-text';
import { planWorkspace } from '../deploy/plan-workspace';
import { describeTarget } from '../deploy/workspace-target';
import { addTargetOptions, prepareRun, type TargetOptions } from './deploy-targets';
import { EXIT, type CliIo } from './io';

export function registerDeploy(program: Command, io: CliIo, setExit: (code: number) => void, stdout: { isTTY?: boolean } = process.stdout): void {
  addTargetOptions(
    program
      .command('deploy')
      .description('plan, then apply: watchlists before the rules that read them, bounded concurrency, a summary table (exit 4 if anything failed)'),
  ).action(async (options: TargetOptions, command: Command) => {
    const root = path.resolve(command.optsWithGlobals().project as string);
    const run = prepareRun(options, root, io, setExit);
    if (!run) return;
    const interactive = isInteractive(stdout);
    const rows: string[][] = [];
    const failures: string[] = [];
    let contentErrors = false;
    for (const job of run.jobs) {
      const clients = run.clientsFor(job.target.subscriptionId);
      const planned = await planWorkspace(run.validated, job, clients, { sourceId: run.sourceId, prune: Boolean(options.prune), force: Boolean(options.force), configFile: run.configFile });
      io.out(formatWorkspaceText(planned));
      if (!planned.plan) {
        contentErrors ||= !planned.error;
        failures.push(`${job.target.name}: ${planned.error ?? 'the environment has errors (above)'}`);
        continue;
      }
      const write = interactive ? (t: string) => void process.stdout.write(t) : (t: string) => io.out(t.replace(/\n$/, ''));
      const progress = progressReporter({ write, interactive }, job.target.name, planned.plan.entries.length);
      const result = await applyPlan(planned.plan, clients, { concurrency: Number(options.concurrency), onEvent: progress.onEvent });
      progress.done();
      rows.push(summaryRow(job.target.name, result));
      for (const r of result.results) if (r.status === 'failed') failures.push(`${job.target.name}: ${r.message}`);
      io.out(`deployed to ${describeTarget(job.target)} in ${formatDuration(result.ms)}`);
    }
    io.out(`\n${formatSummary(rows, failures)}`);
    setExit(contentErrors ? EXIT.contentErrors : failures.length ? EXIT.deployFailed : EXIT.ok);
  });
}

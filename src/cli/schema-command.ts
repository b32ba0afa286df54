/**
 * `sentinel-cac schema pull`: reads each environment's workspace (tables and functions) and writes
 * its schema file, which `validate --environment <name>` then uses offline. Workspaces come from the
 * environments file or from --subscription/--resource-group/--workspace, as for plan and deploy.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { DEFAULT_ARM_ENDPOINT, ENDPOINT_ENV } from '../deploy/deploy-clients';
import { DEFAULT_CONFIG_FILE } from '../deploy/environment-config';
import type { WorkspaceJob } from '../deploy/plan-workspace';
import { readEnvironmentConfig } from '../deploy/read-environment-config';
import { pullWorkspaceSchema, WorkspaceReadError } from '../schema/pull-workspace-schema';
import { defaultSchemaFile } from '../schema/workspace-schema';
import { formatWorkspaceSchema } from '../schema/write-schema-file';
import { writeFileAtomically } from '../util/write-file-atomically';
import { checkTargetOptions, clientFactory, environmentJobs, flagJob, type TargetOptions, UsageError } from './deploy-targets';
import { formatText } from './format-diagnostics';
import { EXIT, type CliIo } from './io';

type PullOptions = Pick<TargetOptions, 'environment' | 'config' | 'subscription' | 'resourceGroup' | 'workspace' | 'armEndpoint' | 'concurrency' | 'debug'> & {
  readonly output?: string;
};

interface PullJob extends WorkspaceJob {
  /** Absolute path of the schema file to write. */
  readonly file: string;
}

export function registerSchema(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const schema = program.command('schema').description('the workspace schemas (tables and functions) that `validate --environment` checks queries against');
  schema
    .command('pull')
    .description('read each environment\'s workspace tables and functions and write its schema file (default schemas/<environment>.schema.json)')
    .option('-e, --environment <name...>', 'environments from the config to pull (default: all of them)')
    .option('--config <file>', `environments file, relative to the project (default ${DEFAULT_CONFIG_FILE})`)
    .option('--subscription <id>', 'one workspace by flags: its subscription id (with --resource-group and --workspace)')
    .option('--resource-group <name>', 'one workspace by flags: its resource group')
    .option('--workspace <name>', 'one workspace by flags: the Log Analytics workspace name')
    .option('-o, --output <file>', 'where to write the schema (one workspace only; default schemas/<environment or workspace>.schema.json)')
    .option('--arm-endpoint <url>', `ARM endpoint (default $${ENDPOINT_ENV} or ${DEFAULT_ARM_ENDPOINT}); plain http only to loopback`)
    .addOption(new Option('--concurrency <n>', 'requests in flight at once').default('8'))
    .option('--debug', 'log every request (Authorization redacted) to stderr')
    .action(async (options: PullOptions, command: Command) => {
      const root = path.resolve(command.optsWithGlobals().project as string);
      let jobs: PullJob[] | undefined;
      let clientsFor: ReturnType<typeof clientFactory>;
      try {
        const concurrency = checkTargetOptions(options);
        jobs = pullJobs(options, root, io);
        if (!jobs) return setExit(EXIT.contentErrors);
        clientsFor = clientFactory(options, concurrency, io, jobs[0].target.subscriptionId);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        io.err(`error: ${error.message}`);
        return setExit(EXIT.usage);
      }
      let failed = false;
      for (const job of jobs) failed = !(await pullOne(job, clientsFor(job.target.subscriptionId), root, io)) || failed;
      setExit(failed ? EXIT.contentErrors : EXIT.ok);
    });
}

/** Undefined after printing the environments file's problems. */
function pullJobs(options: PullOptions, root: string, io: CliIo): PullJob[] | undefined {
  const output = options.output === undefined ? undefined : path.resolve(root, options.output);
  if (options.subscription !== undefined) {
    const job = flagJob(options);
    return [{ ...job, file: output ?? defaultSchemaFile(root, job.target.workspace) }];
  }
  const read = readEnvironmentConfig(path.resolve(root, options.config ?? DEFAULT_CONFIG_FILE), root);
  if (!read.config) {
    io.err(formatText(read.diagnostics));
    return undefined;
  }
  const jobs = environmentJobs(read.config, options.environment);
  if (output !== undefined && jobs.length !== 1) throw new UsageError(`--output names one file, but ${jobs.length} environments would be pulled; name one with --environment`);
  return jobs.map((job) => ({ ...job, file: output ?? job.environment?.schema ?? defaultSchemaFile(root, job.target.name) }));
}

/** Pulls one workspace and writes its file; false (after printing why) when the workspace could not be read. */
async function pullOne(job: PullJob, clients: Parameters<typeof pullWorkspaceSchema>[0], root: string, io: CliIo): Promise<boolean> {
  const label = `[${job.target.name}]`;
  const started = Date.now();
  let pulled;
  try {
    pulled = await pullWorkspaceSchema(clients, job.target, job.environment?.name);
  } catch (error) {
    if (!(error instanceof WorkspaceReadError)) throw error;
    const kept = fs.existsSync(job.file) ? `; ${relative(root, job.file)} is unchanged` : '';
    io.err(`error: ${label} ${error.message}${kept}`);
    return false;
  }
  for (const warning of pulled.warnings) io.err(`warning: ${label} ${warning}`);
  const outcome = writeFileAtomically(job.file, formatWorkspaceSchema(pulled.schema));
  const { tables, functions } = pulled.schema;
  const custom = tables.filter((t) => t.custom).length;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.out(`${label} ${relative(root, job.file)}: ${tables.length} tables (${custom} custom), ${functions.length} functions, ${pulled.warnings.length} warnings; ${outcome} (${seconds} s)`);
  return true;
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

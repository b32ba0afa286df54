/**
 * What `plan` and `deploy` share: the options, the validated project, the workspaces to work on
 * (from flags or from the environments file), and signed-in clients per subscription.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Diagnostic } from '../check/diagnostic';
import { hasErrors } from '../check/diagnostic';
import { validateProject, type ValidatedProject } from '../check/validate-project';
import { createDeployClients, credentialFromEnvironment, DEFAULT_ARM_ENDPOINT, ENDPOINT_ENV } from '../deploy/deploy-clients';
import { DEFAULT_CONFIG_FILE, DEFAULT_SOURCE_ID, type EnvironmentsConfig } from '../deploy/environment-config';
import type { DeployClients } from '../deploy/live-state';
import type { WorkspaceJob } from '../deploy/plan-workspace';
import { readEnvironmentConfig } from '../deploy/read-environment-config';
import { RequestBudget } from '../deploy/request-budget';
import { formatText } from './format-diagnostics';
import { EXIT, type CliIo } from './io';

export interface TargetOptions {
  readonly environment?: string[];
  readonly config?: string;
  readonly subscription?: string;
  readonly resourceGroup?: string;
  readonly workspace?: string;
  readonly sourceId?: string;
  readonly prune?: boolean;
  readonly force?: boolean;
  readonly armEndpoint?: string;
  readonly concurrency: string;
  readonly debug?: boolean;
}

/** Adds the options both commands take. */
export function addTargetOptions(command: Command): Command {
  return command
    .option('-e, --environment <name...>', 'environments from the config to work on (default: all of them)')
    .option('--config <file>', `environments file, relative to the project (default ${DEFAULT_CONFIG_FILE})`)
    .option('--subscription <id>', 'one workspace by flags: its subscription id (with --resource-group and --workspace)')
    .option('--resource-group <name>', 'one workspace by flags: its resource group')
    .option('--workspace <name>', 'one workspace by flags: the Log Analytics workspace name')
    .option('--source-id <id>', 'who owns what this deploys (default: the config\'s sourceId, else "default")')
    .option('--prune', 'delete content this project deployed that is no longer in code')
    .option('--force', 'overwrite (or prune) content edited outside sentinel-cac since the last deploy')
    .option('--arm-endpoint <url>', `ARM endpoint (default $${ENDPOINT_ENV} or ${DEFAULT_ARM_ENDPOINT}); plain http only to loopback`)
    .addOption(new Option('--concurrency <n>', 'requests in flight at once').default('8'))
    .option('--debug', 'log every request (Authorization redacted) to stderr');
}

export class UsageError extends Error {}

export interface PreparedRun {
  readonly validated: ValidatedProject;
  readonly jobs: readonly WorkspaceJob[];
  readonly sourceId: string;
  readonly configFile?: string;
  clientsFor(subscriptionId: string): DeployClients;
}

/** Returns undefined after printing why, having set the exit code. */
export function prepareRun(options: TargetOptions, root: string, io: CliIo, setExit: (code: number) => void): PreparedRun | undefined {
  try {
    return prepare(options, root, io, setExit);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`error: ${error.message}`);
    setExit(EXIT.usage);
    return undefined;
  }
}

/** Checks --concurrency and the workspace flags (all three or none, not with --environment); returns the concurrency. */
export function checkTargetOptions(options: Pick<TargetOptions, 'concurrency' | 'subscription' | 'resourceGroup' | 'workspace' | 'environment'>): number {
  const concurrency = Number(options.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64 (got ${options.concurrency})`);
  const byFlags = [options.subscription, options.resourceGroup, options.workspace];
  if (byFlags.some((f) => f !== undefined) && byFlags.some((f) => f === undefined)) throw new UsageError('name one workspace with all three of --subscription, --resource-group and --workspace');
  if (byFlags[0] !== undefined && options.environment) throw new UsageError('use either --environment or --subscription/--resource-group/--workspace, not both');
  return concurrency;
}

/**
 * Signed-in clients per subscription, all sharing one request budget: the endpoint from
 * --arm-endpoint, $SENTINEL_CAC_ARM_ENDPOINT or the public cloud. A bad endpoint or token is a UsageError.
 */
export function clientFactory(options: Pick<TargetOptions, 'armEndpoint' | 'debug'>, concurrency: number, io: CliIo, firstSubscriptionId: string): (subscriptionId: string) => DeployClients {
  const endpoint = options.armEndpoint ?? process.env[ENDPOINT_ENV] ?? DEFAULT_ARM_ENDPOINT;
  const { credential } = credentialFromEnvironment();
  const budget = new RequestBudget(concurrency);
  const clients = new Map<string, DeployClients>();
  const clientsFor = (subscriptionId: string): DeployClients => {
    let c = clients.get(subscriptionId);
    if (!c) {
      c = createDeployClients(subscriptionId, { endpoint, credential, budget, ...(options.debug && { debug: (line: string) => io.err(line) }) });
      clients.set(subscriptionId, c);
    }
    return c;
  };
  try {
    clientsFor(firstSubscriptionId);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return clientsFor;
}

function prepare(options: TargetOptions, root: string, io: CliIo, setExit: (code: number) => void): PreparedRun | undefined {
  const concurrency = checkTargetOptions(options);
  const byFlags = [options.subscription, options.resourceGroup, options.workspace];

  const configPath = path.resolve(root, options.config ?? DEFAULT_CONFIG_FILE);
  let config: EnvironmentsConfig | undefined;
  const fail = (diagnostics: readonly Diagnostic[]): undefined => {
    io.err(formatText(diagnostics));
    setExit(EXIT.contentErrors);
    return undefined;
  };
  if (byFlags[0] === undefined || fs.existsSync(configPath)) {
    const read = readEnvironmentConfig(configPath, root);
    if (read.diagnostics.length) return fail(read.diagnostics);
    config = read.config;
  }
  const jobs = byFlags[0] !== undefined ? [flagJob(options)] : environmentJobs(config!, options.environment);

  const validated = validateProject(root);
  if (hasErrors(validated.diagnostics)) {
    io.err(formatText(validated.diagnostics.filter((d) => d.severity === 'error')));
    io.err('the project has errors (see `sentinel-cac validate`); nothing was planned or deployed');
    return fail([]);
  }

  const clientsFor = clientFactory(options, concurrency, io, jobs[0].target.subscriptionId);
  return { validated, jobs, sourceId: options.sourceId ?? config?.sourceId ?? DEFAULT_SOURCE_ID, configFile: config?.file, clientsFor };
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The one workspace named by --subscription, --resource-group and --workspace (all three given). */
export function flagJob(o: Pick<TargetOptions, 'subscription' | 'resourceGroup' | 'workspace'>): WorkspaceJob {
  if (!GUID.test(o.subscription!)) throw new UsageError(`--subscription ${JSON.stringify(o.subscription)} is not a subscription id (a GUID)`);
  return { target: { name: o.workspace!, subscriptionId: o.subscription!, resourceGroup: o.resourceGroup!, workspace: o.workspace! } };
}

/** The environments named (all of them when `names` is undefined); an unknown name is a UsageError. */
export function environmentJobs(config: EnvironmentsConfig, names: readonly string[] | undefined): WorkspaceJob[] {
  const known = config.environments.map((e) => e.name);
  const unknown = (names ?? []).filter((n) => !known.includes(n));
  if (unknown.length) throw new UsageError(`unknown environment ${unknown.join(', ')}; ${config.file} declares ${known.join(', ')}`);
  return config.environments
    .filter((e) => !names || names.includes(e.name))
    .map((e) => ({ target: { name: e.name, subscriptionId: e.subscriptionId, resourceGroup: e.resourceGroup, workspace: e.workspace }, environment: e }));
}

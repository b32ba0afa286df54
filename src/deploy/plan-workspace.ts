/** Reads one workspace and plans it: desired state from the project, live state from the API. */
import type { Diagnostic } from '../check/diagnostic';
import type { ValidatedProject } from '../check/validate-project';
import { buildDesiredState } from './build-desired-state';
import { computePlan } from './compute-plan';
import type { DeployPlan } from './deploy-plan';
import type { EnvironmentConfig } from './environment-config';
import { type DeployClients, readLiveState } from './live-state';
import type { WorkspaceTarget } from './workspace-target';

export interface WorkspaceJob {
  readonly target: WorkspaceTarget;
  /** Undefined when the workspace was named by flags. */
  readonly environment?: EnvironmentConfig;
}

export interface PlanSettings {
  readonly sourceId: string;
  readonly prune: boolean;
  readonly force: boolean;
  /** Project-relative config file, for diagnostics. */
  readonly configFile?: string;
  readonly inlineUploadMaxBytes?: number;
}

export interface PlannedWorkspace {
  readonly job: WorkspaceJob;
  readonly plan?: DeployPlan;
  /** Problems with the environment's content selection or watchlist rows. */
  readonly diagnostics: readonly Diagnostic[];
  /** Reading the workspace failed (sign-in, network, permissions). */
  readonly error?: string;
}

export async function planWorkspace(validated: ValidatedProject, job: WorkspaceJob, clients: DeployClients, settings: PlanSettings): Promise<PlannedWorkspace> {
  const { state, diagnostics } = buildDesiredState(validated, job.environment, settings.configFile);
  if (diagnostics.some((d) => d.severity === 'error')) return { job, diagnostics };
  try {
    const live = await readLiveState(clients, job.target, new Set(state.watchlists.map((w) => w.name.toLowerCase())));
    return { job, diagnostics, plan: computePlan(state, live, { target: job.target, ...settings }) };
  } catch (error) {
    const e = error as { statusCode?: number; message?: string };
    const status = e.statusCode ? ` (${e.statusCode})` : '';
    const hint = e.statusCode === 403 ? '; the identity needs Microsoft Sentinel Contributor (or Reader, for plan) on the workspace' : '';
    return { job, diagnostics, error: `cannot read workspace ${job.target.workspace}${status}: ${(e.message ?? String(error)).replace(/Bearer\s+\S+/gi, 'Bearer REDACTED')}${hint}` };
  }
}

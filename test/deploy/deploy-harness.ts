/** Shared set-up for the end-to-end deploy tests: the emulator, a fixture project, real SDK clients. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateProject, type ValidatedProject } from '../../src/check/validate-project';
import { applyPlan, type ApplyResult } from '../../src/deploy/apply-plan';
import { createDeployClients } from '../../src/deploy/deploy-clients';
import type { DeployPlan } from '../../src/deploy/deploy-plan';
import { staticTokenCredential } from '../../src/deploy/arm-endpoint';
import { planWorkspace, type PlannedWorkspace } from '../../src/deploy/plan-workspace';
import type { WorkspaceTarget } from '../../src/deploy/workspace-target';
import { type RunningEmulator, startEmulator } from '../emulator';
import { projectWithOverlay } from '../support/fixture-project';

export const DEPLOY_OVERLAY = path.join(__dirname, 'fixtures', 'deploy-project');
export const SOURCE_ID = 'tests/deploy-project';

export const TARGET: WorkspaceTarget = { name: 'test', subscriptionId: '7d9a2c1e-0000-4000-8000-0000000000aa', resourceGroup: 'rg-deploy', workspace: 'law-deploy' };

/** Millisecond retries so fault tests stay fast. */
export const FAST = { retryOptions: { maxRetries: 4, retryDelayInMs: 10, maxRetryDelayInMs: 50 }, throttleRetry: { baseDelayMs: 10, maxDelayMs: 100 } };

export interface Harness {
  readonly emulator: RunningEmulator;
  /** The project; `revalidate` moves it to a fresh folder (the loader's require cache keys on paths). */
  root: string;
  validated: ValidatedProject;
  revalidate(): void;
  plan(options?: { prune?: boolean; force?: boolean; target?: WorkspaceTarget }): Promise<DeployPlan>;
  planned(options?: { prune?: boolean; force?: boolean }): Promise<PlannedWorkspace>;
  deploy(options?: { prune?: boolean; force?: boolean }): Promise<ApplyResult>;
  clients(): ReturnType<typeof createDeployClients>;
  ruleId(name: string): string;
  close(): Promise<void>;
}

export async function startHarness(overlay: string = DEPLOY_OVERLAY, emulatorOptions: Parameters<typeof startEmulator>[0] = {}): Promise<Harness> {
  const emulator = await startEmulator({ pageSize: 5, ...emulatorOptions });
  const root = projectWithOverlay(overlay);
  const clients = () => createDeployClients(TARGET.subscriptionId, { endpoint: emulator.url, credential: staticTokenCredential('deploy-test-token'), concurrency: 4, ...FAST });
  const h: Harness = {
    emulator,
    root,
    validated: validateProject(root),
    revalidate() {
      const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'sentinel-cac-deploy-'));
      fs.cpSync(h.root, fresh, { recursive: true });
      h.root = fresh;
      h.validated = validateProject(fresh);
      const errors = h.validated.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length) throw new Error(`fixture has errors: ${JSON.stringify(errors)}`);
    },
    async planned(options = {}) {
      return planWorkspace(h.validated, { target: TARGET }, clients(), { sourceId: SOURCE_ID, prune: options.prune ?? false, force: options.force ?? false });
    },
    async plan(options = {}) {
      const p = await planWorkspace(h.validated, { target: options.target ?? TARGET }, clients(), { sourceId: SOURCE_ID, prune: options.prune ?? false, force: options.force ?? false });
      if (!p.plan) throw new Error(`plan failed: ${p.error ?? JSON.stringify(p.diagnostics)}`);
      return p.plan;
    },
    async deploy(options = {}) {
      const c = clients();
      const p = await planWorkspace(h.validated, { target: TARGET }, c, { sourceId: SOURCE_ID, prune: options.prune ?? false, force: options.force ?? false });
      if (!p.plan) throw new Error(`plan failed: ${p.error ?? JSON.stringify(p.diagnostics)}`);
      return applyPlan(p.plan, c, { concurrency: 4 });
    },
    clients,
    ruleId: (name) => emulator.ids.alertRule(TARGET, name),
    close: () => emulator.close(),
  };
  return h;
}

export function actions(plan: DeployPlan): Record<string, string> {
  return Object.fromEntries(plan.entries.map((e) => [`${e.kind}:${e.name}`, e.action]));
}

export function failures(result: ApplyResult): string[] {
  return result.results.filter((r) => r.status === 'failed').map((r) => r.message ?? '');
}

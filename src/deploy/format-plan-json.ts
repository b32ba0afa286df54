/**
 * `plan --format json`: a stable document for pipelines (schema in docs/deploy.md). Bodies and
 * etags stay out; what changes and why is in.
 */
import type { Diagnostic } from '../check/diagnostic';
import { countActions, type PlanEntry } from './deploy-plan';
import type { PlannedWorkspace } from './plan-workspace';

export const PLAN_JSON_SCHEMA_VERSION = 1;

function entryJson(e: PlanEntry): Record<string, unknown> {
  const items = e.items && {
    upload: e.items.upload,
    create: e.items.changes.filter((c) => c.action === 'create').length,
    update: e.items.changes.filter((c) => c.action === 'update').length,
    delete: e.items.changes.filter((c) => c.action === 'delete').length,
    unchanged: e.items.unchanged,
    changes: e.items.changes.map((c) => ({ action: c.action, key: c.key, itemId: c.itemId, changes: c.changes })),
  };
  return {
    kind: e.kind,
    name: e.name,
    displayName: e.displayName,
    action: e.action,
    reason: e.reason,
    drifted: e.drifted,
    metadataOnly: e.metadataOnly,
    changes: e.changes,
    notes: e.notes,
    ...(items && (e.action !== 'unchanged' || items.changes.length) && { items }),
  };
}

export function planJson(workspaces: readonly PlannedWorkspace[], projectDiagnostics: readonly Diagnostic[] = []): Record<string, unknown> {
  return {
    schemaVersion: PLAN_JSON_SCHEMA_VERSION,
    changes: workspaces.some((w) => w.plan?.entries.some((e) => e.action !== 'unchanged')),
    ...(projectDiagnostics.length && { diagnostics: projectDiagnostics }),
    workspaces: workspaces.map((w) => ({
      environment: w.job.target.name,
      subscriptionId: w.job.target.subscriptionId,
      resourceGroup: w.job.target.resourceGroup,
      workspace: w.job.target.workspace,
      ...(w.error && { error: w.error }),
      ...(w.diagnostics.length && { diagnostics: w.diagnostics }),
      ...(w.plan && {
        sourceId: w.plan.sourceId,
        prune: w.plan.prune,
        force: w.plan.force,
        summary: countActions([w.plan]),
        unowned: w.plan.unowned,
        entries: w.plan.entries.map(entryJson),
      }),
    })),
  };
}

export function formatPlanJson(workspaces: readonly PlannedWorkspace[], projectDiagnostics: readonly Diagnostic[] = []): string {
  return `${JSON.stringify(planJson(workspaces, projectDiagnostics), null, 2)}\n`;
}

/** `plan` as text for a terminal: one line per item that is not unchanged, its changes indented below. */
import { formatText } from '../cli/format-diagnostics';
import { what } from './compute-plan';
import { countActions, type DeployPlan, type ItemsPlan, type PlanAction, type PlanEntry } from './deploy-plan';
import { describeChange } from './format-change';
import type { PlannedWorkspace } from './plan-workspace';
import { describeTarget } from './workspace-target';

export const ACTION_MARK: Record<PlanAction, string> = { create: '+', update: '~', delete: '-', unchanged: '=', drifted: '!', blocked: 'x' };

export function summaryLine(plan: DeployPlan): string {
  const c = countActions([plan]);
  return `${c.create} to create, ${c.update} to update, ${c.delete} to delete, ${c.unchanged} unchanged, ${c.drifted} drifted, ${c.blocked} blocked`;
}

export function itemsSummary(items: ItemsPlan): string {
  const n = (a: string) => items.changes.filter((c) => c.action === a).length;
  const rows = (k: number) => `${k} row${k === 1 ? '' : 's'}`;
  if (items.upload === 'inline') return `${rows(n('create'))} uploaded inline`;
  if (items.upload === 'items' && items.unchanged === 0 && n('update') === 0 && n('delete') === 0) return `${rows(n('create'))} added through the items API (over the 3.8 MB inline limit)`;
  return `items: ${n('create')} to add, ${n('update')} to update, ${n('delete')} to delete, ${items.unchanged} unchanged`;
}

function entryLines(e: PlanEntry): string[] {
  const label = `${ACTION_MARK[e.action]} ${e.action.padEnd(9)} ${what(e.kind).padEnd(14)} ${e.displayName}${e.displayName !== e.name ? ` (${e.name})` : ''}`;
  const lines = [`  ${label}`, `      ${e.reason}`];
  if (e.action !== 'delete') for (const c of e.changes) lines.push(...describeChange(c).map((l) => `      ${l}`));
  if (e.items && e.action !== 'delete' && (e.action !== 'unchanged' || e.items.changes.length)) {
    lines.push(`      ${itemsSummary(e.items)}`);
    if (e.items.upload === 'none') {
      for (const c of e.items.changes.slice(0, 20)) {
        lines.push(`        ${ACTION_MARK[c.action]} ${c.key}${c.changes.length ? `: ${c.changes.flatMap(describeChange).join('; ')}` : ''}`);
      }
      if (e.items.changes.length > 20) lines.push(`        … and ${e.items.changes.length - 20} more item changes (see --format json)`);
    }
  }
  for (const n of e.notes) lines.push(`      note: ${n}`);
  return lines;
}

export function formatWorkspaceText(w: PlannedWorkspace): string {
  const lines = [`Workspace ${describeTarget(w.job.target)}`];
  if (w.diagnostics.length) lines.push(formatText(w.diagnostics));
  if (w.error) lines.push(`  error: ${w.error}`);
  if (w.plan) {
    lines.push(`  source ${w.plan.sourceId}${w.plan.prune ? ', --prune' : ''}${w.plan.force ? ', --force' : ''}`);
    const shown = w.plan.entries.filter((e) => e.action !== 'unchanged' || e.reason !== 'matches the last deploy');
    for (const e of shown) lines.push(...entryLines(e));
    const unowned = w.plan.unowned;
    const ignored = unowned.AnalyticsRule + unowned.HuntingQuery + unowned.Function + unowned.Watchlist;
    if (ignored) lines.push(`  (${ignored} rules, hunting queries, functions or watchlists in the workspace were not deployed by sentinel-cac and are left alone)`);
    lines.push(`  Plan: ${summaryLine(w.plan)}.`);
  }
  return lines.join('\n');
}

export function formatPlanText(workspaces: readonly PlannedWorkspace[]): string {
  return `${workspaces.map(formatWorkspaceText).join('\n\n')}\n`;
}

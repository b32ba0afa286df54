/** `plan --format markdown`: a pull-request comment, one section per workspace, details folded. */
import { formatText } from '../cli/format-diagnostics';
import { what } from './compute-plan';
import type { PlanEntry } from './deploy-plan';
import { describeChange } from './format-change';
import { itemsSummary, summaryLine } from './format-plan-text';
import type { PlannedWorkspace } from './plan-workspace';

const ICON: Record<PlanEntry['action'], string> = { create: '🆕 create', update: '✏️ update', delete: '🗑️ delete', unchanged: '✔️ unchanged', drifted: '⚠️ drifted', blocked: '⛔ blocked' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function details(e: PlanEntry): string[] {
  const lines = e.action === 'delete' ? [] : e.changes.flatMap(describeChange);
  if (e.items && e.action !== 'delete') {
    lines.push(itemsSummary(e.items));
    if (e.items.upload === 'none') for (const c of e.items.changes.slice(0, 50)) lines.push(`  ${c.action} ${c.key}${c.changes.length ? `: ${c.changes.flatMap(describeChange).join('; ')}` : ''}`);
  }
  lines.push(...e.notes.map((n) => `note: ${n}`));
  return lines;
}

function workspaceMarkdown(w: PlannedWorkspace): string {
  const t = w.job.target;
  const out = [`### \`${t.name}\`: workspace \`${t.workspace}\` (resource group \`${t.resourceGroup}\`)`, ''];
  if (w.diagnostics.length) out.push('```', formatText(w.diagnostics), '```', '');
  if (w.error) out.push(`> **Error:** ${w.error}`, '');
  if (!w.plan) return out.join('\n');
  out.push(`**${summaryLine(w.plan)}**`, '');
  const shown = w.plan.entries.filter((e) => e.action !== 'unchanged' || e.reason !== 'matches the last deploy');
  if (shown.length === 0) {
    out.push('Nothing to change.', '');
    return out.join('\n');
  }
  out.push('| Action | Kind | Name | Why |', '| --- | --- | --- | --- |');
  for (const e of shown) out.push(`| ${ICON[e.action]} | ${what(e.kind)} | ${cell(e.displayName)} | ${cell(e.reason)} |`);
  out.push('');
  const withDetails = shown.filter((e) => details(e).length);
  if (withDetails.length) {
    out.push('<details><summary>Changes</summary>', '');
    for (const e of withDetails) out.push(`**${cell(e.displayName)}** (\`${e.name}\`)`, '', '```diff', ...details(e), '```', '');
    out.push('</details>', '');
  }
  return out.join('\n');
}

export function formatPlanMarkdown(workspaces: readonly PlannedWorkspace[]): string {
  return `## sentinel-cac plan\n\n${workspaces.map(workspaceMarkdown).join('\n')}`;
}

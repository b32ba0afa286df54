/**
 * What `deploy` shows while it runs: on a terminal, one status line rewritten in place (failures
 * stay on screen); in CI or a pipe, one plain line per item written. Then a summary table.
 */
import type { ApplyEvent, ApplyResult, EntryResult } from './apply-plan';
import { what } from './compute-plan';

export interface ProgressOutput {
  write(text: string): void;
  /** A terminal (and not CI): rewrite one status line instead of printing a line per item. */
  readonly interactive: boolean;
}

export function isInteractive(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env.CI;
}

function label(r: EntryResult): string {
  return `${r.entry.action} ${what(r.entry.kind)} "${r.entry.displayName}"`;
}

/** Returns the `onEvent` callback for applyPlan, and `done` to clear the status line. */
export function progressReporter(out: ProgressOutput, environment: string, total: number): { onEvent: (e: ApplyEvent) => void; done: () => void } {
  let finished = 0;
  const started = new Set<unknown>();
  let statusShown = false;
  const clear = (): void => {
    if (statusShown) out.write('\r\x1b[2K');
    statusShown = false;
  };
  return {
    onEvent(event) {
      if (event.type === 'start') {
        started.add(event.entry);
        return;
      }
      const r = event.result;
      finished += 1;
      // Entries that never started (unchanged, drifted, blocked, skipped) finish without a start event.
      started.delete(r.entry);
      const line = r.status === 'failed' ? `FAILED  ${r.message}` : r.status === 'skipped' ? `skipped ${label(r)}: ${r.message}` : r.status === 'done' ? `done    ${label(r)} (${r.writes} write${r.writes === 1 ? '' : 's'}, ${r.ms} ms)` : undefined;
      if (out.interactive) {
        clear();
        if (r.status === 'failed' || r.status === 'skipped') out.write(`[${environment}] ${line}\n`);
        out.write(`[${environment}] ${finished}/${total} finished, ${started.size} in progress${line && r.status === 'done' ? `: ${line}` : ''}`);
        statusShown = true;
      } else if (line) {
        out.write(`[${environment}] ${line}\n`);
      }
    },
    done: clear,
  };
}

const COLUMNS = ['Environment', 'Created', 'Updated', 'Deleted', 'Unchanged', 'Drifted', 'Failed', 'Skipped', 'Writes', 'Time'] as const;

export function summaryRow(environment: string, result: ApplyResult): string[] {
  const count = (f: (r: EntryResult) => boolean) => String(result.results.filter(f).length);
  const done = (action: string) => (r: EntryResult) => r.status === 'done' && r.entry.action === action;
  return [
    environment,
    count(done('create')),
    count(done('update')),
    count(done('delete')),
    count((r) => r.status === 'unchanged'),
    count((r) => r.status === 'skipped' && r.entry.action === 'drifted'),
    count((r) => r.status === 'failed'),
    count((r) => r.status === 'skipped' && r.entry.action !== 'drifted'),
    String(result.writes),
    formatDuration(result.ms),
  ];
}

/** A plain-text table (aligned columns), then each failure with its reason. */
export function formatSummary(rows: readonly string[][], failures: readonly string[]): string {
  const table = [[...COLUMNS], ...rows];
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
  const lines = table.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  if (failures.length) lines.push('', `${failures.length} failure${failures.length === 1 ? '' : 's'}:`, ...failures.map((f) => `  ${f}`));
  return `${lines.join('\n')}\n`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

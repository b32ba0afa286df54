/**
 * Executes a plan: watchlists (and their items) first, then workspace functions, then the rules and
 * hunting queries that read or call them, then deletions the other way round. Each entry succeeds
 * or fails on its own; a failed watchlist or function skips only the content that needs it.
 */
import type { DeployPlan, PlanEntry } from './deploy-plan';
import { describeFailure } from './describe-failure';
import type { DeployClients } from './live-state';
import { Semaphore } from './request-budget';
import { what } from './compute-plan';
import { deleteContent, type WriteContext, writeRule, writeSearch, writeWatchlist } from './write-content';
import { contentKey } from './workspace-target';

export type EntryStatus = 'done' | 'failed' | 'skipped' | 'unchanged';

export interface EntryResult {
  readonly entry: PlanEntry;
  readonly status: EntryStatus;
  /** Why it failed or was skipped. */
  readonly message?: string;
  readonly writes: number;
  readonly ms: number;
}

export interface ApplyResult {
  readonly plan: DeployPlan;
  readonly results: readonly EntryResult[];
  readonly writes: number;
  readonly ms: number;
}

export type ApplyEvent = { readonly type: 'start'; readonly entry: PlanEntry } | { readonly type: 'end'; readonly result: EntryResult };

export interface ApplyOptions {
  /** Entries worked on at once (default 8); the clients' own budget bounds requests in flight. */
  readonly concurrency?: number;
  readonly onEvent?: (event: ApplyEvent) => void;
}

const WRITES: ReadonlySet<PlanEntry['action']> = new Set(['create', 'update']);

export async function applyPlan(plan: DeployPlan, clients: DeployClients, options: ApplyOptions = {}): Promise<ApplyResult> {
  const started = Date.now();
  const tasks = new Semaphore(options.concurrency ?? 8);
  const items = new Semaphore(options.concurrency ?? 8);
  const results: EntryResult[] = [];
  let totalWrites = 0;
  const finish = (result: EntryResult): EntryResult => {
    results.push(result);
    options.onEvent?.({ type: 'end', result });
    return result;
  };

  const run = (entry: PlanEntry, work: (ctx: WriteContext) => Promise<void>): Promise<EntryResult> =>
    tasks.run(async () => {
      options.onEvent?.({ type: 'start', entry });
      const t0 = Date.now();
      let writes = 0;
      const ctx: WriteContext = { clients, target: plan.target, sourceId: plan.sourceId, wrote: (n = 1) => void ((writes += n), (totalWrites += n)) };
      try {
        await work(ctx);
        return finish({ entry, status: 'done', writes, ms: Date.now() - t0 });
      } catch (error) {
        return finish({ entry, status: 'failed', message: describeFailure(entry, error), writes, ms: Date.now() - t0 });
      }
    });

  for (const entry of plan.entries) {
    if (entry.action === 'unchanged') finish({ entry, status: 'unchanged', writes: 0, ms: 0 });
    if (entry.action === 'drifted') finish({ entry, status: 'skipped', message: entry.reason, writes: 0, ms: 0 });
    if (entry.action === 'blocked') finish({ entry, status: 'failed', message: entry.reason, writes: 0, ms: 0 });
  }

  const runItems = <T>(fns: (() => Promise<T>)[]): Promise<T[]> => Promise.all(fns.map((fn) => items.run(fn)));
  // Each write waits for what it depends on (a rule for the watchlists it reads and the functions it
  // calls), which is planned and so started before it: watchlists, then functions, then the rest.
  const writes = new Map<string, Promise<EntryResult>>();
  const phase = (kind: PlanEntry['kind'] | undefined): number => (kind === 'Watchlist' ? 0 : kind === 'Function' ? 1 : 2);
  for (const entry of plan.entries.filter((e) => WRITES.has(e.action)).sort((a, b) => phase(a.kind) - phase(b.kind))) {
    writes.set(contentKey(entry.kind, entry.name), afterDependencies(entry));
  }
  await Promise.all(writes.values());

  // Deletions the other way round: what depends on a function or watchlist goes before it.
  const deletes = plan.entries.filter((e) => e.action === 'delete');
  for (const level of [2, 1, 0]) await Promise.all(deletes.filter((e) => phase(e.kind) === level).map((e) => run(e, (ctx) => deleteContent(e, ctx))));

  async function afterDependencies(entry: PlanEntry): Promise<EntryResult> {
    const deps = await Promise.all(entry.dependsOn.map((key) => writes.get(key)).filter((t): t is Promise<EntryResult> => t !== undefined));
    const failed = deps.filter((r) => r.status !== 'done');
    if (failed.length) return finish({ entry, status: 'skipped', message: `not deployed: it needs ${failed.map((r) => `${what(r.entry.kind)} ${r.entry.name}`).join(', ')}, which failed`, writes: 0, ms: 0 });
    if (entry.kind === 'Watchlist') return run(entry, (ctx) => writeWatchlist(entry, ctx, runItems));
    return run(entry, (ctx) => (entry.kind === 'AnalyticsRule' ? writeRule(entry, ctx) : writeSearch(entry, ctx)));
  }

  const order = new Map(plan.entries.map((e, i) => [e, i]));
  results.sort((a, b) => order.get(a.entry)! - order.get(b.entry)!);
  return { plan, results, writes: totalWrites, ms: Date.now() - started };
}

/**
 * Executes a plan: watchlists (and their items) first, then the rules and hunting queries that
 * read them, then deletions (rules and hunting queries before the watchlists they read). Each
 * entry succeeds or fails on its own; a failed watchlist skips only the content that reads it.
 */
import type { DeployPlan, PlanEntry } from './deploy-plan';
import { describeFailure } from './describe-failure';
import type { DeployClients } from './live-state';
import { Semaphore } from './request-budget';
import { deleteContent, type WriteContext, writeRule, writeSearch, writeWatchlist } from './write-content';

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
  const watchlistTasks = new Map<string, Promise<EntryResult>>();
  for (const entry of plan.entries.filter((e) => e.kind === 'Watchlist' && WRITES.has(e.action))) {
    watchlistTasks.set(entry.name.toLowerCase(), run(entry, (ctx) => writeWatchlist(entry, ctx, runItems)));
  }
  const contentTasks = plan.entries
    .filter((e) => e.kind !== 'Watchlist' && WRITES.has(e.action))
    .map(async (entry) => {
      const deps = await Promise.all(entry.dependsOn.map((alias) => watchlistTasks.get(alias)).filter((t): t is Promise<EntryResult> => t !== undefined));
      const failed = deps.filter((r) => r.status === 'failed').map((r) => r.entry.name);
      if (failed.length) return finish({ entry, status: 'skipped', message: `not deployed: it reads watchlist ${failed.join(', ')}, which failed`, writes: 0, ms: 0 });
      return run(entry, (ctx) => (entry.kind === 'AnalyticsRule' ? writeRule(entry, ctx) : writeSearch(entry, ctx)));
    });
  await Promise.all([...watchlistTasks.values(), ...contentTasks]);

  const deletes = plan.entries.filter((e) => e.action === 'delete');
  await Promise.all(deletes.filter((e) => e.kind !== 'Watchlist').map((e) => run(e, (ctx) => deleteContent(e, ctx))));
  await Promise.all(deletes.filter((e) => e.kind === 'Watchlist').map((e) => run(e, (ctx) => deleteContent(e, ctx))));

  const order = new Map(plan.entries.map((e, i) => [e, i]));
  results.sort((a, b) => order.get(a.entry)! - order.get(b.entry)!);
  return { plan, results, writes: totalWrites, ms: Date.now() - started };
}

/**
 * Deploy benchmark (issue 3): 500 rules, 20 hunting queries and 10 watchlists of 1,000 rows to
 * the emulator with 30 ms latency and ARM's token buckets (writes 200 + 10/s, reads 250 + 25/s).
 * Measures a first deploy, an unchanged re-deploy, and a naive baseline that PUTs every
 * resource (and its ownership record, for the same end state) one by one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { validateProject } from '../src/check/validate-project';
import { applyPlan } from '../src/deploy/apply-plan';
import { OperationalInsightsManagementClient } from '@azure/arm-operationalinsights';
import { SecurityInsights } from '@azure/arm-securityinsight';
import { armClientOptions, staticTokenCredential } from '../src/deploy/arm-endpoint';
import { createDeployClients } from '../src/deploy/deploy-clients';
import { metadataName, ownershipMetadata } from '../src/deploy/ownership-metadata';
import { planWorkspace } from '../src/deploy/plan-workspace';
import { contentResourceId, type WorkspaceTarget } from '../src/deploy/workspace-target';
import { buildDesiredState } from '../src/deploy/build-desired-state';
import { startEmulator, type EmulatorStats, type RunningEmulator } from '../test/emulator';
import { generateBenchProject } from './generate-rules';

const TARGET: WorkspaceTarget = { name: 'bench', subscriptionId: '0be0c4e0-0000-4000-8000-00000000be0c', resourceGroup: 'rg-bench', workspace: 'law-bench' };
const RULES = 500;
const HUNTING = 20;
const WATCHLISTS = 10;
const ROWS = 1000;

export interface RunFigures {
  readonly ms: number;
  readonly requests: number;
  readonly writes: number;
  readonly reads: number;
  readonly throttled: number;
  readonly readsByType: Record<string, number>;
}

export interface DeployBenchFigures {
  readonly first: RunFigures;
  readonly redeploy: RunFigures;
  readonly naive: RunFigures;
  readonly pageSize: number;
}

function generate(root: string): void {
  generateBenchProject(root, RULES);
  const rows = (i: number) => ['Value,Note', ...Array.from({ length: ROWS }, (_, r) => `user${r}@list${i}.example.com,row ${r} of list ${i}`)].join('\n') + '\n';
  // generateBenchProject's BenchAllowed (read by a fifth of the rules) becomes the first of the ten lists.
  fs.writeFileSync(path.join(root, 'watchlists', 'bench-allowed.csv'), rows(0));
  for (let i = 1; i < WATCHLISTS; i++) {
    fs.writeFileSync(path.join(root, 'watchlists', `bench-list-${i}.csv`), rows(i));
    fs.writeFileSync(
      path.join(root, 'watchlists', `bench-list-${i}.ts`),
      `import { defineWatchlist } from 'sentinel-cac';\nexport const w = defineWatchlist({ alias: 'BenchList${i}', displayName: 'Bench list ${i}', description: 'Benchmark list', columns: { Value: 'string', Note: 'string' }, searchKey: 'Value', rows: './bench-list-${i}.csv' });\n`,
    );
  }
  fs.mkdirSync(path.join(root, 'rules', 'hunting'), { recursive: true });
  for (let i = 0; i < HUNTING; i++) {
    const id = `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`;
    fs.writeFileSync(
      path.join(root, 'rules', 'hunting', `bench-hunt-${i}.ts`),
      `import { defineHuntingQuery, kql } from 'sentinel-cac';\nexport const q = defineHuntingQuery({ id: '${id}', name: 'Bench hunt ${i}', description: 'Benchmark hunting query', tactics: ['Persistence'], query: kql\`AuditLogs\n| where OperationName has "federated"\n| take ${i + 1}\` });\n`,
    );
  }
}

async function measure(emulator: RunningEmulator, run: () => Promise<void>): Promise<RunFigures> {
  emulator.resetStats();
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  const s: EmulatorStats = emulator.stats;
  const readsByType = Object.fromEntries(Object.entries(s.byResourceType).map(([k, v]) => [k, v.reads]));
  return { ms, requests: s.total, writes: s.writes + s.deletes, reads: s.reads, throttled: s.armThrottled, readsByType };
}

const emulatorOptions = { latencyMs: 30, throttle: true as const, requestLogLimit: 100 };

export async function runDeployBench(repoRoot: string): Promise<DeployBenchFigures> {
  const root = path.join(repoRoot, '.bench-out', 'deploy');
  generate(root);
  const validated = validateProject(root);
  const errors = validated.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`the generated bench project has errors: ${JSON.stringify(errors.slice(0, 3))}`);
  const credential = staticTokenCredential('bench-token');
  const settings = { sourceId: 'bench', prune: false, force: false };

  const emulator = await startEmulator(emulatorOptions);
  let first: RunFigures;
  let redeploy: RunFigures;
  try {
    const deploy = async (): Promise<void> => {
      const clients = createDeployClients(TARGET.subscriptionId, { endpoint: emulator.url, credential, concurrency: 8 });
      const planned = await planWorkspace(validated, { target: TARGET }, clients, settings);
      const result = await applyPlan(planned.plan!, clients, { concurrency: 8 });
      const failed = result.results.filter((r) => r.status === 'failed');
      if (failed.length) throw new Error(`bench deploy failed: ${failed[0].message}`);
    };
    first = await measure(emulator, deploy);
    redeploy = await measure(emulator, deploy);
  } finally {
    await emulator.close();
  }

  // The naive baseline: one PUT after another, the SDK's default retries, no reads.
  const fresh = await startEmulator(emulatorOptions);
  let naive: RunFigures;
  try {
    const { state } = buildDesiredState(validated, undefined);
    // Plain SDK clients: the SDK's default retries (Retry-After honoured, 3 times), none of our pacing.
    const sentinel = new SecurityInsights(credential, TARGET.subscriptionId, armClientOptions(fresh.url, credential));
    const logAnalytics = new OperationalInsightsManagementClient(credential, TARGET.subscriptionId, armClientOptions(fresh.url, credential));
    const { resourceGroup: rg, workspace: ws } = TARGET;
    const record = (kind: 'AnalyticsRule' | 'HuntingQuery' | 'Watchlist', name: string) =>
      sentinel.metadata.create(rg, ws, metadataName(kind, name), ownershipMetadata({ kind, parentId: contentResourceId(TARGET, kind, name), contentId: name, record: { sourceId: 'naive', desiredHash: '0'.repeat(32), deployedHash: '0'.repeat(32) } }));
    naive = await measure(fresh, async () => {
      for (const w of state.watchlists) {
        await sentinel.watchlists.createOrUpdate(rg, ws, w.name, { ...w.body, rawContent: w.csv });
        await record('Watchlist', w.name);
      }
      for (const r of state.rules) {
        await sentinel.alertRules.createOrUpdate(rg, ws, r.name, r.body);
        await record('AnalyticsRule', r.name);
      }
      for (const q of state.searches) {
        await logAnalytics.savedSearches.createOrUpdate(rg, ws, q.name, { ...q.body, etag: '*' });
        await record('HuntingQuery', q.name);
      }
    });
  } finally {
    await fresh.close();
  }
  return { first: first!, redeploy: redeploy!, naive: naive!, pageSize: 50 };
}

function line(label: string, f: RunFigures): string {
  return `  ${label.padEnd(34)}${(f.ms / 1000).toFixed(1).padStart(6)} s  ${String(f.requests).padStart(5)} requests (${f.writes} writes, ${f.reads} reads, ${f.throttled} answered 429 by the ARM buckets)`;
}

export async function printDeployBench(repoRoot: string): Promise<void> {
  const f = await runDeployBench(repoRoot);
  const reads = Object.entries(f.redeploy.readsByType).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(', ');
  console.log(
    [
      `deploy (issue 3), ${RULES} rules + ${HUNTING} hunting queries + ${WATCHLISTS} watchlists x ${ROWS.toLocaleString('en')} rows, emulator with 30 ms latency and ARM token buckets:`,
      line('first deploy (plan + apply)', f.first),
      line('naive: PUT each resource in turn', f.naive),
      `  ratio naive / ours (first deploy)  ${(f.naive.ms / f.first.ms).toFixed(2)}x (both are bound by the write bucket: ${f.first.writes} writes need >= ${((f.first.writes - 200) / 10).toFixed(0)} s)`,
      line('unchanged re-deploy', f.redeploy),
      `  ratio naive / ours (re-deploy)     ${(f.naive.ms / f.redeploy.ms).toFixed(1)}x (a naive tool re-PUTs everything: ${f.naive.writes} writes)`,
      `  re-deploy reads by type            ${reads} (pages of ${f.pageSize})`,
    ].join('\n'),
  );
}

if (require.main === module) {
  printDeployBench(path.join(__dirname, '..')).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}

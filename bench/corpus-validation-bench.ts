import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../src/catalog/generate/reference-dir';
import { projectSchemaInput } from '../src/check/project-schema-input';
import { KqlSchema } from '../src/kql/kql-schema';
import { kustoLanguage } from '../src/kql/kusto-bridge';
import { ensureSnapshot } from '../src/kql/kusto-snapshot.cjs';
import { loadProject } from '../src/load/load-project';
import type { LoadedProject } from '../src/load/loaded-project';
import { projectCacheDir } from '../src/util/project-cache-dir';
import { bareOnEveryCoreMs } from './bare-on-every-core';
import { importCorpusProjects } from './corpus-projects';
import { summarizeTriage, triageProject, type DefinitionOutcome, type TriageDiagnostic } from './corpus-triage';
import { generateBenchProject } from './generate-rules';
import { queryTexts } from './query-texts';
import { time } from './timing';

export interface ProjectFigures {
  readonly name: string;
  /** Rules and hunting queries with a query. */
  readonly queries: number;
  /** `validate` end to end (a new process), caches removed first. */
  readonly coldMs: number;
  /** The same again, nothing changed. */
  readonly warmMs: number;
  /** The same again, without the Kusto.Language start-up snapshot (SENTINEL_CAC_SNAPSHOT=0). */
  readonly warmWithoutSnapshotMs: number;
  /** After appending a new `| where` to one rule's .kql. */
  readonly editMs: number;
  /** After a second such edit, without the Kusto.Language start-up snapshot. */
  readonly editWithoutSnapshotMs: number;
  readonly editedFile: string;
  /** Kusto.Language's ParseAndAnalyze + GetDiagnostics of the same texts, one thread, Kusto already loaded. */
  readonly bareMs: number;
  /** The same, one thread per core (each warmed up alike): what the cores really give on this machine. */
  readonly bareEveryCoreMs: number;
  /** Rules and hunting queries without an error diagnostic in the cold run. */
  readonly clean: number;
  /** Each rule and hunting query with the error codes of the cold run. */
  readonly outcomes: readonly DefinitionOutcome[];
}

export interface CorpusValidationFigures {
  readonly cores: number;
  readonly projects: readonly ProjectFigures[];
  /** A generated 1,600-rule project (bench/generate-rules.ts): the size the warm-start goal names. */
  readonly generated: ProjectFigures;
}

const BIN = path.join(repoRoot(), 'bin', 'sentinel-cac.cjs');

/**
 * Issue 7's benchmark: every yaml:analytic and yaml:hunting file of the corpus imported into one
 * project per source repository, each validated by the real CLI in a new process cold (caches
 * removed), warm (nothing changed) and after one rule's query changed; against the bare Kusto time
 * of the same query texts, single-threaded, divided by the cores.
 */
export function runCorpusValidationBench(repo: string = repoRoot()): CorpusValidationFigures {
  const out = path.join(repo, '.bench-out');
  // Built once per Node.js version, like an install step; its ~2 s is not any project's cold run.
  if (ensureSnapshot() === undefined) throw new Error('could not build the Kusto.Language start-up snapshot (see node_modules/.cache/sentinel-cac/*.failed)');
  const projects = importCorpusProjects(path.join(out, 'corpus')).map((p) => measureProject(p.repo, p.root));
  const generatedRoot = path.join(out, 'corpus-generated-1600');
  generateBenchProject(generatedRoot, 1600);
  // Every failing definition with its codes, for triaging by hand.
  const failing = projects.flatMap((p) => p.outcomes.filter((o) => o.group).map((o) => ({ project: p.name, ...o })));
  fs.writeFileSync(path.join(out, 'corpus-failures.json'), `${JSON.stringify(failing, null, 1)}\n`);
  return { cores: os.availableParallelism(), projects, generated: measureProject('generated 1,600 rules', generatedRoot) };
}

function measureProject(name: string, root: string): ProjectFigures {
  fs.rmSync(projectCacheDir(root), { recursive: true, force: true });
  const cold = runValidate(root);
  const warm = runValidate(root);
  const warmWithoutSnapshot = runValidate(root, WITHOUT_SNAPSHOT);
  const edited = firstRuleQueryFile(root);
  const original = fs.readFileSync(edited, 'utf8');
  // A condition no earlier run has seen, so its analysis cannot come from the cache.
  const edit = (env?: NodeJS.ProcessEnv) => {
    fs.writeFileSync(edited, `${original}\n| where '${randomUUID()}' != ''`);
    return runValidate(root, env);
  };
  const [edit1, edit2] = [edit(), edit(WITHOUT_SNAPSHOT)];
  fs.writeFileSync(edited, original);
  const project = loadProject(root);
  const outcomes = triageProject(project, cold.diagnostics);
  return {
    name,
    queries: queryTexts(project).length,
    coldMs: cold.ms,
    warmMs: warm.ms,
    warmWithoutSnapshotMs: warmWithoutSnapshot.ms,
    editMs: edit1.ms,
    editWithoutSnapshotMs: edit2.ms,
    editedFile: path.relative(root, edited),
    bareMs: bareAnalysisMs(project),
    bareEveryCoreMs: bareOnEveryCoreMs(root),
    clean: outcomes.filter((o) => !o.group).length,
    outcomes,
  };
}

type BenchDiagnostic = TriageDiagnostic;

const WITHOUT_SNAPSHOT: NodeJS.ProcessEnv = { SENTINEL_CAC_SNAPSHOT: '0' };

function runValidate(root: string, env: NodeJS.ProcessEnv = {}): { ms: number; diagnostics: BenchDiagnostic[] } {
  const { value: run, ms } = time(() =>
    spawnSync(process.execPath, [BIN, 'validate', '-C', root, '--format', 'json'], { cwd: repoRoot(), encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 }),
  );
  if (run.status !== 0 && run.status !== 1) throw new Error(`validate -C ${root} exited ${run.status}:\n${run.stderr}`);
  return { ms, diagnostics: (JSON.parse(run.stdout) as { diagnostics: BenchDiagnostic[] }).diagnostics };
}

/** The .kql of the first rule (in file order) that has one: an ordinary edit, not a chosen one. */
function firstRuleQueryFile(root: string): string {
  const rules = path.join(root, 'rules');
  const first = (fs.readdirSync(rules, { recursive: true }) as string[]).filter((f) => f.endsWith('.kql')).sort()[0];
  if (!first) throw new Error(`${rules}: no .kql file to edit`);
  return path.join(rules, first);
}

/** ParseAndAnalyze + GetDiagnostics of each text against the same globals validate builds, after a warm-up. */
function bareAnalysisMs(project: LoadedProject): number {
  const K = kustoLanguage();
  const schema = new KqlSchema(projectSchemaInput(project));
  const texts = queryTexts(project);
  for (const text of texts.slice(0, 5)) K.KustoCode.ParseAndAnalyze(text, schema.globals).GetDiagnostics();
  return time(() => {
    for (const text of texts) K.KustoCode.ParseAndAnalyze(text, schema.globals).GetDiagnostics();
  }).ms;
}

export function formatCorpusValidationFigures(f: CorpusValidationFigures): string {
  const sum = (pick: (p: ProjectFigures) => number): number => f.projects.reduce((total, p) => total + pick(p), 0);
  const [queries, cold, bare, bareEveryCore, clean] = [sum((p) => p.queries), sum((p) => p.coldMs), sum((p) => p.bareMs), sum((p) => p.bareEveryCoreMs), sum((p) => p.clean)];
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const largest = [...f.projects].sort((a, b) => b.queries - a.queries)[0];
  const row = (p: ProjectFigures): string =>
    `  ${p.name.padEnd(34)} ${String(p.queries).padStart(5)} ${s(p.coldMs).padStart(8)} ${(p.coldMs / (p.bareMs / f.cores)).toFixed(2).padStart(6)}x ${s(p.warmMs).padStart(8)} ${s(p.warmWithoutSnapshotMs).padStart(8)} ${s(p.editMs).padStart(8)} ${s(p.editWithoutSnapshotMs).padStart(8)} ${String(p.clean).padStart(6)}`;
  const slowest = (pick: (p: ProjectFigures) => number): string => s(Math.max(...f.projects.map(pick)));
  return [
    `corpus validation (issue 7), ${queries} rules and hunting queries in ${f.projects.length} projects, ${f.cores} cores:`,
    `  cold, whole corpus                 ${s(cold)} = ${(cold / (bare / f.cores)).toFixed(2)}x the bare ParseAndAnalyze time per core (${s(bare)} / ${f.cores}; target <= 1.2x)`,
    `  cold, whole corpus, against bare ParseAndAnalyze run on all ${f.cores} cores at once (${s(bareEveryCore)}; ${(bare / bareEveryCore).toFixed(2)}x the single-thread throughput) ${(cold / bareEveryCore).toFixed(2)}x`,
    `  cold, largest project (${largest.name}) ${(largest.coldMs / (largest.bareMs / f.cores)).toFixed(2)}x per core; ${(largest.coldMs / largest.bareEveryCoreMs).toFixed(2)}x bare on all cores`,
    `  warm, nothing changed              ${slowest((p) => p.warmMs)} slowest project (target < 1 s); ${s(f.generated.warmMs)} for ${f.generated.queries} generated rules; without the Kusto.Language snapshot ${slowest((p) => p.warmWithoutSnapshotMs)} and ${s(f.generated.warmWithoutSnapshotMs)}`,
    `  one rule's query edited            ${slowest((p) => p.editMs)} slowest project (target < 1.5 s); ${s(f.generated.editMs)} for ${f.generated.queries} generated rules; without the Kusto.Language snapshot ${slowest((p) => p.editWithoutSnapshotMs)} and ${s(f.generated.editWithoutSnapshotMs)}`,
    `  rules and hunting queries with no error diagnostic: ${clean} of ${queries} (${((100 * clean) / queries).toFixed(1)}%)`,
    `  ${'project'.padEnd(34)} ${'queries'.padStart(5)} ${'cold'.padStart(8)} ${'ratio'.padStart(7)} ${'warm'.padStart(8)} ${'(no snap)'.padStart(8)} ${'edit'.padStart(8)} ${'(no snap)'.padStart(8)} ${'clean'.padStart(6)}`,
    ...[...f.projects, f.generated].map(row),
    `  clean-validation share, Azure-Sentinel analytic rules (forks of Azure/Azure-Sentinel): ${summarizeTriage(azureSentinelRules(f)).join('\n    ')}`,
    `  clean-validation share, every rule and hunting query: ${summarizeTriage(f.projects.flatMap((p) => p.outcomes)).join('\n    ')}`,
  ].join('\n');
}

function azureSentinelRules(f: CorpusValidationFigures): DefinitionOutcome[] {
  return f.projects.filter((p) => p.name.endsWith('/Azure-Sentinel')).flatMap((p) => p.outcomes.filter((o) => o.kind === 'AnalyticsRule'));
}

if (require.main === module) console.log(formatCorpusValidationFigures(runCorpusValidationBench()));

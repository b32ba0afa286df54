import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { repoRoot } from '../src/catalog/generate/reference-dir';
import { projectSchemaInput } from '../src/check/project-schema-input';
import { KqlSchema, type SchemaInput } from '../src/kql/kql-schema';
import { kustoLanguage } from '../src/kql/kusto-bridge';
import { loadProject } from '../src/load/load-project';
import { queryTexts } from './query-texts';

/**
 * The bare ParseAndAnalyze time of a project's queries with one thread per core, Kusto.Language
 * loaded and warmed up in each beforehand: what the cores really give, as opposed to the bare
 * single-thread time divided by the cores, which assumes they add up. Run in a process of its own
 * (the worker threads need an event loop; the bench is synchronous).
 */
export function bareOnEveryCoreMs(root: string, threads: number = os.availableParallelism()): number {
  const run = spawnSync(process.execPath, ['-r', 'tsx/cjs', __filename, root, String(threads)], { cwd: repoRoot(), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`bare-on-every-core ${root} exited ${run.status}:\n${run.stderr}`);
  return Number(JSON.parse(run.stdout).ms);
}

interface ThreadData {
  readonly input: SchemaInput;
  readonly texts: readonly string[];
  readonly thread: number;
  readonly threads: number;
}

function runThreads(root: string, threads: number): void {
  const project = loadProject(root);
  const texts = queryTexts(project);
  const input = projectSchemaInput(project);
  const workers = Array.from({ length: threads }, (_, thread) => new Worker(__filename, { workerData: { input, texts, thread, threads } satisfies ThreadData, execArgv: ['-r', 'tsx/cjs'] }));
  let ready = 0;
  let done = 0;
  let started = 0;
  for (const worker of workers) {
    worker.on('error', (error) => {
      console.error(error);
      process.exit(1);
    });
    worker.on('message', (message: string) => {
      if (message === 'ready' && ++ready === threads) {
        started = performance.now();
        for (const w of workers) w.postMessage('go');
      } else if (message === 'done' && ++done === threads) {
        console.log(JSON.stringify({ ms: performance.now() - started }));
        process.exit(0);
      }
    });
  }
}

/** One thread: every `threads`-th query, after the same 5-query warm-up as the single-thread bare time. */
function runThread(data: ThreadData): void {
  const K = kustoLanguage();
  const schema = new KqlSchema(data.input);
  const mine = data.texts.filter((_, i) => i % data.threads === data.thread);
  for (const text of mine.slice(0, 5)) K.KustoCode.ParseAndAnalyze(text, schema.globals).GetDiagnostics();
  parentPort!.once('message', () => {
    for (const text of mine) K.KustoCode.ParseAndAnalyze(text, schema.globals).GetDiagnostics();
    parentPort!.postMessage('done');
  });
  parentPort!.postMessage('ready');
}

if (!isMainThread && (workerData as ThreadData | undefined)?.texts) runThread(workerData as ThreadData);
else if (isMainThread && require.main === module) runThreads(path.resolve(process.argv[2]), Number(process.argv[3]));

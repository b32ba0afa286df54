import path from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { AnalysisHelpers, ThreadOptions } from './analysis-helpers';
import type { QueryAnalysis } from './analyze-query';
import { FINISHED, NEXT_INDEX, type AnalysisJob, type AnalysisWorkerData, type AnalysisWorkerMessage } from './analysis-worker';
import type { SchemaInput } from './kql-schema';

const WORKER_ENTRY = path.join(__dirname, 'analysis-worker-entry.cjs');

/** Fewer queries than this are analyzed on one thread: a worker takes about a second to load Kusto.Language, the time of ~30 queries. */
export const PARALLEL_FROM = 20;


/**
 * Worker threads for one batch of query analyses, returned synchronously so `validate` and every
 * caller of it stay synchronous. The workers start (and load Kusto.Language, the ~1.2 s a first
 * analysis costs) as soon as the pool is made, so it can be made before the queries are known.
 *
 * Each worker builds its own KqlSchema from the plain-data SchemaInput. Work is claimed one query at
 * a time from a shared counter, so the calling thread starts at once and fast and slow threads end
 * together. The calling thread then blocks (Atomics.wait) until every worker has finished and reads
 * their results with receiveMessageOnPort. Whatever a worker did not deliver — it failed to start,
 * threw, or stalled — is analyzed on the calling thread, so the result never depends on the workers.
 */
export class AnalysisPool implements AnalysisHelpers {
  private readonly workers: { readonly worker: Worker; readonly port: MessagePort }[];
  private used = false;

  constructor(count: number) {
    this.workers = Array.from({ length: count }, () => {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(WORKER_ENTRY, { workerData: { port: port2 } satisfies AnalysisWorkerData, transferList: [port2] });
      // The main thread reads results synchronously; a worker must never keep the process alive.
      worker.unref();
      return { worker, port: port1 };
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** The analyses of `texts`, in order. A pool runs one batch; it is closed afterwards. */
  analyze(input: SchemaInput, texts: readonly string[], options: ThreadOptions): QueryAnalysis[] {
    if (this.used) throw new Error('an AnalysisPool analyzes one batch; make another');
    this.used = true;
    const results: (QueryAnalysis | undefined)[] = new Array(texts.length).fill(undefined);
    try {
      if (texts.length > 0 && this.workers.length > 0) {
        const counters = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
        const job: AnalysisJob = { kind: 'job', input, texts, counters: counters.buffer as SharedArrayBuffer };
        for (const { port } of this.workers) port.postMessage(job);
        if (!options.workersOnly) {
          for (let index = Atomics.add(counters, NEXT_INDEX, 1); index < texts.length; index = Atomics.add(counters, NEXT_INDEX, 1)) {
            results[index] = options.analyzeHere(texts[index]);
          }
        }
        this.collect(counters, results, options);
      }
    } finally {
      this.close();
    }
    return results.map((analysis, index) => analysis ?? options.analyzeHere(texts[index]));
  }

  close(): void {
    this.used = true;
    for (const { worker, port } of this.workers) {
      port.close();
      void worker.terminate();
    }
  }

  /** Waits for every worker to post `done`, taking their analyses as they come. */
  private collect(counters: Int32Array, results: (QueryAnalysis | undefined)[], options: ThreadOptions): void {
    const open = new Set(this.workers.map((w) => w.port));
    const stallMs = options.stallMs ?? 60_000;
    let lastNews = performance.now();
    while (open.size > 0) {
      let news = false;
      for (const port of open) {
        for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
          news = true;
          const message = received.message as AnalysisWorkerMessage;
          if (message.kind === 'analysis') results[message.index] = message.analysis as QueryAnalysis;
          else if (message.kind === 'failed') options.onWorkerFailure?.(message.error);
          else {
            open.delete(port);
            break;
          }
        }
      }
      if (open.size === 0) return;
      if (news) lastNews = performance.now();
      else if (performance.now() - lastNews > stallMs) {
        options.onWorkerFailure?.(`no word from ${open.size} analysis worker(s) for ${Math.round(stallMs / 1000)} s; analyzing their queries on the main thread`);
        return;
      }
      // Woken early when a worker finishes; otherwise look again shortly for its analyses.
      Atomics.wait(counters, FINISHED, Atomics.load(counters, FINISHED), 20);
    }
  }
}

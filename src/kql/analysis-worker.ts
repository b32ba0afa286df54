import type { MessagePort } from 'node:worker_threads';
import { analyzeQuery } from './analyze-query';
import { KqlSchema, type SchemaInput } from './kql-schema';

/** What a worker is started with: the port it talks to the main thread on. */
export interface AnalysisWorkerData {
  readonly port: MessagePort;
}

/** The work, sent when it is known (a worker may be started before, to load Kusto.Language meanwhile). */
export interface AnalysisJob {
  readonly kind: 'job';
  readonly input: SchemaInput;
  readonly texts: readonly string[];
  /** Int32 [next index to claim, workers finished], shared with the main thread and the other workers. */
  readonly counters: SharedArrayBuffer;
}

/** A message from a worker: one analysis, a failure, or the end of its work. */
export type AnalysisWorkerMessage =
  | { readonly kind: 'analysis'; readonly index: number; readonly analysis: unknown }
  | { readonly kind: 'failed'; readonly index: number | undefined; readonly error: string }
  | { readonly kind: 'done' };

export const NEXT_INDEX = 0;
export const FINISHED = 1;

/**
 * Waits for the job; the entry (analysis-worker-entry.cjs) has loaded Kusto.Language meanwhile, or
 * failed to (`warmUpError`), which then fails the job so the main thread takes its queries.
 */
export function runAnalysisWorker(data: AnalysisWorkerData, warmUpError?: string): void {
  data.port.once('message', (job: AnalysisJob) => runJob(job, data.port, warmUpError));
}

/**
 * Builds its own KqlSchema from the SchemaInput (Kusto symbols cannot cross threads), then claims
 * queries one at a time until none are left, posting each analysis back. Whatever happens, it
 * posts `done` and counts itself finished, so the waiting main thread is never left hanging.
 */
function runJob(job: AnalysisJob, port: MessagePort, warmUpError: string | undefined): void {
  const counters = new Int32Array(job.counters);
  let index: number | undefined;
  try {
    if (warmUpError) throw new Error(warmUpError);
    const schema = new KqlSchema(job.input);
    for (;;) {
      index = Atomics.add(counters, NEXT_INDEX, 1);
      if (index >= job.texts.length) break;
      port.postMessage({ kind: 'analysis', index, analysis: analyzeQuery(job.texts[index], schema) } satisfies AnalysisWorkerMessage);
    }
  } catch (error) {
    port.postMessage({ kind: 'failed', index, error: describeError(error) } satisfies AnalysisWorkerMessage);
  } finally {
    port.postMessage({ kind: 'done' } satisfies AnalysisWorkerMessage);
    Atomics.add(counters, FINISHED, 1);
    Atomics.notify(counters, FINISHED);
    port.close();
  }
}

/** An error as a helper reports it: its stack when it has one. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

import os from 'node:os';
import { AnalysisPool } from './analysis-pool';
import { ProcessAnalysisPool } from './analysis-process-pool';
import type { QueryAnalysis } from './analyze-query';
import type { SchemaInput } from './kql-schema';
import { snapshotNodeArgs } from './kusto-snapshot.cjs';

/** How a batch is shared between the calling thread and its helpers (threads or processes). */
export interface ThreadOptions {
  /** Analyzes one query on the calling thread, which takes its share of the work unless `workersOnly`. */
  readonly analyzeHere: (text: string) => QueryAnalysis;
  /**
   * Leave the queries to the workers (the caller only waits): for a few queries when the workers
   * were started early and have Kusto.Language loaded, while this thread has not.
   */
  readonly workersOnly?: boolean;
  /** A worker that reports nothing for this long is given up; its queries are analyzed here. @default 60 s */
  readonly stallMs?: number;
  /** Told when a worker fails (it could not start, or a query threw there); its queries are then analyzed here. */
  readonly onWorkerFailure?: (error: string) => void;
}

/** Helpers that analyze one batch of queries alongside the calling thread (threads or processes). */
export interface AnalysisHelpers {
  readonly size: number;
  /** The analyses of `texts`, in order; the helpers are closed afterwards. */
  analyze(input: SchemaInput, texts: readonly string[], options: ThreadOptions): QueryAnalysis[];
  close(): void;
}

/**
 * `count` helpers, started now so they load while the caller goes on: processes started from the
 * Kusto.Language snapshot when this process runs from one (the CLI), worker threads otherwise.
 */
export function startAnalysisHelpers(count: number): AnalysisHelpers {
  const nodeArgs = snapshotNodeArgs();
  if (nodeArgs && count > 0) {
    try {
      return new ProcessAnalysisPool(count, nodeArgs);
    } catch {
      // No job folder (an unwritable temporary directory): threads need none.
    }
  }
  return new AnalysisPool(count);
}

/** Analyzes `texts` on `threads` threads or processes (this thread included). */
export function analyzeInParallel(input: SchemaInput, texts: readonly string[], options: ThreadOptions & { readonly threads?: number }): QueryAnalysis[] {
  const helpers = Math.max(0, Math.min((options.threads ?? os.availableParallelism()) - 1, texts.length - 1));
  return startAnalysisHelpers(helpers).analyze(input, texts, options);
}

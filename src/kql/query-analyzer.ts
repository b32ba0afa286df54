import os from 'node:os';
import { AnalysisCache } from './analysis-cache';
import { analyzeInParallel, type AnalysisHelpers } from './analysis-helpers';
import { PARALLEL_FROM } from './analysis-pool';
import { analyzeQuery, type QueryAnalysis } from './analyze-query';
import { KqlSchema, type SchemaInput } from './kql-schema';
import { kustoIsLoaded } from './kusto-snapshot.cjs';
import { preloadKustoLanguage } from './preload-kusto';

export interface QueryAnalyzerOptions {
  /** Folder of the on-disk analysis cache; without one, every query is analyzed. */
  readonly cacheDir?: string;
  /** Threads for uncached queries, this one included. @default os.availableParallelism() */
  readonly threads?: number;
  /** Fewer uncached queries than this are analyzed on one thread. @default PARALLEL_FROM */
  readonly parallelFrom?: number;
  /**
   * Workers started earlier, when queries were likely to need analysis (see input-snapshot): they
   * load Kusto.Language while the project loads. Closed by the first analyzeAll().
   */
  readonly pool?: AnalysisHelpers;
  readonly onWorkerFailure?: (error: string) => void;
}

/**
 * Analyzes queries against one SchemaInput: cached analyses first, the rest on every core, then
 * stored. The KqlSchema (and so Kusto.Language) is only built when a query has to be analyzed on
 * this thread, or when a caller asks for `schema`.
 */
export class QueryAnalyzer {
  private built: KqlSchema | undefined;
  private readonly cache: AnalysisCache | undefined;
  private pool: AnalysisHelpers | undefined;

  constructor(
    readonly input: SchemaInput,
    private readonly options: QueryAnalyzerOptions = {},
  ) {
    this.cache = options.cacheDir === undefined ? undefined : new AnalysisCache(options.cacheDir, input);
    this.pool = options.pool;
  }

  get schema(): KqlSchema {
    if (!this.built) preloadKustoLanguage();
    this.built ??= new KqlSchema(this.input);
    return this.built;
  }

  analyze(text: string): QueryAnalysis {
    return this.analyzeAll([text])[0];
  }

  /** The analyses of `texts`, in order; a text given twice is analyzed once. */
  analyzeAll(texts: readonly string[]): QueryAnalysis[] {
    const found = new Map<string, QueryAnalysis>();
    const keys = new Map<string, string>();
    for (const text of texts) {
      if (found.has(text) || keys.has(text)) continue;
      const key = this.cache?.keyOf(text);
      const cached = key === undefined ? undefined : this.cache!.get(key);
      if (cached) found.set(text, cached);
      else keys.set(text, key ?? '');
    }
    const missing = [...keys.keys()];
    const fresh = this.analyzeMissing(missing);
    missing.forEach((text, i) => {
      found.set(text, fresh[i]);
      if (this.cache) this.cache.set(keys.get(text)!, fresh[i]);
    });
    return texts.map((text) => found.get(text)!);
  }

  private analyzeMissing(texts: readonly string[]): QueryAnalysis[] {
    const pool = this.pool;
    this.pool = undefined;
    const analyzeHere = (text: string): QueryAnalysis => analyzeQuery(text, this.schema);
    const many = texts.length >= (this.options.parallelFrom ?? PARALLEL_FROM);
    const { onWorkerFailure } = this.options;
    // Workers already loading Kusto.Language are ahead of this thread, unless it started with it
    // (the CLI's snapshot): give them a few queries alone, or share many with them.
    if (pool && pool.size > 0 && texts.length > 0) return pool.analyze(this.input, texts, { analyzeHere, workersOnly: !many && !kustoIsLoaded(), onWorkerFailure });
    pool?.close();
    const threads = this.options.threads ?? os.availableParallelism();
    if (threads > 1 && many) return analyzeInParallel(this.input, texts, { threads, analyzeHere, onWorkerFailure });
    return texts.map(analyzeHere);
  }
}

import os from 'node:os';
import { InputSnapshot } from '../load/input-snapshot';
import { startAnalysisHelpers, type AnalysisHelpers } from './analysis-helpers';
import { PARALLEL_FROM } from './analysis-pool';
import { kustoIsLoaded } from './kusto-snapshot.cjs';

/** What `validate` starts before it loads anything else. */
export interface EarlyAnalysis {
  readonly snapshot: InputSnapshot;
  /** Analysis workers, started when queries will likely need analysis; they load Kusto.Language meanwhile. */
  readonly pool: AnalysisHelpers | undefined;
}

/**
 * Compares the project's content files with the last run's (an InputSnapshot, ~20 ms) and, if queries
 * will likely need analysis, starts analysis workers right away: loading Kusto.Language and building
 * its parser takes them ~1 s, which then overlaps with loading the validator and the project. Light
 * on purpose: it is meant to run before the heavy modules are even required.
 *
 * When this thread already has Kusto.Language (the CLI started from its snapshot), it analyzes a
 * few changed queries sooner than a worker could start, so workers are started early only when
 * many files changed.
 */
export function startEarlyAnalysis(snapshot: InputSnapshot): EarlyAnalysis {
  const changed = snapshot.changedFiles();
  const worthWorkers = changed > 0 && (!kustoIsLoaded() || changed >= PARALLEL_FROM);
  return { snapshot, pool: worthWorkers ? startAnalysisHelpers(os.availableParallelism() - 1) : undefined };
}

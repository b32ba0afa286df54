import os from 'node:os';
import { InputSnapshot } from '../load/input-snapshot';
import { AnalysisPool } from './analysis-pool';

/** What `validate` starts before it loads anything else. */
export interface EarlyAnalysis {
  readonly snapshot: InputSnapshot;
  /** Analysis workers, started when the content changed since the last run; they load Kusto.Language meanwhile. */
  readonly pool: AnalysisPool | undefined;
}

/**
 * Compares the project's content files with the last run's (InputSnapshot, ~20 ms) and, if they
 * changed, starts analysis workers right away: loading Kusto.Language and building its parser takes
 * them ~1 s, which then overlaps with loading the validator and the project. Light on purpose: it
 * is meant to run before the heavy modules are even required.
 */
export function startEarlyAnalysis(root: string, cacheDir: string): EarlyAnalysis {
  const snapshot = InputSnapshot.take(root, cacheDir);
  return { snapshot, pool: snapshot.unchanged() ? undefined : new AnalysisPool(os.availableParallelism() - 1) };
}

import path from 'node:path';
import type { CheckContext } from './check';
import type { Diagnostic } from './diagnostic';
import { runChecks } from './run-checks';
import type { QueryAnalysis } from '../kql/analyze-query';
import type { KqlSchema, SchemaInput } from '../kql/kql-schema';
import type { AnalysisHelpers } from '../kql/analysis-helpers';
import { startEarlyAnalysis, type EarlyAnalysis } from '../kql/early-analysis';
import { QueryAnalyzer } from '../kql/query-analyzer';
import { DefinitionCache } from '../load/definition-cache';
import { InputSnapshot } from '../load/input-snapshot';
import { mergeSchemaInputs } from '../schema/merge-schema-inputs';
import { functionBodyTexts, onFunctionBody } from './function-bodies';
import { projectSchemaInput } from './project-schema-input';
import type { LoadedFunction, LoadedHuntingQuery, LoadedProject, LoadedRule } from '../load/loaded-project';
import { loadProject } from '../load/load-project';

export interface ValidatedProject {
  readonly project: LoadedProject;
  readonly schema: KqlSchema;
  readonly analyses: ReadonlyMap<LoadedRule | LoadedHuntingQuery, QueryAnalysis>;
  /** The analyses of the bodies of the functions declared by one. */
  readonly functionAnalyses: ReadonlyMap<LoadedFunction, QueryAnalysis>;
  readonly diagnostics: readonly Diagnostic[];
}

/** load → bind every query against the workspace schema → run every check. Never throws for bad content. */
export function validateProject(root: string, options: ValidateOptions = {}): ValidatedProject {
  const { cacheDir } = options;
  if (cacheDir === undefined) return validateLoadedProject(loadProject(root), options);
  const { snapshot, pool } = options.early ?? startEarlyAnalysis(InputSnapshot.take(root, cacheDir));
  try {
    const definitionCache = new DefinitionCache(cacheDir);
    const validated = validateLoadedProject(loadProject(root, { definitionCache }), options, pool);
    definitionCache.save(); // after the checks, which recorded where their findings are written
    snapshot.save();
    return validated;
  } finally {
    pool?.close();
  }
}

export interface ValidateOptions {
  /** Bound after the project's own declarations, winning on a name clash (e.g. an environment's pulled workspace schema). */
  readonly schemaParts?: readonly SchemaInput[];
  /** Reuse the definitions and query analyses kept in this folder, and keep new ones there (`validate` passes projectCacheDir). */
  readonly cacheDir?: string;
  /** With `cacheDir`: what startEarlyAnalysis() started before this module was even loaded. */
  readonly early?: EarlyAnalysis;
  /** Threads for uncached queries; default every core (benchmarks compare one thread with one). */
  readonly threads?: number;
  /** Told when an analysis helper fails; its queries are then analyzed here, with the same result. */
  readonly onHelperFailure?: (error: string) => void;
}

/** `pool`: analysis workers started early (see validateProject). */
export function validateLoadedProject(project: LoadedProject, options: ValidateOptions = {}, pool?: AnalysisHelpers): ValidatedProject {
  const analyzer = new QueryAnalyzer(mergeSchemaInputs([projectSchemaInput(project), ...(options.schemaParts ?? [])]), {
    cacheDir: options.cacheDir && path.join(options.cacheDir, 'analysis'),
    pool,
    threads: options.threads,
    onWorkerFailure: options.onHelperFailure,
  });
  // Cached analyses first, the rest on every core; Kusto.Language is loaded only if something is not cached.
  const queried = [...project.rules, ...project.huntingQueries].filter((d) => d.query);
  const bodies = functionBodyTexts(project);
  const results = analyzer.analyzeAll([...queried.map((d) => d.query!.text), ...bodies.map((b) => b.text)]);
  const analyses = new Map<LoadedRule | LoadedHuntingQuery, QueryAnalysis>(queried.map((d, i) => [d, results[i]]));
  const functionAnalyses = new Map(bodies.map((b, i) => [b.fn, onFunctionBody(b, results[queried.length + i])]));
  const ctx: CheckContext = { project, analyses, functionAnalyses };
  return {
    project,
    // Built on first use: a fully cached run never needs Kusto.Language.
    get schema(): KqlSchema {
      return analyzer.schema;
    },
    analyses,
    functionAnalyses,
    diagnostics: runChecks(ctx),
  };
}

import type { Diagnostic, Severity } from './diagnostic';
import type { LoadedCustomTable, LoadedDefinition, LoadedFunction, LoadedHuntingQuery, LoadedProject, LoadedRule, LoadedWatchlist } from '../load/loaded-project';
import type { PropPath } from '../load/source-locator';
import type { QueryAnalysis } from '../kql/analyze-query';

/** What every check can see: the loaded project and each query's Kusto analysis. */
export interface CheckContext {
  readonly project: LoadedProject;
  /** Keyed by the loaded rule or hunting query; absent when its query could not be loaded. */
  readonly analyses: ReadonlyMap<LoadedRule | LoadedHuntingQuery, QueryAnalysis>;
  /** Each body-declared workspace function's body, analyzed with its parameters declared. */
  readonly functionAnalyses?: ReadonlyMap<LoadedFunction, QueryAnalysis>;
}

export interface Report {
  /** A problem with a property of a definition, located in its `.ts` file. */
  at(
    definition: LoadedDefinition,
    path: PropPath,
    code: string,
    severity: Severity,
    message: string,
    hint?: string,
  ): void;
  /** A problem located elsewhere (a `.kql` or `.csv` position). */
  raw(diagnostic: Diagnostic): void;
}

/**
 * A named check, after pySigma's validators: a step per definition, and an optional `finalize`
 * for checks across all definitions (duplicate ids and the like).
 */
export interface Check {
  readonly name: string;
  rule?(rule: LoadedRule, ctx: CheckContext, report: Report): void;
  hunting?(query: LoadedHuntingQuery, ctx: CheckContext, report: Report): void;
  watchlist?(watchlist: LoadedWatchlist, ctx: CheckContext, report: Report): void;
  table?(table: LoadedCustomTable, ctx: CheckContext, report: Report): void;
  finalize?(ctx: CheckContext, report: Report): void;
}

export function ruleIdOf(definition: LoadedDefinition): string | undefined {
  if (definition.kind === 'AnalyticsRule' || definition.kind === 'HuntingQuery') return String(definition.props.id);
  return undefined;
}

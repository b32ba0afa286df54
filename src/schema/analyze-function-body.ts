/**
 * What a workspace function's body returns and what is wrong with it, found by Kusto.Language:
 * the body is bound as a query whose parameters are declared with `declare query_parameters(...)`
 * (the same `name:type = default` syntax), against the pulled workspace's tables and functions.
 */
import { isKustoScalarType } from '../catalog/kusto-scalar-type';
import type { TableColumn } from '../catalog/table-catalog';
import { functionBodyPrelude } from '../check/project-schema-input';
import { analyzeQuery } from '../kql/analyze-query';
import type { FunctionParameter, KqlSchema } from '../kql/kql-schema';

export interface FunctionBodyAnalysis {
  /**
   * Undefined when the body is not tabular, or a parameter is a table of open schema `(*)`. A column
   * Kusto cannot type (after an error in the body) is recorded as dynamic.
   */
  readonly columns: TableColumn[] | undefined;
  /** Kusto errors in the body, as `line L, column C: message (code)` (line 1 is the body's first line). */
  readonly problems: string[];
  /** Database tables the body reads. */
  readonly tables: readonly string[];
}

/**
 * `_GetWatchlist` aliases are the project's (declared in watchlists/), unknown while pulling; a call
 * site binds the body again with them, so they are not a problem of the workspace function.
 */
const PROJECT_DEPENDENT_CODES = new Set(['KQL_UNKNOWN_WATCHLIST', 'KQL_WATCHLIST_ALIAS_NOT_LITERAL']);

export function analyzeFunctionBody(name: string, parameters: readonly FunctionParameter[], body: string, schema: KqlSchema): FunctionBodyAnalysis {
  const prefix = functionBodyPrelude({ name, parameters, body });
  const analysis = analyzeQuery(`${prefix}${body}`, schema);
  const problems = analysis.problems
    .filter((p) => p.severity === 'error' && !PROJECT_DEPENDENT_CODES.has(p.code))
    .map((p) => (p.offset < prefix.length ? `in its parameters: ${p.message}` : `${position(body, p.offset - prefix.length)}: ${p.message}`));
  const openTable = parameters.some((p) => p.type.startsWith('(') && p.type.includes('*'));
  const columns = openTable || !analysis.resultColumns ? undefined : analysis.resultColumns.map((c) => ({ name: c.name, type: isKustoScalarType(c.type) ? c.type : 'dynamic' }));
  return { columns, problems, tables: analysis.tables };
}

function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

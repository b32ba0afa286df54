import type { CheckContext } from './check';
import type { Diagnostic } from './diagnostic';
import { runChecks } from './run-checks';
import { analyzeQuery, type QueryAnalysis } from '../kql/analyze-query';
import { KqlSchema, type DeclaredTable, type DeclaredWatchlist } from '../kql/kql-schema';
import type { LoadedHuntingQuery, LoadedProject, LoadedRule } from '../load/loaded-project';
import { loadProject } from '../load/load-project';
import { COLUMN_TYPES, type ColumnType } from '../model/column-types';

export interface ValidatedProject {
  readonly project: LoadedProject;
  readonly schema: KqlSchema;
  readonly analyses: ReadonlyMap<LoadedRule | LoadedHuntingQuery, QueryAnalysis>;
  readonly diagnostics: readonly Diagnostic[];
}

/** load → bind every query against the workspace schema → run every check. Never throws for bad content. */
export function validateProject(root: string): ValidatedProject {
  return validateLoadedProject(loadProject(root));
}

export function validateLoadedProject(project: LoadedProject): ValidatedProject {
  const schema = new KqlSchema({ tables: declaredTables(project), watchlists: declaredWatchlists(project) });
  const analyses = new Map<LoadedRule | LoadedHuntingQuery, QueryAnalysis>();
  for (const definition of [...project.rules, ...project.huntingQueries]) {
    if (definition.query) analyses.set(definition, analyzeQuery(definition.query.text, schema));
  }
  const ctx: CheckContext = { project, analyses };
  return { project, schema, analyses, diagnostics: runChecks(ctx) };
}

function declaredTables(project: LoadedProject): DeclaredTable[] {
  return project.tables
    .filter((t) => typeof t.props.name === 'string' && t.props.columns && typeof t.props.columns === 'object')
    .map((t) => ({ name: t.props.name, columns: typedColumns(t.props.columns) }));
}

function declaredWatchlists(project: LoadedProject): DeclaredWatchlist[] {
  return project.watchlists
    .filter((w) => typeof w.props.alias === 'string' && w.props.columns && typeof w.props.columns === 'object')
    .map((w) => ({ alias: w.props.alias, columns: typedColumns(w.props.columns) }));
}

/** Columns with an invalid type are reported by the definition checks; bind them as string meanwhile. */
function typedColumns(columns: Readonly<Record<string, ColumnType>>): { name: string; type: ColumnType }[] {
  return Object.entries(columns).map(([name, type]) => ({ name, type: (COLUMN_TYPES as readonly string[]).includes(type) ? type : 'string' }));
}

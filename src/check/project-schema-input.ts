import { loadSolutionCatalog } from '../catalog/solution-catalog';
import type { DeclaredFunction, DeclaredTable, DeclaredWatchlist, SchemaInput, WorkspaceContent } from '../kql/kql-schema';
import type { LoadedFunction, LoadedProject } from '../load/loaded-project';
import { COLUMN_TYPES, type ColumnType } from '../model/column-types';
import type { FunctionParameterSpec } from '../model/workspace-function';
import { isKqlName } from '../kql/kql-name';

/**
 * Everything a project declares that its queries bind against: custom tables, watchlists, workspace
 * functions and the solution content of defineWorkspaceCatalog(). Invalid parts are reported by the
 * definition checks; here they are skipped or bound leniently so the rest still validates.
 */
export function projectSchemaInput(project: LoadedProject): SchemaInput {
  return {
    tables: declaredTables(project),
    watchlists: declaredWatchlists(project),
    functions: project.functions.map(declaredFunction).filter((f): f is DeclaredFunction => f !== undefined),
    workspaceContent: workspaceContent(project),
  };
}

/** The text Kusto.Language analyzes for a function body: its parameters declared, then the body. */
export function functionBodyPrelude(fn: DeclaredFunction): string {
  if (fn.parameters.length === 0) return '';
  return `declare query_parameters(${functionParameterList(fn)});\n`;
}

/** `name:type = default, ...`: a saved search's `functionParameters`, and the inside of a `declare query_parameters(...)`. */
export function functionParameterList(fn: Pick<DeclaredFunction, 'parameters'>): string {
  return fn.parameters.map((p) => `${p.name}:${p.type}${p.defaultValue === undefined ? '' : ` = ${p.defaultValue}`}`).join(', ');
}

export function declaredFunction(fn: LoadedFunction): DeclaredFunction | undefined {
  const { name, parameters, columns } = fn.props;
  if (!isKqlName(name)) return undefined;
  const params = Object.entries(parameters ?? {}).map(([p, spec]) => parameterOf(p, spec));
  if (fn.query) return { name, parameters: params, body: fn.query.text };
  if (columns && typeof columns === 'object') return { name, parameters: params, columns: typedColumns(columns) };
  return undefined;
}

function parameterOf(name: string, spec: FunctionParameterSpec): DeclaredFunction['parameters'][number] {
  const type = typeof spec === 'string' ? spec : spec?.type;
  const known = (COLUMN_TYPES as readonly string[]).includes(type) ? type : 'dynamic';
  return typeof spec === 'object' && typeof spec.default === 'string' ? { name, type: known, defaultValue: spec.default } : { name, type: known };
}

function workspaceContent(project: LoadedProject): WorkspaceContent | undefined {
  if (project.workspaceCatalogs.length === 0) return undefined;
  const catalog = loadSolutionCatalog();
  const parsers = new Set<string>();
  const customTables = new Set<string>();
  for (const { props } of project.workspaceCatalogs) {
    const solutions = props.solutions === 'all' ? [...catalog.solutions.keys()] : Array.isArray(props.solutions) ? props.solutions : [];
    for (const solution of solutions) {
      const content = catalog.solutions.get(solution);
      for (const parser of content?.parsers ?? []) parsers.add(parser);
      for (const table of content?.tables ?? []) customTables.add(table);
    }
    // 'all' is for content shared across many workspaces: every known parser and custom table.
    if (props.solutions === 'all') {
      for (const parser of catalog.legacyParsers) parsers.add(parser);
      for (const table of catalog.customTables) customTables.add(table);
    }
    for (const parser of Array.isArray(props.parsers) ? props.parsers : []) parsers.add(parser);
    for (const table of Array.isArray(props.customTables) ? props.customTables : []) customTables.add(table);
  }
  return { parsers: [...parsers].sort(), customTables: [...customTables].sort() };
}

export function declaredTables(project: LoadedProject): DeclaredTable[] {
  return project.tables
    .filter((t) => typeof t.props.name === 'string' && t.props.columns && typeof t.props.columns === 'object')
    .map((t) => ({ name: t.props.name, columns: typedColumns(t.props.columns) }));
}

export function declaredWatchlists(project: LoadedProject): DeclaredWatchlist[] {
  return project.watchlists
    .filter((w) => typeof w.props.alias === 'string' && w.props.columns && typeof w.props.columns === 'object')
    .map((w) => ({ alias: w.props.alias, columns: typedColumns(w.props.columns) }));
}

/** Columns with an invalid type are reported by the definition checks; bind them as string meanwhile. */
function typedColumns(columns: Readonly<Record<string, ColumnType>>): { name: string; type: ColumnType }[] {
  return Object.entries(columns).map(([name, type]) => ({ name, type: (COLUMN_TYPES as readonly string[]).includes(type) ? type : 'string' }));
}

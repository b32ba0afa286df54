import type { ValidatedProject } from '../check/validate-project';
import { loadTableCatalog } from '../catalog/table-catalog';
import { closestName } from '../util/closest-name';
import { evaluateKql, InputValueError, type EvalFunction, type EvalTable } from '../kql/eval';
import type { LoadedHuntingQuery, LoadedRule } from '../load/loaded-project';
import type { TableInput } from '../model/rule-tests';
import { buildAlerts, triggerHolds } from './build-alerts';
import { lookbackMinutes, scopeRows } from './lookback-window';
import type { RuleRun } from './simulated-alert';
import { watchlistFunction } from './watchlist-function';

export interface SimulationOptions {
  /** The run time: ago() and now() read it, and the lookback ends here. */
  readonly now: Date;
  /** Rows `_GetWatchlist(alias)` returns, by alias; the project's CSV rows otherwise. */
  readonly watchlists?: Readonly<Record<string, readonly Readonly<Record<string, string>>[]>>;
  /** Rows a workspace function (a parser) returns, by name, for calls without arguments. */
  readonly functions?: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;
  /** Rows each `externaldata` URI returns, by URI (there is no network offline). */
  readonly externalData?: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;
}

/**
 * The alerts Sentinel would raise if `rule` ran at `now` over `tables`: every table scoped to the
 * lookback, the query evaluated, then the trigger, event grouping (150-alert cap), entities,
 * custom details, alert-detail placeholders and severity/tactics overrides applied.
 */
export function simulateRule(validated: ValidatedProject, rule: LoadedRule, tables: TableInput, options: SimulationOptions): RuleRun {
  checkTableNames(validated, tables);
  const minutes = lookbackMinutes(rule);
  const scoped = toEvalTables(tables, (rows) => scopeRows(rows, options.now, minutes));
  const rows = runQuery(validated, rule, scoped, options);
  const triggered = triggerHolds(rule.props, rows.length);
  return { rows, triggered, alerts: triggered ? buildAlerts(rule.props, rows) : [] };
}

/** A hunting query's result over `tables` (not scoped: the portal's time picker is the query's own filter). */
export function runHuntingQuery(validated: ValidatedProject, query: LoadedHuntingQuery, tables: TableInput, options: SimulationOptions): readonly Record<string, unknown>[] {
  checkTableNames(validated, tables);
  return runQuery(validated, query, toEvalTables(tables, (rows) => [...rows]), options);
}

function runQuery(validated: ValidatedProject, definition: LoadedRule | LoadedHuntingQuery, tables: Record<string, EvalTable>, options: SimulationOptions): readonly Record<string, unknown>[] {
  if (!definition.query) throw new Error(`${definition.props.name}: the query could not be loaded; run validate`);
  return evaluateKql(definition.query.text, {
    now: options.now,
    globals: validated.schema.globals,
    tables,
    functions: { ...parserOutputs(validated, options.functions ?? {}), _GetWatchlist: watchlistFunction(validated.project.watchlists, options.watchlists) },
    externalData: options.externalData,
  }).rows;
}

/**
 * The rows a case gives for workspace functions (an ASIM parser, a solution's parser), as what each
 * call returns. Only for calls without arguments: a parser's parameters filter its output, which
 * offline rows cannot do, so a call with arguments is an error rather than an unfiltered result.
 */
function parserOutputs(validated: ValidatedProject, functions: NonNullable<SimulationOptions['functions']>): Record<string, EvalFunction> {
  const database = (validated.schema.globals as { Database: { GetFunction(name: string): unknown } }).Database;
  const out: Record<string, EvalFunction> = {};
  for (const [name, rows] of Object.entries(functions)) {
    if (!database.GetFunction(name)) throw new Error(`sample data names function '${name}', which the schema does not know (an ASIM parser, a function of defineWorkspaceCatalog() or defineFunction())`);
    out[name] = (args) => {
      if (args.length > 0) throw new InputValueError(`rows are given for ${name}, but this call passes arguments, whose filtering the offline run cannot apply; call it without arguments and filter after it`);
      return { columns: [], rows: rows as Record<string, unknown>[] };
    };
  }
  return out;
}

/**
 * Sample rows for a table no schema knows would be silently ignored by the query: refuse them. A
 * table the workspace declares by name (defineWorkspaceCatalog) is known, with open columns.
 */
function checkTableNames(validated: ValidatedProject, tables: TableInput): void {
  const catalog = loadTableCatalog();
  const custom = new Set<string>(validated.project.tables.map((t) => t.props.name));
  const database = (validated.schema.globals as { Database: { GetTable(name: string): unknown } }).Database;
  for (const name of Object.keys(tables)) {
    if (catalog.has(name) || custom.has(name) || database.GetTable(name)) continue;
    const near = closestName(name, [...catalog.keys(), ...custom]);
    throw new Error(`sample data names table '${name}', which is neither in the table catalog nor a custom table of the project${near ? `; did you mean ${near}?` : ''}`);
  }
}

function toEvalTables(tables: TableInput, scope: (rows: readonly Record<string, unknown>[]) => Record<string, unknown>[]): Record<string, EvalTable> {
  const out: Record<string, EvalTable> = {};
  for (const [name, rows] of Object.entries(tables as Record<string, readonly Record<string, unknown>[] | undefined>)) {
    if (rows) out[name] = { columns: [], rows: scope(rows) };
  }
  return out;
}

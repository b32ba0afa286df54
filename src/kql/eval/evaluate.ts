/**
 * evaluateKql: binds the query with Kusto.Language, stops at the first error diagnostic, then walks
 * the bound tree over the caller's in-memory tables and returns the last tabular statement's rows.
 */
import { kustoLanguage } from '../kusto-bridge';
import { EvalContext, EvalSession, Scope } from './context';
import { KqlEvalError, positionOf } from './errors';
import { columnFilter } from './column-pruning';
import { buildGlobals } from './globals';
import type { EvalColumn, EvalOptions, EvalResult } from './options';
import { RowSchema } from './scalar/compiled';
import { compileScalar } from './scalar/compile';
import { bindLetStatements } from './statements';
import { bridgeList, columnsOfType, elementsOf, KNode, nodeClass } from './syntax';
import { internalColumns } from './tabular/caller-functions';
import { openColumns } from './tabular/open-columns';
import { createTabularEvaluator } from './tabular/evaluate-tabular';
import { datetimeFromDate } from './values/datetime';
import { toOutputValue } from './values/convert';
import { InputValueError, normalizeInputRows } from './values/input';
import { asScalarType, Column, Table } from './values/types';

function firstError(code: KNode, text: string): KqlEvalError | null {
  const diagnostic = bridgeList(code.GetDiagnostics()).find((d) => String(d.Severity) === 'Error');
  if (!diagnostic) return null;
  return new KqlEvalError(`${diagnostic.Message} (${diagnostic.Code})`, positionOf(text, diagnostic.Start), String(diagnostic.Code));
}

/**
 * Reads a database table once per evaluation, in the column order of the bound table symbol,
 * keeping only the columns `keep` allows (see column-pruning.ts). Row properties naming a column
 * that is not kept are still checked against the full schema.
 */
function databaseReader(options: EvalOptions, keep: ((column: string) => boolean) | null): EvalSession['databaseTable'] {
  const cache = new Map<string, Table>();
  return (name, node, ctx) => {
    const cached = cache.get(name);
    if (cached) return cached;
    // A table named directly, or through table("Name"): either way the node's result is the table.
    const symbol = node.ResultType ?? node.ReferencedSymbol;
    const bound = columnsOfType(symbol).map((c) => ({ name: c.name, type: asScalarType(c.type) ?? 'dynamic' }));
    const data = options.tables[name];
    let table: Table;
    try {
      const declared: Column[] = bound.length > 0 || !data ? bound : internalColumns(data.columns, `tables.${name}`);
      const columns = symbol?.IsOpen === true && data ? [...declared, ...openColumns(declared, data)] : declared;
      const kept = keep ? columns.filter((c) => keep(c.name)) : columns;
      table = { columns: kept, rows: data ? normalizeInputRows(data.rows, kept, columns) : [] };
    } catch (error) {
      if (error instanceof InputValueError) return ctx.fail(node, name, `table ${name}: ${error.message}`);
      throw error;
    }
    cache.set(name, table);
    return table;
  };
}

function checkOptions(options: EvalOptions): void {
  if (!(options?.now instanceof Date) || Number.isNaN(options.now.getTime())) {
    throw new TypeError('evaluateKql: options.now must be a valid Date (now() and ago() read it)');
  }
  if (options.tables === null || typeof options.tables !== 'object') {
    throw new TypeError('evaluateKql: options.tables must be an object of tables by name (it may be empty)');
  }
}

/**
 * Bound trees by caller GlobalState and query text. Binding a detection against the full workspace
 * schema costs 150-250 ms, and a test suite runs each rule over many fixtures with the same
 * globals; a tree is immutable, so reusing it is safe. Globals built per call are never cached.
 */
const boundCode = new WeakMap<object, Map<string, KNode>>();
const CACHED_QUERIES_PER_GLOBALS = 200;

function parseAndAnalyze(query: string, options: EvalOptions): KNode {
  const language = kustoLanguage();
  if (options.globals === undefined || options.globals === null || typeof options.globals !== 'object') {
    return language.KustoCode.ParseAndAnalyze(query, options.globals ?? buildGlobals(options));
  }
  let byText = boundCode.get(options.globals);
  if (!byText) { byText = new Map(); boundCode.set(options.globals, byText); }
  let code = byText.get(query);
  if (!code) {
    code = language.KustoCode.ParseAndAnalyze(query, options.globals) as KNode;
    if (byText.size >= CACHED_QUERIES_PER_GLOBALS) byText.delete(byText.keys().next().value as string);
    byText.set(query, code);
  }
  return code;
}

export function evaluateKql(query: string, options: EvalOptions): EvalResult {
  checkOptions(options);
  const code = parseAndAnalyze(query, options);
  const error = firstError(code, query);
  if (error) throw error;

  const session: EvalSession = {
    options,
    now: datetimeFromDate(options.now)!,
    text: query,
    evaluateTabular: createTabularEvaluator(),
    databaseTable: databaseReader(options, columnFilter(code)),
  };
  let ctx = new EvalContext(session, new Scope());
  let result: { table: Table; node: KNode } | null = null;
  for (const statement of elementsOf(code.Syntax.Statements)) {
    const kind = nodeClass(statement);
    if (kind === 'LetStatement') {
      ctx = bindLetStatements(listOf(statement), ctx, new RowSchema([]), compileScalar);
    } else if (kind === 'ExpressionStatement') {
      if (result) ctx.unsupported(statement, 'multiple result sets', 'query with');
      result = { table: ctx.evaluateTabular(statement.Expression), node: statement };
    } else {
      ctx.unsupported(statement, kind, 'statement');
    }
  }
  if (!result) {
    throw new KqlEvalError('the query has no tabular expression to evaluate', positionOf(query, query.length), 'query');
  }
  return toResult(result.table);
}

/** A single statement presented as a list, for bindLetStatements. */
function listOf(statement: KNode): KNode {
  return { ChildCount: 1, GetChild: () => statement } as unknown as KNode;
}

function toResult(table: Table): EvalResult {
  const columns: EvalColumn[] = table.columns.map((c) => ({ name: c.name, type: c.type }));
  const rows = table.rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (let c = 0; c < table.columns.length; c++) out[table.columns[c].name] = toOutputValue(row[c], table.columns[c].type);
    return out;
  });
  return { columns, rows };
}

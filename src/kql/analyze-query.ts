import { kindOf, kustoLanguage, toArray } from './kusto-bridge';
import type { KqlSchema, WatchlistCall } from './kql-schema';
import { explainUnknownName } from './unknown-names';

export interface KqlProblem {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** 0-based offset and length in the analyzed text. */
  readonly offset: number;
  readonly length: number;
  /** What to do about it, when there is something specific to say. */
  readonly hint?: string;
}

export interface ResultColumn {
  readonly name: string;
  /** Kusto scalar type name; "unknown" where binding failed. */
  readonly type: string;
}

/** A literal `ago(<timespan>)` in the query, for the lookback lint. */
export interface AgoCall {
  readonly minutes: number;
  readonly offset: number;
}

export interface QueryAnalysis {
  readonly problems: readonly KqlProblem[];
  /** The columns the query returns; undefined when its last statement is not tabular. */
  readonly resultColumns: readonly ResultColumn[] | undefined;
  /**
   * The result may hold columns beyond `resultColumns`: it comes from an open schema (a solution
   * parser or custom table known by name only, AzureDiagnostics) that no projection closed.
   */
  readonly resultIsOpen?: boolean;
  /** Database tables the query reads, in first-use order. */
  readonly tables: readonly string[];
  /** Database functions (workspace functions, parsers) the query calls, in first-use order. */
  readonly functions: readonly string[];
  readonly watchlistCalls: readonly WatchlistCall[];
  readonly agoCalls: readonly AgoCall[];
}

const TICKS_PER_MINUTE = 600_000_000;

/**
 * Parses and binds one query with Kusto.Language against `schema`, and reads from the bound tree what
 * the checks need: diagnostics, the result schema, the tables read, the watchlists called, literal
 * ago() spans, and wildcard `union *` / `search *`, which Sentinel refuses.
 */
export function analyzeQuery(text: string, schema: KqlSchema): QueryAnalysis {
  const K = kustoLanguage();
  const { result: code, calls } = schema.collectWatchlistCalls(() => K.KustoCode.ParseAndAnalyze(text, schema.globals));
  const problems: KqlProblem[] = toArray(code.GetDiagnostics()).map((d: any) => {
    const problem: KqlProblem = {
      code: kustoProblemCode(d.Code as string),
      severity: d.Severity === 'Error' ? 'error' : 'warning',
      message: `${d.Message} (${d.Code})`,
      offset: d.Start,
      length: d.Length,
    };
    const unknown = problem.code === 'KQL_UNKNOWN_NAME' ? explainUnknownName(d.Code, unquote(text.slice(d.Start, d.Start + d.Length)), () => schema.tabularNames()) : undefined;
    return unknown ? { ...problem, code: unknown.code, message: `${unknown.message} (${d.Code})`, hint: unknown.hint } : problem;
  });
  const facts = readTree(code.Syntax, text, (schema.globals as any).Database);
  problems.push(...facts.wildcards);
  const uniqueCalls = dedupeByOffset(calls);
  for (const call of uniqueCalls) {
    if (call.alias === undefined) {
      problems.push({ code: 'KQL_WATCHLIST_ALIAS_NOT_LITERAL', severity: 'error', message: "_GetWatchlist() needs a string literal alias, so its columns can be checked", offset: call.offset, length: call.length });
    } else if (!schema.hasWatchlist(call.alias)) {
      problems.push({ code: 'KQL_UNKNOWN_WATCHLIST', severity: 'error', message: `unknown watchlist alias '${call.alias}'; declare it with defineWatchlist() in watchlists/`, offset: call.offset, length: call.length });
    }
  }
  const resultIsOpen = code.ResultType && kindOf(code.ResultType) === 'TableSymbol' && code.ResultType.IsOpen === true && !closedByLastPipeline(code.Syntax);
  return { problems, resultColumns: resultColumnsOf(code.ResultType), ...(resultIsOpen ? { resultIsOpen } : {}), tables: facts.tables, functions: facts.functions, watchlistCalls: uniqueCalls, agoCalls: facts.agoCalls };
}

interface TreeFacts {
  tables: string[];
  functions: string[];
  agoCalls: AgoCall[];
  wildcards: KqlProblem[];
}

function readTree(root: any, text: string, database: any): TreeFacts {
  const facts: TreeFacts = { tables: [], functions: [], agoCalls: [], wildcards: [] };
  const seenTables = new Set<string>();
  const seenFunctions = new Set<string>();
  const stack: any[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    const kind = kindOf(node);
    const table = tableReadBy(node, database);
    if (table !== undefined && !seenTables.has(table)) {
      seenTables.add(table);
      facts.tables.push(table);
    }
    const fn = functionCalledBy(node, database);
    if (fn !== undefined && !seenFunctions.has(fn)) {
      seenFunctions.add(fn);
      facts.functions.push(fn);
    }
    if (kind === 'FunctionCallExpression') {
      readAgo(node, facts.agoCalls);
    } else if (kind === 'UnionOperator' || kind === 'SearchOperator' || kind === 'FindOperator') {
      readWildcard(node, kind, text, facts.wildcards);
    }
    for (let i = node.ChildCount - 1; i >= 0; i--) {
      const child = node.GetChild(i);
      if (child && !child.IsToken) stack.push(child);
    }
  }
  return facts;
}

/**
 * The table a syntax node reads, if it does: a name bound to a table (`SigninLogs`, but not a column
 * of that name), or the built-in `table("SigninLogs")` naming a table of `database` (for a name the
 * database lacks, Kusto.Language makes up a table symbol and reports the name itself).
 */
export function tableReadBy(node: any, database: any): string | undefined {
  const kind = kindOf(node);
  const symbol = node.ReferencedSymbol;
  if (kind === 'NameReference') return symbol && kindOf(symbol) === 'TableSymbol' && node.ResultType === symbol ? symbol.Name : undefined;
  if (kind !== 'FunctionCallExpression' || !symbol || symbol !== kustoLanguage().Functions.Table) return undefined;
  const result = node.ResultType;
  return result && kindOf(result) === 'TableSymbol' && database.GetTable(result.Name) === result ? result.Name : undefined;
}

/** The database function a name refers to (a call, or a parameterless function named alone), not a `let` of the query. */
export function functionCalledBy(node: any, database: any): string | undefined {
  if (kindOf(node) !== 'NameReference') return undefined;
  const symbol = node.ReferencedSymbol;
  return symbol && kindOf(symbol) === 'FunctionSymbol' && database.GetFunction(symbol.Name) === symbol ? symbol.Name : undefined;
}

function readAgo(node: any, out: AgoCall[]): void {
  if (node.ReferencedSymbol?.Name !== 'ago') return;
  const literal = firstLiteral(node);
  const ticks = literal?.LiteralValue?.getTicks?.();
  if (ticks === undefined) return;
  out.push({ minutes: Number(ticks) / TICKS_PER_MINUTE, offset: node.TextStart });
}

function firstLiteral(node: any): any {
  const stack = [node];
  while (stack.length) {
    const current = stack.pop();
    if (kindOf(current) === 'LiteralExpression') return current;
    for (let i = current.ChildCount - 1; i >= 0; i--) {
      const child = current.GetChild(i);
      if (child && !child.IsToken) stack.push(child);
    }
  }
  return undefined;
}

/** `union *`, `search *` and `find` scan every table in the workspace; Sentinel rejects them. */
function readWildcard(node: any, kind: string, text: string, out: KqlProblem[]): void {
  const source = text.slice(node.TextStart, node.TextStart + node.Width);
  const piped = kindOf(node.Parent) === 'PipeExpression' && node.Parent.Operator === node;
  const isUnionStar = kind === 'UnionOperator' && unionOperands(node).some((operand) => kindOf(operand) === 'NameReference' && operand.SimpleName === '*');
  const isSearchAll = kind === 'SearchOperator' && !piped && !/^search\b[^|]*\bin\s*\(/.test(source);
  if (!isUnionStar && !isSearchAll && kind !== 'FindOperator') return;
  const what = kind === 'UnionOperator' ? 'union *' : kind === 'SearchOperator' ? 'search across all tables' : 'find';
  out.push({
    code: 'KQL_WILDCARD_SCAN',
    severity: 'error',
    message: `${what} is not allowed in Sentinel rules; name the tables explicitly`,
    offset: node.TextStart,
    length: node.Width,
  });
}

/** The union's own table operands (not the text of parenthesized subqueries, where `*` multiplies). */
function unionOperands(node: any): any[] {
  const list = node.Expressions;
  const operands: any[] = [];
  for (let i = 0; i < (list?.Count ?? 0); i++) operands.push(list.getItem(i).Element);
  return operands;
}

function resultColumnsOf(resultType: any): ResultColumn[] | undefined {
  if (!resultType || kindOf(resultType) !== 'TableSymbol') return undefined;
  return toArray(resultType.Columns).map((c: any) => ({ name: c.Name as string, type: (c.Type?.Name as string) ?? 'unknown' }));
}

function dedupeByOffset(calls: readonly WatchlistCall[]): WatchlistCall[] {
  const seen = new Map<number, WatchlistCall>();
  for (const call of calls) if (!seen.has(call.offset)) seen.set(call.offset, call);
  return [...seen.values()].sort((a, b) => a.offset - b.offset);
}

/** Operators whose output holds exactly the columns they name, whatever came in. */
const CLOSING_OPERATORS = new Set(['ProjectOperator', 'SummarizeOperator', 'DistinctOperator', 'CountOperator', 'ProjectReorderOperator']);

/**
 * Kusto.Language keeps a table open through `project` and `summarize`; a result is only open when
 * no operator of the query's last pipeline closed it.
 */
function closedByLastPipeline(root: any): boolean {
  const statements = root.Statements;
  const last = statements?.Count > 0 ? statements.getItem(statements.Count - 1).Element : undefined;
  for (let node = last?.Expression; node && kindOf(node) === 'PipeExpression'; node = node.Expression) {
    if (CLOSING_OPERATORS.has(kindOf(node.Operator)) && !hasStar(node.Operator)) return true;
  }
  return false;
}

/** `summarize arg_max(TimeGenerated, *)` or `project-reorder *` keeps every incoming column. */
function hasStar(node: any): boolean {
  if (kindOf(node) === 'StarExpression') return true;
  for (let i = 0; i < node.ChildCount; i++) {
    const child = node.GetChild(i);
    if (child && !child.IsToken && hasStar(child)) return true;
  }
  return false;
}

/** `table("X_CL")` and `['X_CL']` name the table in quotes. */
function unquote(name: string): string {
  return name.replace(/^\[?\s*(["'])(.*)\1\s*\]?$/, '$2');
}

/** Kusto codes grouped into the few kinds a rule author acts on differently. */
function kustoProblemCode(kustoCode: string): string {
  if (kustoCode === 'KS142' || kustoCode === 'KS204' || kustoCode === 'KS208' || kustoCode === 'KS211') return 'KQL_UNKNOWN_NAME';
  if (kustoCode.startsWith('KUS') || /^KS0\d\d$/.test(kustoCode)) return 'KQL_SYNTAX';
  return 'KQL_SEMANTIC';
}

/**
 * `in`, `in~`, `!in`, `!in~`, `has_any`, `has_all` and `between`. The right side of the set operators
 * may mix scalars, dynamic arrays (each element counts) and one-column tabular expressions (each
 * value counts); constant right sides become a hash set once per query.
 */
import { elementsOf, isTabularType, KNode, syntaxKind } from '../syntax';
import { convertValue, toStringValue } from '../values/convert';
import { dynamicKey, toDynamicValue } from '../values/dynamic';
import { Compiled, CompileEnv, derived, RowFn, ScalarCompiler } from './compiled';
import { hasTerm, textReader } from './string-operators';

interface Candidate { readonly value: unknown; readonly type: string }

/** The right-hand list, flattened: dynamic arrays to their elements, tables to their first column. */
function candidateReaders(list: KNode, env: CompileEnv, compile: ScalarCompiler): { constants: Candidate[]; perRow: Compiled[] } {
  const constants: Candidate[] = [];
  const perRow: Compiled[] = [];
  for (const element of elementsOf(list.Expressions)) {
    if (isTabularType(element.ResultType)) {
      const table = env.ctx.evaluateTabular(element, env.ctx);
      if (table.columns.length === 0) continue;
      const type = table.columns[0].type;
      for (const row of table.rows) constants.push({ value: row[0], type });
      continue;
    }
    const compiled = compile(element, env);
    if (!compiled.constant) { perRow.push(compiled); continue; }
    const value = compiled.fn([]);
    if (compiled.type === 'dynamic' && Array.isArray(value)) for (const item of value) constants.push({ value: item, type: 'dynamic' });
    else constants.push({ value, type: compiled.type });
  }
  return { constants, perRow };
}

function expandRowCandidates(perRow: Compiled[], row: unknown[]): Candidate[] {
  const out: Candidate[] = [];
  for (const compiled of perRow) {
    const value = compiled.fn(row);
    if (compiled.type === 'dynamic' && Array.isArray(value)) for (const item of value) out.push({ value: item, type: 'dynamic' });
    else out.push({ value, type: compiled.type });
  }
  return out;
}

/** How left values and candidates are brought to one comparable key. */
function keyFunctions(leftType: string, caseInsensitive: boolean): { left: (v: unknown) => unknown; candidate: (c: Candidate) => unknown } {
  if (caseInsensitive || leftType === 'string') {
    const fold = caseInsensitive ? (s: string) => s.toLowerCase() : (s: string) => s;
    return { left: (v) => fold(toStringValue(v, leftType)), candidate: (c) => (c.value === null ? undefined : fold(toStringValue(c.value, c.type))) };
  }
  if (leftType === 'dynamic') {
    return { left: (v) => dynamicKey(v), candidate: (c) => (c.value === null ? undefined : dynamicKey(toDynamicValue(c.value, c.type))) };
  }
  return { left: (v) => v, candidate: (c) => (c.value === null ? undefined : convertValue(c.value, c.type, leftType as never)) };
}

export function compileIn(node: KNode, env: CompileEnv, compile: ScalarCompiler): Compiled {
  const kind = syntaxKind(node);
  // Kusto.Language names `in~` InCsExpression and `!in~` NotInCsExpression.
  const caseInsensitive = kind === 'InCsExpression' || kind === 'NotInCsExpression';
  const negate = kind === 'NotInExpression' || kind === 'NotInCsExpression';
  const left = compile(node.Left, env);
  const { constants, perRow } = candidateReaders(node.Right, env, compile);
  const keys = keyFunctions(left.type, caseInsensitive);
  const set = new Set<unknown>();
  for (const c of constants) { const key = keys.candidate(c); if (key !== undefined) set.add(key); }
  const l = left.fn;
  const leftKey = keys.left;
  const fn: RowFn = (row) => {
    const value = l(row);
    if (value === null || value === undefined) return negate;
    const key = leftKey(value);
    if (set.has(key)) return !negate;
    if (perRow.length > 0) {
      for (const c of expandRowCandidates(perRow, row)) if (keys.candidate(c) === key) return !negate;
    }
    return negate;
  };
  return derived(fn, 'bool', [left, ...perRow]);
}

const ALPHANUMERIC_RUN = /[a-z0-9]+/g;

/** `has_any` / `has_all`: whole-term matches of any / all of the listed terms, case-insensitively. */
export function compileHasAnyAll(node: KNode, env: CompileEnv, compile: ScalarCompiler, all: boolean): Compiled {
  const left = compile(node.Left, env);
  const { constants, perRow } = candidateReaders(node.Right, env, compile);
  const needles = [...new Set(constants.filter((c) => c.value !== null).map((c) => toStringValue(c.value, c.type).toLowerCase()))];
  const haystackOf = textReader(left, true);
  // Needles that are single alphanumeric terms are looked up in the row's term set, not scanned for.
  const simpleTerms = new Set(needles.filter((n) => /^[a-z0-9]+$/.test(n)));
  const phrases = needles.filter((n) => !simpleTerms.has(n));
  const termsOf = (text: string): Set<string> => new Set(text.match(ALPHANUMERIC_RUN) ?? []);
  const fn: RowFn = (row) => {
    const haystack = haystackOf(row) as string;
    const extra = perRow.length > 0 ? expandRowCandidates(perRow, row).filter((c) => c.value !== null).map((c) => toStringValue(c.value, c.type).toLowerCase()) : [];
    if (all) {
      if (simpleTerms.size > 0) { const terms = termsOf(haystack); for (const t of simpleTerms) if (!terms.has(t)) return false; }
      for (const p of phrases) if (!hasTerm(haystack, p)) return false;
      for (const p of extra) if (!hasTerm(haystack, p)) return false;
      return true;
    }
    if (simpleTerms.size > 0) {
      const match = haystack.match(ALPHANUMERIC_RUN);
      if (match) for (const t of match) if (simpleTerms.has(t)) return true;
    }
    for (const p of phrases) if (hasTerm(haystack, p)) return true;
    for (const p of extra) if (hasTerm(haystack, p)) return true;
    return false;
  };
  return derived(fn, 'bool', [left, ...perRow]);
}

/** `x between (a .. b)`, inclusive; for a datetime, `b` may be a timespan added to `a`. */
export function compileBetween(node: KNode, env: CompileEnv, compile: ScalarCompiler): Compiled {
  const negate = syntaxKind(node) === 'NotBetweenExpression';
  const left = compile(node.Left, env);
  const low = compile(node.Right.First, env);
  const high = compile(node.Right.Second, env);
  const l = left.fn;
  const lo = low.fn;
  const hiRaw = high.fn;
  const hi: RowFn = left.type === 'datetime' && high.type === 'timespan'
    ? (row) => { const a = lo(row); const b = hiRaw(row); return a === null || b === null ? null : (a as number) + (b as number); }
    : hiRaw;
  const fn: RowFn = (row) => {
    const value = l(row);
    const a = lo(row);
    const b = hi(row);
    if (value === null || a === null || b === null) return null;
    const inside = (value as number) >= (a as number) && (value as number) <= (b as number);
    return inside !== negate;
  };
  return derived(fn, 'bool', [left, low, high]);
}

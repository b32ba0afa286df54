/**
 * The string predicates: has (whole terms), hasprefix/hassuffix (a term's start or end), contains
 * (substrings), startswith, endswith, =~, and their negated and case-sensitive (`_cs`) forms, plus
 * `matches regex`. A dynamic operand is read as its text.
 */
import type { EvalContext } from '../context';
import type { KNode } from '../syntax';
import { toStringValue } from '../values/convert';
import { Compiled, derived, RowFn } from './compiled';

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * True when `needle` occurs in `haystack` as whole terms: a match must not continue a run of ASCII
 * letters and digits on either side (Kusto splits text into maximal alphanumeric runs).
 */
export function hasTerm(haystack: string, needle: string): boolean {
  return termMatch(haystack, needle, true, true);
}

/** hasprefix: `needle` starts a term of `haystack` (it may end inside one). */
export function hasTermPrefix(haystack: string, needle: string): boolean {
  return termMatch(haystack, needle, true, false);
}

/** hassuffix: `needle` ends a term of `haystack` (it may start inside one). */
export function hasTermSuffix(haystack: string, needle: string): boolean {
  return termMatch(haystack, needle, false, true);
}

/** A match of `needle` that does not continue a run of ASCII letters and digits on the sides asked for. */
function termMatch(haystack: string, needle: string, atTermStart: boolean, atTermEnd: boolean): boolean {
  if (needle.length === 0) return true;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    const startOk = !atTermStart || at === 0 || !isAlphanumeric(haystack.charCodeAt(at - 1)) || !isAlphanumeric(needle.charCodeAt(0));
    const endOk = !atTermEnd || end === haystack.length || !isAlphanumeric(haystack.charCodeAt(end)) || !isAlphanumeric(needle.charCodeAt(needle.length - 1));
    if (startOk && endOk) return true;
  }
  return false;
}

type Predicate = (haystack: string, needle: string) => boolean;

const PREDICATES: Readonly<Record<string, { test: Predicate; caseSensitive: boolean; negate: boolean }>> = {
  HasExpression: { test: hasTerm, caseSensitive: false, negate: false },
  NotHasExpression: { test: hasTerm, caseSensitive: false, negate: true },
  HasCsExpression: { test: hasTerm, caseSensitive: true, negate: false },
  NotHasCsExpression: { test: hasTerm, caseSensitive: true, negate: true },
  HasPrefixExpression: { test: hasTermPrefix, caseSensitive: false, negate: false },
  NotHasPrefixExpression: { test: hasTermPrefix, caseSensitive: false, negate: true },
  HasPrefixCsExpression: { test: hasTermPrefix, caseSensitive: true, negate: false },
  NotHasPrefixCsExpression: { test: hasTermPrefix, caseSensitive: true, negate: true },
  HasSuffixExpression: { test: hasTermSuffix, caseSensitive: false, negate: false },
  NotHasSuffixExpression: { test: hasTermSuffix, caseSensitive: false, negate: true },
  HasSuffixCsExpression: { test: hasTermSuffix, caseSensitive: true, negate: false },
  NotHasSuffixCsExpression: { test: hasTermSuffix, caseSensitive: true, negate: true },
  ContainsExpression: { test: (h, n) => h.includes(n), caseSensitive: false, negate: false },
  NotContainsExpression: { test: (h, n) => h.includes(n), caseSensitive: false, negate: true },
  ContainsCsExpression: { test: (h, n) => h.includes(n), caseSensitive: true, negate: false },
  NotContainsCsExpression: { test: (h, n) => h.includes(n), caseSensitive: true, negate: true },
  StartsWithExpression: { test: (h, n) => h.startsWith(n), caseSensitive: false, negate: false },
  NotStartsWithExpression: { test: (h, n) => h.startsWith(n), caseSensitive: false, negate: true },
  StartsWithCsExpression: { test: (h, n) => h.startsWith(n), caseSensitive: true, negate: false },
  NotStartsWithCsExpression: { test: (h, n) => h.startsWith(n), caseSensitive: true, negate: true },
  EndsWithExpression: { test: (h, n) => h.endsWith(n), caseSensitive: false, negate: false },
  NotEndsWithExpression: { test: (h, n) => h.endsWith(n), caseSensitive: false, negate: true },
  EndsWithCsExpression: { test: (h, n) => h.endsWith(n), caseSensitive: true, negate: false },
  NotEndsWithCsExpression: { test: (h, n) => h.endsWith(n), caseSensitive: true, negate: true },
  EqualTildeExpression: { test: (h, n) => h === n, caseSensitive: false, negate: false },
  BangTildeExpression: { test: (h, n) => h === n, caseSensitive: false, negate: true },
};

export function isStringPredicate(kind: string): boolean {
  return kind in PREDICATES;
}

/** Reads an operand as text (dynamic values as their JSON text, null as ""). */
export function textReader(operand: Compiled, lowerCase: boolean): RowFn {
  const fn = operand.fn;
  const type = operand.type;
  if (type === 'string') return lowerCase ? (row) => (fn(row) as string).toLowerCase() : fn;
  return lowerCase ? (row) => toStringValue(fn(row), type).toLowerCase() : (row) => toStringValue(fn(row), type);
}

export function compileStringPredicate(kind: string, left: Compiled, right: Compiled): Compiled {
  const { test, caseSensitive, negate } = PREDICATES[kind];
  const haystack = textReader(left, !caseSensitive);
  if (right.constant) {
    const needle = textReader(right, !caseSensitive)([]) as string;
    return derived(negate ? (row) => !test(haystack(row) as string, needle) : (row) => test(haystack(row) as string, needle), 'bool', [left, right]);
  }
  const needleOf = textReader(right, !caseSensitive);
  return derived((row) => test(haystack(row) as string, needleOf(row) as string) !== negate, 'bool', [left, right]);
}

/**
 * Kusto regexes are RE2; JS reads the common subset the same way. A leading `(?i)` (RE2's inline
 * flag, which JS lacks) becomes the `i` flag. A pattern JS rejects is an error at the operator.
 */
export function compileRegex(pattern: string, node: KNode, ctx: EvalContext, extraFlags = ''): RegExp {
  // RE2 writes named groups `(?P<name>...)`; JS writes `(?<name>...)`.
  let body = pattern.replace(/\(\?P</g, '(?<');
  let flags = extraFlags;
  const inline = /^\(\?([imsU]+)\)/.exec(body);
  if (inline) {
    body = body.slice(inline[0].length);
    if (inline[1].includes('i')) flags += 'i';
    if (inline[1].includes('m')) flags += 'm';
    if (inline[1].includes('s')) flags += 's';
  }
  try {
    return new RegExp(body, flags);
  } catch (error) {
    return ctx.fail(node, 'regex', `the regular expression ${JSON.stringify(pattern)} cannot be used: ${(error as Error).message}`);
  }
}

export function compileMatchesRegex(node: KNode, ctx: EvalContext, left: Compiled, right: Compiled): Compiled {
  const haystack = textReader(left, false);
  if (right.constant) {
    const regex = compileRegex(toStringValue(right.fn([]), right.type), node, ctx);
    return derived((row) => regex.test(haystack(row) as string), 'bool', [left, right]);
  }
  const cache = new Map<string, RegExp>();
  const patternOf = textReader(right, false);
  return derived((row) => {
    const pattern = patternOf(row) as string;
    let regex = cache.get(pattern);
    if (!regex) { regex = compileRegex(pattern, node, ctx); cache.set(pattern, regex); }
    return regex.test(haystack(row) as string);
  }, 'bool', [left, right]);
}

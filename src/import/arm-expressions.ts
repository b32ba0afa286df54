import type { PropPath } from '../load/source-locator';

/**
 * ARM evaluates a string that starts with `[` and ends with `]` as a template expression
 * (`[parameters('x')]`, `[concat(...)]`); `[[` at the start escapes it into a literal `[`.
 * An expression's value is only known at deployment, so a definition cannot hold it.
 */
export function isArmExpression(value: string): boolean {
  return value.startsWith('[') && !value.startsWith('[[') && value.endsWith(']');
}

/** Paths (relative to `value`) of every string in it that ARM would evaluate as an expression. */
export function findArmExpressions(value: unknown, at: PropPath = []): PropPath[] {
  if (typeof value === 'string') return isArmExpression(value) ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => findArmExpressions(v, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => findArmExpressions(v, [...at, k]));
  return [];
}

/** A copy with escaped literals (`[[x]`) turned back into what ARM deploys (`[x]`). */
export function unescapeArmLiterals<T>(value: T): T {
  if (typeof value === 'string') return (value.startsWith('[[') && value.endsWith(']') ? value.slice(1) : value) as T;
  if (Array.isArray(value)) return value.map((v) => unescapeArmLiterals(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unescapeArmLiterals(v)])) as T;
  }
  return value;
}

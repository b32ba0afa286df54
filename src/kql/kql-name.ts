/**
 * A plain KQL identifier: a letter or _, then letters, digits and _. What a table, column, function
 * or parameter can be named without quoting, and so what a definition or a pulled schema may use.
 */
export const KQL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isKqlName(value: unknown): value is string {
  return typeof value === 'string' && KQL_NAME.test(value);
}

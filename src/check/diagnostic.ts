/** The one diagnostic shape used by every stage (load, check, render), as tsc and eslint report. */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable, SNAKE_CASE identifier of the check, e.g. KQL_UNKNOWN_NAME. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Path relative to the project root, with forward slashes. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly ruleId?: string;
  /** What to do about it. */
  readonly hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, then position, then code, so output is stable across runs. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.code, b.code) || compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import type { Diagnostic } from '../check/diagnostic';

/** `path:line:col severity CODE message`, as tsc and eslint print, with the hint indented below. */
export function formatText(diagnostics: readonly Diagnostic[]): string {
  const lines: string[] = [];
  for (const d of diagnostics) {
    lines.push(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
    if (d.hint) lines.push(`  hint: ${d.hint}`);
  }
  return lines.join('\n');
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const count = (s: Diagnostic['severity']): number => diagnostics.filter((d) => d.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify({ diagnostics }, null, 2)}\n`;
}

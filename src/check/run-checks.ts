import type { Check, CheckContext, Report } from './check';
import { ruleIdOf } from './check';
import type { Diagnostic } from './diagnostic';
import { sortDiagnostics } from './diagnostic';
import { ALL_CHECKS } from './all-checks';

/** Runs every check over a loaded project and returns all findings, sorted, load problems included. */
export function runChecks(ctx: CheckContext, checks: readonly Check[] = ALL_CHECKS): Diagnostic[] {
  const out: Diagnostic[] = [...ctx.project.diagnostics];
  const report: Report = {
    at(definition, path, code, severity, message, hint) {
      const position = definition.source.locate(path);
      const ruleId = ruleIdOf(definition);
      out.push({ code, severity, message, file: definition.source.file, ...position, ...(ruleId ? { ruleId } : {}), ...(hint ? { hint } : {}) });
    },
    raw(diagnostic) {
      out.push(diagnostic);
    },
  };
  const { project } = ctx;
  for (const check of checks) {
    if (check.rule) for (const rule of project.rules) check.rule(rule, ctx, report);
    if (check.hunting) for (const query of project.huntingQueries) check.hunting(query, ctx, report);
    if (check.watchlist) for (const watchlist of project.watchlists) check.watchlist(watchlist, ctx, report);
    if (check.table) for (const table of project.tables) check.table(table, ctx, report);
    check.finalize?.(ctx, report);
  }
  return sortDiagnostics(dedupe(out));
}

/** Two checks may reach the same conclusion at the same place (e.g. a missing column used twice). */
function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

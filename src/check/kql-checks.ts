import type { Check, Report } from './check';
import type { LoadedHuntingQuery, LoadedRule } from '../load/loaded-project';
import type { QueryAnalysis } from '../kql/analyze-query';

/**
 * Kusto.Language's parse and bind errors (unknown tables, columns, functions), unknown watchlist
 * aliases, wildcard scans, and template placeholder problems, each at its place in the `.kql` file
 * (or inside the inline template in the `.ts`).
 */
export const kqlCheck: Check = {
  name: 'kql',
  rule: (rule, ctx, report) => reportQuery(rule, ctx.analyses.get(rule), report),
  hunting: (query, ctx, report) => reportQuery(query, ctx.analyses.get(query), report),
};

function reportQuery(definition: LoadedRule | LoadedHuntingQuery, analysis: QueryAnalysis | undefined, report: Report): void {
  const query = definition.query;
  if (!query) return;
  const ruleId = String(definition.props.id);
  for (const problem of query.templateProblems) {
    report.raw({ code: problem.code, severity: problem.severity, message: problem.message, file: query.file, ...query.positionAt(problem.offset), ruleId });
  }
  if (!analysis) return;
  for (const problem of analysis.problems) {
    report.raw({
      code: problem.code,
      severity: problem.severity,
      message: problem.message,
      file: query.file,
      ...query.positionAt(problem.offset),
      ruleId,
      ...(problem.hint ? { hint: problem.hint } : problem.code === 'KQL_UNKNOWN_NAME' ? { hint: 'check the spelling against the table schema; custom tables are declared with defineCustomTable() in tables/' } : {}),
    });
  }
}

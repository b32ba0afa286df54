import type { Check, Report } from './check';
import type { LoadedHuntingQuery, LoadedRule } from '../load/loaded-project';
import { rulePeriodMinutes } from './schedule-check';

const MAX_QUERY_LENGTH = 10_000;

/**
 * Limits on the query text itself: Sentinel's 10,000-character cap, ASCII only (Azure-Sentinel's CI
 * rejects any non-ASCII character in detection and hunting YAML), and a lint for time filters that
 * reach further back than the lookback Sentinel scopes every table to, which silently return less.
 */
export const queryLimitsCheck: Check = {
  name: 'query-limits',
  rule(rule, ctx, report) {
    checkText(rule, report);
    const period = rulePeriodMinutes(rule);
    const analysis = ctx.analyses.get(rule);
    if (period === undefined || !analysis || !rule.query) return;
    for (const call of analysis.agoCalls) {
      if (call.minutes > period) {
        report.raw({
          code: 'QUERY_LOOKBACK_EXCEEDS_PERIOD',
          severity: 'warning',
          message: `ago() reaches back ${formatMinutes(call.minutes)}, further than the rule's queryPeriod ${String(rule.props.kind === 'NRT' ? '' : rule.props.queryPeriod)}; Sentinel only gives the query that window, so the filter cannot see older rows`,
          file: rule.query.file,
          ...rule.query.positionAt(call.offset),
          ruleId: rule.props.id,
          hint: 'raise queryPeriod, or shorten the filter to the lookback',
        });
      }
    }
  },
  hunting: (query, _ctx, report) => checkText(query, report),
};

function checkText(definition: LoadedRule | LoadedHuntingQuery, report: Report): void {
  const query = definition.query;
  if (!query) return;
  if (query.text.length > MAX_QUERY_LENGTH) {
    report.raw({ code: 'QUERY_TOO_LONG', severity: 'error', message: `the query is ${query.text.length} characters; Sentinel allows ${MAX_QUERY_LENGTH}`, file: query.file, line: 1, column: 1, ruleId: definition.props.id, hint: 'move reference data into a watchlist or a function' });
  }
  const nonAscii = /[^\u0000-\u007f]/.exec(query.text);
  if (nonAscii) {
    report.raw({ code: 'NON_ASCII', severity: 'error', message: `non-ASCII character ${JSON.stringify(nonAscii[0])} (U+${nonAscii[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) in the query; Azure-Sentinel YAML must be ASCII`, file: query.file, ...query.positionAt(nonAscii.index), ruleId: definition.props.id });
  }
  for (const field of ['name', 'description'] as const) {
    const text = definition.props[field];
    const found = typeof text === 'string' ? /[^\u0000-\u007f]/.exec(text) : null;
    if (found) report.at(definition, [field], 'NON_ASCII', 'error', `non-ASCII character ${JSON.stringify(found[0])} in ${field}; Azure-Sentinel YAML must be ASCII`, 'use a plain ASCII equivalent (e.g. straight quotes, "-" for a dash)');
  }
}

function formatMinutes(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${Math.round(minutes)}m`;
}

import type { Check } from './check';
import { durationMinutes, isDuration, type Duration } from '../model/duration';
import type { PropPath } from '../load/source-locator';
import type { LoadedRule } from '../load/loaded-project';

const MIN = 5;
const DAY = 1440;
const FOURTEEN_DAYS = 14 * DAY;

/**
 * Schedule limits from Sentinel's service limits and Azure-Sentinel's CI: frequency and lookback from
 * 5 minutes to 14 days, frequency ≤ lookback, a lookback of 2 days or more runs at most hourly,
 * suppression up to 24 hours, incident grouping lookback 5 minutes to 7 days.
 */
export const scheduleCheck: Check = {
  name: 'schedule',
  rule(rule, _ctx, report) {
    const at = (path: PropPath, code: string, message: string, hint?: string): void => report.at(rule, path, code, 'error', message, hint);
    const duration = (path: PropPath, value: unknown, min: number, max: number, required: boolean): number | undefined => {
      if (value === undefined) {
        if (required) at(path, 'DEFINITION_INVALID', `${path.join('.')} is required, e.g. "1h"`);
        return undefined;
      }
      if (!isDuration(value)) {
        at(path, 'DURATION_INVALID', `${path.join('.')} must be a duration such as "5m", "1h" or "14d", got ${JSON.stringify(value)}`);
        return undefined;
      }
      const minutes = durationMinutes(value);
      if (minutes < min || minutes > max) at(path, 'SCHEDULE_RANGE', `${path.join('.')} ${value} is outside ${fmt(min)} to ${fmt(max)}`);
      return minutes;
    };
    const props = rule.props;
    if (props.kind !== 'NRT') {
      const frequency = duration(['queryFrequency'], props.queryFrequency, MIN, FOURTEEN_DAYS, true);
      const period = duration(['queryPeriod'], props.queryPeriod, MIN, FOURTEEN_DAYS, true);
      if (frequency !== undefined && period !== undefined) {
        if (frequency > period) at(['queryFrequency'], 'SCHEDULE_FREQUENCY_EXCEEDS_PERIOD', `queryFrequency ${props.queryFrequency} is longer than queryPeriod ${props.queryPeriod}: events between runs would never be seen`, 'make queryPeriod at least queryFrequency');
        if (period >= 2 * DAY && frequency < 60) at(['queryFrequency'], 'SCHEDULE_LONG_PERIOD_FREQUENCY', `a queryPeriod of ${props.queryPeriod} needs a queryFrequency of 1h or more (got ${props.queryFrequency})`);
      }
    }
    duration(['suppression', 'duration'], props.suppression?.duration, MIN, DAY, props.suppression !== undefined);
    duration(['incidentConfiguration', 'grouping', 'lookbackDuration'], props.incidentConfiguration?.grouping?.lookbackDuration, MIN, 7 * DAY, false);
  },
};

export function rulePeriodMinutes(rule: LoadedRule): number | undefined {
  const props = rule.props;
  if (props.kind === 'NRT') return undefined;
  return isDuration(props.queryPeriod) ? durationMinutes(props.queryPeriod as Duration) : undefined;
}

function fmt(minutes: number): string {
  if (minutes % DAY === 0) return `${minutes / DAY}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

/**
 * Calendar parts of a datetime: hourofday, dayofweek, dayofmonth, dayofyear, monthofyear/getmonth,
 * getyear, weekofyear, datetime_part, and startofweek/startofmonth/startofyear (startofday is with
 * the other time functions). UTC throughout, as Kusto; weeks start on Sunday, and week numbers
 * follow ISO 8601, as the reference pages say.
 */
import { datetimeFromParts, datetimeParts, MICROS_PER_DAY, MICROS_PER_MILLISECOND } from '../values/datetime';
import { constantArgument, expectArity, FunctionImpl, pure } from './function-library';

type Parts = ReturnType<typeof datetimeParts>;

function dayOfYear(p: Parts): number {
  return Math.round((datetimeFromParts(p.year, p.month, p.day) - datetimeFromParts(p.year, 1, 1)) / MICROS_PER_DAY) + 1;
}

/** ISO 8601: weeks start on Monday, and week 1 holds the year's first Thursday. */
function isoWeek(p: Parts): number {
  const mondayBased = (p.weekday + 6) % 7;
  const thursday = datetimeFromParts(p.year, p.month, p.day) + (3 - mondayBased) * MICROS_PER_DAY;
  const thursdayYear = datetimeParts(thursday).year;
  return Math.floor((thursday - datetimeFromParts(thursdayYear, 1, 1)) / MICROS_PER_DAY / 7) + 1;
}

/** A function of one datetime's parts, null for null; typed as the binder types the call. */
function partOf(read: (p: Parts) => number): FunctionImpl {
  return (call) => {
    expectArity(call, 1);
    return pure(call, (value) => (value === null ? null : read(datetimeParts(value as number))));
  };
}

const PARTS: Readonly<Record<string, (p: Parts) => number>> = {
  year: (p) => p.year,
  quarter: (p) => Math.ceil(p.month / 3),
  month: (p) => p.month,
  week_of_year: isoWeek,
  weekofyear: isoWeek,
  day: (p) => p.day,
  dayofyear: dayOfYear,
  hour: (p) => p.hour,
  minute: (p) => p.minute,
  second: (p) => p.second,
  millisecond: (p) => Math.floor(p.microsecond / MICROS_PER_MILLISECOND),
  microsecond: (p) => p.microsecond,
  nanosecond: (p) => p.microsecond * 1000,
};

const datetimePart: FunctionImpl = (call) => {
  expectArity(call, 2);
  const name = String(constantArgument(call, 0, 'part')).toLowerCase();
  const read = PARTS[name];
  if (!read) call.env.ctx.fail(call.argNodes[0], call.name, `datetime_part(): unknown part "${name}" (${Object.keys(PARTS).join(', ')})`);
  return pure(call, (_part, value) => (value === null ? null : read(datetimeParts(value as number))));
};

/** startofweek/startofmonth/startofyear(date [, offset]): the period's start, `offset` periods away. */
function startOf(period: 'week' | 'month' | 'year'): FunctionImpl {
  return (call) => {
    expectArity(call, 1, 2);
    return pure(call, (value, offset) => {
      if (value === null) return null;
      const p = datetimeParts(value as number);
      const n = (offset as number | null | undefined) ?? 0;
      if (period === 'week') return datetimeFromParts(p.year, p.month, p.day - p.weekday + 7 * n);
      if (period === 'month') return datetimeFromParts(p.year, p.month + n, 1);
      return datetimeFromParts(p.year + n, 1, 1);
    }, 'datetime');
  };
}

export const DATETIME_PART_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  hourofday: partOf((p) => p.hour),
  dayofmonth: partOf((p) => p.day),
  dayofyear: partOf(dayOfYear),
  monthofyear: partOf((p) => p.month),
  getmonth: partOf((p) => p.month),
  getyear: partOf((p) => p.year),
  weekofyear: partOf(isoWeek),
  week_of_year: partOf(isoWeek),
  /** The time since the preceding Sunday's midnight, in whole days. */
  dayofweek: partOf((p) => p.weekday * MICROS_PER_DAY),
  datetime_part: datetimePart,
  startofweek: startOf('week'),
  startofmonth: startOf('month'),
  startofyear: startOf('year'),
};

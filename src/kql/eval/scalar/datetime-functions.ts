/** Time functions: ago, now, bin/floor, startofday, datetime_add, datetime_diff, format_datetime. */
import {
  datetimeFromParts, datetimeParts, MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MILLISECOND, MICROS_PER_MINUTE, MICROS_PER_SECOND,
} from '../values/datetime';
import { constant, derived } from './compiled';
import { constantArgument, expectArity, FunctionImpl, pure, CallInfo } from './function-library';

/** Kusto bins datetimes from 0001-01-01 (a Monday), so that 7d bins start on Mondays. */
const KUSTO_EPOCH_MICROS = -62135596800 * MICROS_PER_SECOND;

/** Rounds down to a multiple of `size`: numbers from 0, datetimes from 0001-01-01. */
export function binValue(value: unknown, size: unknown, type: string): unknown {
  if (value === null || size === null || value === undefined || size === undefined) return null;
  const v = value as number;
  const s = size as number;
  if (s <= 0) return null;
  if (type === 'datetime') {
    let remainder = ((v % s) - (KUSTO_EPOCH_MICROS % s)) % s;
    if (remainder < 0) remainder += s;
    return v - remainder;
  }
  const binned = Math.floor(v / s) * s;
  return type === 'long' || type === 'int' || type === 'timespan' ? Math.round(binned) : binned;
}

const bin: FunctionImpl = (call) => {
  expectArity(call, 2);
  const type = call.args[0].type;
  return pure(call, (v, s) => binValue(v, s, type));
};

/** Period names of datetime_add / datetime_diff, case-insensitive. */
const FIXED_PERIODS: Readonly<Record<string, number>> = {
  week: 7 * MICROS_PER_DAY, day: MICROS_PER_DAY, hour: MICROS_PER_HOUR, minute: MICROS_PER_MINUTE,
  second: MICROS_PER_SECOND, millisecond: MICROS_PER_MILLISECOND, microsecond: 1, nanosecond: 0.001,
};
const CALENDAR_PERIODS: ReadonlySet<string> = new Set(['year', 'quarter', 'month']);

function periodArgument(call: CallInfo): string {
  const period = String(constantArgument(call, 0, 'period')).toLowerCase();
  if (!(period in FIXED_PERIODS) && !CALENDAR_PERIODS.has(period)) {
    call.env.ctx.fail(call.argNodes[0], call.name, `${call.name}(): unknown period '${period}' (use year, quarter, month, week, day, hour, minute, second, millisecond, microsecond or nanosecond)`);
  }
  return period;
}

function addMonths(micros: number, months: number): number {
  const p = datetimeParts(micros);
  const totalMonths = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12 + 1;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return datetimeFromParts(year, month, Math.min(p.day, daysInMonth), p.hour, p.minute, p.second, p.microsecond);
}

const datetimeAdd: FunctionImpl = (call) => {
  expectArity(call, 3);
  const period = periodArgument(call);
  return derived((row) => {
    const amount = call.args[1].fn(row);
    const value = call.args[2].fn(row);
    if (amount === null || value === null) return null;
    const n = Math.trunc(amount as number);
    if (period === 'year') return addMonths(value as number, 12 * n);
    if (period === 'quarter') return addMonths(value as number, 3 * n);
    if (period === 'month') return addMonths(value as number, n);
    return (value as number) + Math.trunc(n * FIXED_PERIODS[period]);
  }, 'datetime', call.args);
};

/** Counts period boundaries crossed from datetime2 to datetime1 (calendar periods by their numbers). */
function periodIndex(micros: number, period: string): number {
  if (CALENDAR_PERIODS.has(period)) {
    const p = datetimeParts(micros);
    if (period === 'year') return p.year;
    if (period === 'quarter') return p.year * 4 + Math.floor((p.month - 1) / 3);
    return p.year * 12 + p.month - 1;
  }
  if (period === 'week') {
    // Weeks start on Sunday; 1970-01-04 was a Sunday.
    return Math.floor((micros - 3 * MICROS_PER_DAY) / FIXED_PERIODS.week);
  }
  if (period === 'nanosecond') return micros * 1000;
  return Math.floor(micros / FIXED_PERIODS[period]);
}

const datetimeDiff: FunctionImpl = (call) => {
  expectArity(call, 3);
  const period = periodArgument(call);
  return pure(call, (_p, a, b) => (a === null || b === null ? null : periodIndex(a as number, period) - periodIndex(b as number, period)), 'long');
};

const FORMAT_TOKEN = /yyyy|yy|y|MM|M|dd|d|HH|H|hh|h|mm|m|ss|s|f{1,7}|F{1,7}|tt|[^yMdHhmsfFt]+|./g;

/** format_datetime with the documented specifiers; any other character is copied. */
export function formatDatetimeWith(micros: number, format: string): string {
  const p = datetimeParts(micros);
  const fraction7 = String(p.microsecond * 10).padStart(7, '0');
  const two = (n: number): string => String(n).padStart(2, '0');
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return (format.match(FORMAT_TOKEN) ?? []).map((token) => {
    switch (token) {
      case 'yyyy': return String(p.year).padStart(4, '0');
      case 'yy': return two(p.year % 100);
      case 'y': return String(p.year % 100);
      case 'MM': return two(p.month);
      case 'M': return String(p.month);
      case 'dd': return two(p.day);
      case 'd': return String(p.day);
      case 'HH': return two(p.hour);
      case 'H': return String(p.hour);
      case 'hh': return two(hour12);
      case 'h': return String(hour12);
      case 'mm': return two(p.minute);
      case 'm': return String(p.minute);
      case 'ss': return two(p.second);
      case 's': return String(p.second);
      case 'tt': return p.hour < 12 ? 'AM' : 'PM';
      default:
        if (/^f+$/.test(token)) return fraction7.slice(0, token.length);
        if (/^F+$/.test(token)) return fraction7.slice(0, token.length).replace(/0+$/, '');
        return token;
    }
  }).join('');
}

/** make_datetime(year, month, day [, hour, minute, second]): null when a part is null or out of range. */
const makeDatetime: FunctionImpl = (call) => {
  expectArity(call, 3, 7);
  return derived((row) => {
    const parts = call.args.map((arg) => arg.fn(row));
    if (parts.some((p) => p === null || p === undefined)) return null;
    const [year, month, day, hour = 0, minute = 0, second = 0] = parts as number[];
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second >= 60) return null;
    const wholeSecond = Math.floor(second);
    const value = datetimeFromParts(year, month, day, hour, minute, wholeSecond, Math.round((second - wholeSecond) * MICROS_PER_SECOND));
    return datetimeParts(value).day === day ? value : null;
  }, 'datetime', call.args);
};

export const DATETIME_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  make_datetime: makeDatetime,
  now: (call) => {
    const now = call.env.ctx.now;
    if (call.args.length === 0) return constant(now, 'datetime');
    return pure(call, (offset) => (offset === null ? null : now + (offset as number)), 'datetime');
  },
  ago: (call) => {
    expectArity(call, 1);
    const now = call.env.ctx.now;
    return pure(call, (span) => (span === null ? null : now - (span as number)), 'datetime');
  },
  bin,
  floor: bin,
  startofday: (call) => {
    expectArity(call, 1, 2);
    return pure(call, (value, offset) => {
      if (value === null) return null;
      const day = binValue(value, MICROS_PER_DAY, 'datetime') as number;
      return offset === null || offset === undefined ? day : day + (offset as number) * MICROS_PER_DAY;
    }, 'datetime');
  },
  datetime_add: datetimeAdd,
  datetime_diff: datetimeDiff,
  format_datetime: (call) => {
    expectArity(call, 2);
    return pure(call, (value, format) => (value === null ? '' : formatDatetimeWith(value as number, String(format))), 'string');
  },
};

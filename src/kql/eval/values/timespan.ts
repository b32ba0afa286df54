/**
 * timespan values are held as a number of microseconds (the same unit as datetime, so that
 * datetime - datetime and datetime + timespan are plain arithmetic).
 */
import { MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MILLISECOND, MICROS_PER_MINUTE, MICROS_PER_SECOND } from './datetime';

const UNIT_MICROS: Readonly<Record<string, number>> = {
  d: MICROS_PER_DAY, day: MICROS_PER_DAY, days: MICROS_PER_DAY,
  h: MICROS_PER_HOUR, hr: MICROS_PER_HOUR, hrs: MICROS_PER_HOUR, hour: MICROS_PER_HOUR, hours: MICROS_PER_HOUR,
  m: MICROS_PER_MINUTE, min: MICROS_PER_MINUTE, minute: MICROS_PER_MINUTE, minutes: MICROS_PER_MINUTE,
  s: MICROS_PER_SECOND, sec: MICROS_PER_SECOND, second: MICROS_PER_SECOND, seconds: MICROS_PER_SECOND,
  ms: MICROS_PER_MILLISECOND, milli: MICROS_PER_MILLISECOND, millis: MICROS_PER_MILLISECOND,
  millisecond: MICROS_PER_MILLISECOND, milliseconds: MICROS_PER_MILLISECOND,
  microsecond: 1, microseconds: 1,
  tick: 0.1, ticks: 0.1,
  nanosecond: 0.001, nanoseconds: 0.001,
};

const UNIT_LITERAL = /^\s*([+-]?\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i;
const CLOCK_LITERAL = /^\s*([+-])?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?\s*$/;

/**
 * Parses a timespan in any form Kusto writes one: `1d`, `1.5h`, `30s`, `100ms`, `10microseconds`,
 * `[-][d.]hh:mm[:ss[.fffffff]]`, and the wrapped forms `time(...)` / `timespan(...)`; a bare number
 * inside `time(2)` means days. Returns null when the text is none of these.
 */
export function parseTimespan(text: string): number | null {
  let body = text.trim();
  const wrapped = /^(?:time|timespan)\s*\((.*)\)$/is.exec(body);
  if (wrapped) {
    body = wrapped[1].trim();
    if (body.toLowerCase() === 'null') return null;
    if (/^[+-]?\d+(?:\.\d+)?$/.test(body)) return Math.round(Number(body) * MICROS_PER_DAY);
  }
  const unit = UNIT_LITERAL.exec(body);
  if (unit) {
    const micros = UNIT_MICROS[unit[2].toLowerCase()];
    return micros === undefined ? null : Math.round(Number(unit[1]) * micros);
  }
  const clock = CLOCK_LITERAL.exec(body);
  if (clock) {
    const [, sign, days, hours, minutes, seconds, fraction] = clock;
    const micros =
      Number(days ?? 0) * MICROS_PER_DAY +
      Number(hours) * MICROS_PER_HOUR +
      Number(minutes) * MICROS_PER_MINUTE +
      Number(seconds ?? 0) * MICROS_PER_SECOND +
      (fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * MICROS_PER_SECOND + 1e-7));
    return sign === '-' ? -micros : micros;
  }
  return null;
}

/** Kusto's rendering of a timespan: `[-][d.]hh:mm:ss[.fffffff]`, e.g. `1.02:03:04.5000000`. */
export function formatTimespan(micros: number): string {
  const negative = micros < 0;
  let rest = Math.abs(micros);
  const days = Math.floor(rest / MICROS_PER_DAY);
  rest -= days * MICROS_PER_DAY;
  const hours = Math.floor(rest / MICROS_PER_HOUR);
  rest -= hours * MICROS_PER_HOUR;
  const minutes = Math.floor(rest / MICROS_PER_MINUTE);
  rest -= minutes * MICROS_PER_MINUTE;
  const seconds = Math.floor(rest / MICROS_PER_SECOND);
  const fraction = Math.round(rest - seconds * MICROS_PER_SECOND);
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    (negative ? '-' : '') +
    (days > 0 ? `${days}.` : '') +
    `${two(hours)}:${two(minutes)}:${two(seconds)}` +
    (fraction > 0 ? `.${String(fraction).padStart(6, '0')}0` : '')
  );
}

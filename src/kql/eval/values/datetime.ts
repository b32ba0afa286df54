/**
 * datetime values are held as a number: microseconds since the Unix epoch, UTC.
 *
 * Kusto keeps 100 ns ticks, but ticks since 1970 (~1.7e17) do not fit a double exactly, while
 * microseconds (~1.7e15) do, so every datetime up to the year 2255 is an exact integer and sorts,
 * hashes and compares as a plain number. The seventh fractional digit is therefore always 0.
 */

export const MICROS_PER_MILLISECOND = 1000;
export const MICROS_PER_SECOND = 1_000_000;
export const MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
export const MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
export const MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

const ISO_PATTERN =
  /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/i;

function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * The common machine form `yyyy-MM-ddTHH:mm:ss[.f+]Z`, read without a regex: sample events hold
 * hundreds of thousands of these. Anything else returns null and takes the general path.
 */
function parseCanonicalIso(text: string): number | null {
  const n = text.length;
  if (n < 20 || text.charCodeAt(n - 1) !== 90 /* Z */ || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 ||
      text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  let fraction = 0;
  if (n > 20) {
    if (text.charCodeAt(19) !== 46 /* . */ || n > 30) return null;
    const digits = n - 21;
    const value = digitsAt(text, 20, digits);
    if (value < 0 || digits === 0) return null;
    fraction = Math.floor((value * MICROS_PER_SECOND) / 10 ** digits);
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(ms).getUTCDate() !== day) return null;
  return ms * MICROS_PER_MILLISECOND + fraction;
}

/** `02/17/2016 08:40:01` (month/day/year, optional time and AM/PM), which todatetime() also reads. */
const US_PATTERN = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?\s*(AM|PM)?)?\s*$/i;

/** Microseconds since the epoch from a JS Date. */
export function datetimeFromDate(date: Date): number | null {
  const ms = date.getTime();
  return Number.isNaN(ms) ? null : ms * MICROS_PER_MILLISECOND;
}

/**
 * Parses the datetime text forms Kusto accepts: ISO 8601 (`2024-08-02T10:00:00.1234567Z`, with a space
 * instead of `T`, date only, with an offset), `MM/dd/yyyy [HH:mm[:ss]]`, and RFC 822/850 forms
 * (`Sat, 8 Nov 2014 15:05:02 GMT`).
 * Text without an offset is UTC, as in Kusto. Returns null for anything else, as todatetime() does.
 */
export function parseDatetime(text: string): number | null {
  const fast = parseCanonicalIso(text);
  if (fast !== null) return fast;
  const match = ISO_PATTERN.exec(text);
  if (match) {
    const [, y, mo, d, h, mi, s, fraction, zone] = match;
    const month = Number(mo);
    const day = Number(d);
    const hour = h === undefined ? 0 : Number(h);
    const minute = mi === undefined ? 0 : Number(mi);
    const second = s === undefined ? 0 : Number(s);
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
    const ms = Date.UTC(Number(y), month - 1, day, hour, minute, second);
    const check = new Date(ms);
    if (check.getUTCDate() !== day) return null; // 2024-02-30 and the like
    let micros = ms * MICROS_PER_MILLISECOND;
    if (fraction !== undefined) micros += Math.floor(Number(`0.${fraction}`) * MICROS_PER_SECOND + 1e-7);
    if (zone !== undefined && zone.toUpperCase() !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
      micros -= sign * offsetMinutes * MICROS_PER_MINUTE;
    }
    return micros;
  }
  const us = US_PATTERN.exec(text);
  if (us) {
    const [, mo, d, y, h, mi, sec, fraction, meridiem] = us;
    let hour = h === undefined ? 0 : Number(h);
    if (meridiem) hour = (hour % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
    return parseDatetime(
      `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}T${String(hour).padStart(2, '0')}:${mi ?? '00'}:${sec ?? '00'}${fraction ? `.${fraction}` : ''}Z`,
    );
  }
  // RFC 822 / RFC 850 forms carry a weekday or month name; Date.parse reads them correctly.
  if (/[a-z]{3}/i.test(text)) {
    const ms = Date.parse(/(gmt|utc|z|[+-]\d{4})\s*$/i.test(text) ? text : `${text} GMT`);
    if (!Number.isNaN(ms)) return ms * MICROS_PER_MILLISECOND;
  }
  return null;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Kusto's rendering of a datetime: `2024-08-02T10:00:00.0000000Z` (always seven fractional digits). */
export function formatDatetime(micros: number): string {
  const ms = Math.floor(micros / MICROS_PER_MILLISECOND);
  const subMillisecond = micros - ms * MICROS_PER_MILLISECOND;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  return (
    `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` +
    `T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}` +
    `.${pad(date.getUTCMilliseconds(), 3)}${pad(subMillisecond, 3)}0Z`
  );
}

/** The UTC calendar parts of a datetime, for format_datetime, startof* and datetime_add. */
export function datetimeParts(micros: number): {
  year: number; month: number; day: number; hour: number; minute: number; second: number; microsecond: number; weekday: number;
} {
  const ms = Math.floor(micros / MICROS_PER_MILLISECOND);
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    microsecond: date.getUTCMilliseconds() * MICROS_PER_MILLISECOND + (micros - ms * MICROS_PER_MILLISECOND),
    weekday: date.getUTCDay(),
  };
}

/** A datetime from UTC calendar parts (month 1-12); out-of-range parts roll over as Date.UTC does. */
export function datetimeFromParts(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, microsecond = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime() * MICROS_PER_MILLISECOND + microsecond;
}

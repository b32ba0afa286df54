import { rowsOf } from './run-kql';

/**
 * Functions and operators added for rules of the public corpus, each checked against the examples
 * of its page in the Kusto reference (https://learn.microsoft.com/kusto/query/<name>-function).
 */
const first = (query: string): Record<string, unknown> => rowsOf(query)[0];

describe('math', () => {
  test('round: half away from zero at the given digits, negative digits to tens and hundreds', () => {
    expect(first('print a = round(2.98765, 3), b = round(2.15, 1), c = round(2.15), d = round(-50.55, -2), e = round(21.5, -1), f = round(2.5), g = round(-2.5)'))
      .toEqual({ a: 2.988, b: 2.2, c: 2, d: -100, e: 20, f: 3, g: -3 });
  });

  test('abs, tohex (two\'s complement, 64 bits for a long, 32 for an int), max_of and min_of (nulls ignored)', () => {
    expect(first('print a = abs(-5), b = abs(-2.5), c = tohex(256), d = tohex(-256), e = tohex(256, 8), f = tohex(int(-256)), g = max_of(10, 1), h = max_of(int(null), 1, 2), i = min_of("b", "a")'))
      .toEqual({ a: 5, b: 2.5, c: '100', d: 'ffffffffffffff00', e: '00000100', f: 'ffffff00', g: 10, h: 2, i: 'a' });
  });
});

describe('strings', () => {
  test('countof: plain matches may overlap, regex matches do not', () => {
    expect(first('print a = countof("aaa", "a"), b = countof("aaaa", "aa"), c = countof("ababa", "ab", "normal"), d = countof("ababa", "aba"), e = countof("ababa", "aba", "regex"), f = countof("abcabc", "a.c", "regex")'))
      .toEqual({ a: 3, b: 3, c: 2, d: 2, e: 1, f: 2 });
  });

  test('indexof from the start, from an offset, and from the end; -1 when absent', () => {
    expect(first('print a = indexof("abcdefg", "cde"), b = indexof("abcdefg", "cde", 3), c = indexof("abcdefg", "cde", -5), d = indexof(1234567, 5), e = indexof("abc", "x")'))
      .toEqual({ a: 2, b: -1, c: 2, d: 4, e: -1 });
  });

  test('trim_start and trim_end remove the regex\'s matches at one end', () => {
    expect(first('print a = trim_start(@"[^\\w]+", "-  Te st1// $"), b = trim_end(@"[^\\w]+", "-  Te st1// $"), c = trim("--", "--https://www.ibm.com--")'))
      .toEqual({ a: 'Te st1// $', b: '-  Te st1', c: 'https://www.ibm.com' });
  });

  test('hasprefix and hassuffix match the start or end of a term, with their negated and case-sensitive forms', () => {
    expect(first(`print a = "North America" hasprefix "ame", b = "North America" hassuffix "ica", c = "North America" hasprefix "orth",
  d = "North America" !hassuffix "ame", e = "North America" hasprefix_cs "Ame", f = "North America" hasprefix_cs "ame", g = "North America" !hasprefix "nor"`))
      .toEqual({ a: true, b: true, c: false, d: true, e: true, f: false, g: false });
  });
});

describe('arrays and sets', () => {
  test('array_slice takes an inclusive range, counting negative indexes from the end', () => {
    expect(first('print a = array_slice(dynamic([1,2,3]), 1, 2), b = array_slice(dynamic([1,2,3,4,5]), 2, -1), c = array_slice(dynamic([1,2,3,4,5]), -3, -2), d = array_slice(dynamic([1,2,3]), 5, 7)'))
      .toEqual({ a: [2, 3], b: [3, 4, 5], c: [3, 4], d: [] });
  });

  test('set_union, set_intersect and set_difference give distinct values in first-seen order; array_concat keeps every value', () => {
    expect(first('print a = set_union(dynamic([1,2,3]), dynamic([3,4]), dynamic([1,5])), b = set_intersect(dynamic([1,2,3,3]), dynamic([3,2,9])), c = set_difference(dynamic([1,2,3,"1"]), dynamic([2]), dynamic([3])), d = array_concat(dynamic([1,2]), dynamic([2,"a"]))'))
      .toEqual({ a: [1, 2, 3, 4, 5], b: [2, 3], c: [1, '1'], d: [1, 2, 2, 'a'] });
  });
});

describe('datetime parts', () => {
  test('dayofweek is the time since Sunday; hourofday, dayofmonth, dayofyear, getmonth, getyear', () => {
    expect(first(`print a = dayofweek(datetime(1947-11-30 10:00:05)), b = dayofweek(datetime(1970-05-11)), c = hourofday(datetime(2015-12-14 18:54)),
  d = dayofmonth(datetime(2015-12-14)), e = dayofyear(datetime(2015-12-14)), f = getmonth(datetime(2015-10-12)), g = getyear(datetime(2015-10-12))`))
      .toEqual({ a: '00:00:00', b: '1.00:00:00', c: 18, d: 14, e: 348, f: 10, g: 2015 });
  });

  test('weekofyear and datetime_part("week_of_year") follow ISO 8601', () => {
    expect(first('print a = weekofyear(datetime(2020-12-31)), b = weekofyear(datetime(2020-06-15)), c = weekofyear(datetime(1970-01-01)), d = weekofyear(datetime(2000-01-01))'))
      .toEqual({ a: 53, b: 25, c: 1, d: 52 });
    const at = 'datetime(2017-01-01 10:10:17)';
    expect(first(`print y = datetime_part("Year", ${at}), q = datetime_part("quarter", ${at}), m = datetime_part("Month", ${at}), w = datetime_part("week_of_year", ${at}),
  d = datetime_part("day", ${at}), dy = datetime_part("dayOfYear", ${at}), h = datetime_part("hour", ${at}), mi = datetime_part("minute", ${at}), s = datetime_part("second", ${at})`))
      .toEqual({ y: 2017, q: 1, m: 1, w: 52, d: 1, dy: 1, h: 10, mi: 10, s: 17 });
  });

  test('startofweek (weeks start on Sunday), startofmonth and startofyear, with an offset', () => {
    expect(first('print a = startofweek(datetime(2017-01-01 10:10:17), -1), b = startofweek(datetime(2017-01-03)), c = startofweek(datetime(2017-01-01 10:10:17), 1), d = startofmonth(datetime(2017-01-01 10:10:17), -1), e = startofyear(datetime(2017-01-01 10:10:17), 1)'))
      .toEqual({ a: '2016-12-25T00:00:00.0000000Z', b: '2017-01-01T00:00:00.0000000Z', c: '2017-01-08T00:00:00.0000000Z', d: '2016-12-01T00:00:00.0000000Z', e: '2018-01-01T00:00:00.0000000Z' });
  });
});

describe('serialize', () => {
  test('keeps the rows in order and adds the columns it names, as extend does', () => {
    expect(rowsOf('range x from 1 to 3 step 1 | serialize')).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
    expect(rowsOf('range x from 1 to 3 step 1 | serialize y = x * 2')).toEqual([{ x: 1, y: 2 }, { x: 2, y: 4 }, { x: 3, y: 6 }]);
  });
});

describe('JSON text', () => {
  const doc = '{"hosts": [{"location": "North_DC", "status": "running", "rate": 5}, {"location": "South_DC", "status": "stopped", "rate": 3}]}';

  test('extractjson follows $, .name, [\'name\'] and [index] steps; text by default, or the type asked for', () => {
    expect(first(`print a = extractjson("$.hosts[1].status", '${doc}'), b = extractjson("$.hosts[1].rate", '${doc}', typeof(int)), c = extractjson("$.hosts[0]", '${doc}'),
  d = extractjson("$['hosts'][0].location", '${doc}'), e = isempty(extractjson("$.nope", '${doc}')), f = isempty(extractjson("$.a", "not json"))`))
      .toEqual({ a: 'stopped', b: 3, c: '{"location":"North_DC","status":"running","rate":5}', d: 'North_DC', e: true, f: true });
  });

  test('a JSONPath with a wildcard or recursive descent is an error naming it, not a wrong result', () => {
    expect(() => first('print a = extractjson("$..x", "{}")')).toThrow(/the JSONPath "\$\.\.x" is not supported/);
  });

  test('strcat_array (and array_strcat) joins the elements as text', () => {
    expect(first('print a = strcat_array(dynamic([1, 2, 3]), "->"), b = array_strcat(dynamic(["a", "b"]), ","), c = strcat_array(dynamic([{"x":1}, true]), "|")'))
      .toEqual({ a: '1->2->3', b: 'a,b', c: '{"x":1}|true' });
  });
});

describe('make-series and series_fit_line', () => {
  // The reference page's example: days 2017-01-01 to 2017-01-10 (exclusive), an empty day gets 0.
  const DATA = `let data = datatable(timestamp: datetime, metric: real) [
  datetime(2016-12-31T06:00), 50, datetime(2017-01-01), 4, datetime(2017-01-02), 3, datetime(2017-01-03), 4,
  datetime(2017-01-03T03:00), 6, datetime(2017-01-05), 8, datetime(2017-01-05T13:40), 13, datetime(2017-01-06), 4,
  datetime(2017-01-07), 3, datetime(2017-01-08), 8, datetime(2017-01-08T21:00), 8, datetime(2017-01-09), 2,
  datetime(2017-01-09T12:00), 11, datetime(2017-01-10T05:00), 5];`;

  test('one array per aggregate over the bins of [from, to), and the axis as the bins\' starts', () => {
    const [row] = rowsOf(`${DATA}\ndata | make-series avg(metric) on timestamp from datetime(2017-01-01) to datetime(2017-01-10) step 1d`);
    expect(row.avg_metric).toEqual([4, 3, 5, 0, 10.5, 4, 3, 8, 6.5]);
    expect(row.timestamp).toEqual(Array.from({ length: 9 }, (_, i) => `2017-01-0${i + 1}T00:00:00.0000000Z`));
  });

  test('a series per group, with the default for bins without rows', () => {
    expect(rowsOf(`datatable(T: datetime, U: string, V: long) [datetime(2024-01-01 01:00), "a", 5, datetime(2024-01-01 02:00), "a", 7, datetime(2024-01-03), "a", 1, datetime(2024-01-02), "b", 2, datetime(2024-01-05), "a", 100]
| make-series Total = sum(V) default = -1, count() on T from datetime(2024-01-01) to datetime(2024-01-04) step 1d by U
| project U, Total, count_`)).toEqual([
      { U: 'a', Total: [12, -1, 1], count_: [2, 0, 1] },
      { U: 'b', Total: [-1, 2, -1], count_: [0, 1, 0] },
    ]);
  });

  test('without from and to it is an error naming make-series, not a guess at the range', () => {
    expect(() => rowsOf('range x from 1 to 3 step 1 | make-series count() on x step 1')).toThrow(/make-series without `from start to end step size` is not supported/);
  });

  test('series_fit_line fits a line by least squares, its values assigned by extend (A, B, ...) =', () => {
    const [row] = rowsOf('print y = dynamic([2,5,6,8,11,15,17,18,25,26,30,30]) | extend (RSquare, Slope, Variance, RVariance, Interception, LineFit) = series_fit_line(y)');
    const rounded = (v: unknown): number => Math.round((v as number) * 1000) / 1000;
    expect([row.RSquare, row.Slope, row.Variance, row.RVariance, row.Interception].map(rounded)).toEqual([0.983, 2.731, 98.629, 1.686, 1.064]);
    expect((row.LineFit as number[]).map(rounded).slice(0, 3)).toEqual([1.064, 3.795, 6.526]);
  });

  test('values left unnamed get Kusto\'s names, and another tuple function is an error naming it', () => {
    expect(Object.keys(rowsOf('print y = dynamic([1,2,4]) | extend (R, S) = series_fit_line(y)')[0])).toEqual([
      'y', 'R', 'S', 'series_fit_line_y_variance', 'series_fit_line_y_rvariance', 'series_fit_line_y_interception', 'series_fit_line_y_line_fit',
    ]);
    expect(() => rowsOf('print y = dynamic([1,2]) | extend (a, b) = series_stats(y)')).toThrow(/series_stats' is not supported/);
  });
});

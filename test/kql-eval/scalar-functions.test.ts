/** Scalar functions: conversion, strings, conditionals, dynamic, time, IPv4. */
import { errorOf, rowsOf } from './run-kql';

function value(expression: string): unknown {
  return rowsOf(`print r = ${expression}`)[0].r;
}

describe('conversion', () => {
  // https://learn.microsoft.com/kusto/query/parse-json-function (text that is not JSON stays a string)
  test('parse_json parses JSON text and keeps other text as a string', () => {
    expect(value('parse_json(\'{"a": [1, 2.5, "x"], "b": {"c": true}}\')')).toEqual({ a: [1, 2.5, 'x'], b: { c: true } });
    expect(value('parse_json("not json")')).toBe('not json');
    expect(value('todynamic("[1,2]")')).toEqual([1, 2]);
    expect(value('tostring(parse_json(\'{"uti":"abc"}\').uti)')).toBe('abc');
  });

  test('parse_json of a dynamic value keeps it as it is, so a string in a dynamic column stays a string', () => {
    expect(rowsOf('datatable(d:dynamic) [dynamic("{\\"a\\":1}")] | extend p = parse_json(d), a = parse_json(d).a')[0])
      .toEqual({ d: '{"a":1}', p: '{"a":1}', a: null });
  });

  // https://learn.microsoft.com/kusto/query/parse-xml-function: each row of its conversion table
  test('parse_xml converts as the conversion table of its reference page says', () => {
    const table: [string, unknown][] = [
      ['<e/>', { e: null }],
      ['<e>text</e>', { e: 'text' }],
      ['<e name="value" />', { e: { '@name': 'value' } }],
      ['<e name="value">text</e>', { e: { '@name': 'value', '#text': 'text' } }],
      ['<e> <a>text</a> <b>text</b> </e>', { e: { a: 'text', b: 'text' } }],
      ['<e> <a>text</a> <a>text</a> </e>', { e: { a: ['text', 'text'] } }],
      ['<e> text <a>text</a> </e>', { e: { '#text': 'text', a: 'text' } }],
    ];
    for (const [xml, json] of table) expect(value(`parse_xml(${JSON.stringify(xml)})`)).toEqual(json);
  });

  test('parse_xml reads a Windows event as Sentinel rules do, and gives null for text that is not well-formed XML', () => {
    const event = `<?xml version="1.0"?><!-- from SecurityEvent --><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>
  <System><Provider Name='Microsoft-Windows-Security-Auditing'/><EventID>4688</EventID></System>
  <EventData><Data Name='SubjectUserName'>alice</Data><Data Name='CommandLine'>cmd /c "echo &lt;x&gt; &amp;&#x41;"</Data></EventData>
</Event>`;
    expect(rowsOf(`datatable(EventData: string) [${JSON.stringify(event)}]
| extend X = parse_xml(EventData)
| mv-expand D = X.Event.EventData.Data
| project Name = tostring(D["@Name"]), Text = tostring(D["#text"]), Id = toint(X.Event.System.EventID), Provider = tostring(X.Event.System.Provider["@Name"])`)).toEqual([
      { Name: 'SubjectUserName', Text: 'alice', Id: 4688, Provider: 'Microsoft-Windows-Security-Auditing' },
      { Name: 'CommandLine', Text: 'cmd /c "echo <x> &A"', Id: 4688, Provider: 'Microsoft-Windows-Security-Auditing' },
    ]);
    for (const bad of ['not xml', '<a><b></a>', '<a x="1" x="2"/>', '<a>&bogus;</a>', '<a>1</a><b/>', '']) expect(value(`parse_xml(${JSON.stringify(bad)})`)).toBeNull();
  });

  // https://learn.microsoft.com/kusto/query/base64-decode-toarray-function, base64-decode-tostring-function, base64-encode-tostring-function
  test('base64 functions decode and encode as their reference pages show, and invalid input gives null', () => {
    expect(rowsOf(`print a = base64_decode_toarray("S3VzdG8="), b = base64_decode_tostring("S3VzdG8="), c = base64_encode_tostring("Kusto"),
  d = base64_encode_fromarray(dynamic([75, 117, 115, 116, 111])), e = base64_decodestring("S3Vz dG8="), f = base64_encode_tostring("é✓")`)[0])
      .toEqual({ a: [75, 117, 115, 116, 111], b: 'Kusto', c: 'S3VzdG8=', d: 'S3VzdG8=', e: 'Kusto', f: 'w6ninJM=' });
    // Bytes that are not UTF-8 (the reference page's example), text that is not base64, and an array that is not bytes.
    expect(rowsOf(`print a = isempty(base64_decode_tostring("U3RyaW5n0KHR0tGA0L7Rh9C60LA=")), b = isnull(base64_decode_toarray("not base64!")),
  c = isempty(base64_decode_tostring("S3VzdG8")), d = isempty(base64_encode_fromarray(dynamic([256])))`)[0]).toEqual({ a: true, b: true, c: true, d: true });
  });

  // https://learn.microsoft.com/kusto/query/tostring-function
  test('tostring renders each type as Kusto does', () => {
    expect(rowsOf(`print a = tostring(123), b = tostring(1.5), c = tostring(true), d = tostring(datetime(2024-01-02 03:04:05)),
  e = tostring(1d), f = tostring(dynamic({"k":[1]})), g = tostring(dynamic(null)), h = tostring("s")`)[0]).toEqual({
      a: '123', b: '1.5', c: 'true', d: '2024-01-02T03:04:05.0000000Z', e: '1.00:00:00', f: '{"k":[1]}', g: '', h: 's',
    });
  });

  // https://learn.microsoft.com/kusto/query/toint-function, tolong-function, todouble-function, tobool-function
  test('toint, tolong, todouble and tobool convert text and numbers, null when they cannot', () => {
    expect(rowsOf(`print a = toint("123"), b = toint(2.9), c = toint("abc"), d = tolong("-7"), e = todouble("1.5"), f = toreal(5),
  g = tobool("true"), h = tobool(0), i = toint(4000000000)`)[0]).toEqual({ a: 123, b: 2, c: null, d: -7, e: 1.5, f: 5, g: true, h: false, i: null });
  });

  // https://learn.microsoft.com/kusto/query/todatetime-function, totimespan-function
  test('todatetime and totimespan read text forms', () => {
    expect(value('todatetime("2015-12-24")')).toBe('2015-12-24T00:00:00.0000000Z');
    expect(value('todatetime("not a date")')).toBeNull();
    expect(value('totimespan("0.00:01:00")')).toBe('00:01:00');
    expect(value('totimespan("1.02:03:04.5")')).toBe('1.02:03:04.5000000');
  });

  // https://learn.microsoft.com/kusto/query/coalesce-function
  test('coalesce returns the first non-null value', () => {
    expect(value('coalesce(tolong("not a number"), tolong("42"), 33)')).toBe(42);
    expect(value('coalesce("", "x")')).toBe('x');
  });
});

describe('strings', () => {
  test('tolower, toupper, strlen, strcat, strcat_delim', () => {
    expect(rowsOf(`print a = tolower("ABc"), b = toupper("abC"), c = strlen("hello"), d = strcat("a", 1, "b", true), e = strcat_delim("-", "x", "y", 3)`)[0])
      .toEqual({ a: 'abc', b: 'ABC', c: 5, d: 'a1btrue', e: 'x-y-3' });
  });

  // https://learn.microsoft.com/kusto/query/substring-function
  test('substring from a start, with a length, and from the end', () => {
    expect(rowsOf('print a = substring("123456", 1), b = substring("123456", 2, 2), c = substring("ABCD", 0, 2), d = substring("123456", -2, 2)')[0])
      .toEqual({ a: '23456', b: '34', c: 'AB', d: '56' });
  });

  // https://learn.microsoft.com/kusto/query/split-function
  test('split into an array, or the one requested element', () => {
    expect(rowsOf(`print
    split("aa_bb", "_"),
    split("aaa_bbb_ccc", "_", 1),
    split("", "_"),
    split("a__b", "_"),
    split("aabbcc", "bb")`)[0]).toEqual({ print_0: ['aa', 'bb'], print_1: ['bbb'], print_2: [''], print_3: ['a', '', 'b'], print_4: ['aa', 'cc'] });
  });

  // https://learn.microsoft.com/kusto/query/trim-function
  test('trim removes a substring or a regex match from both ends', () => {
    expect(rowsOf(`let string_to_trim = @"--https://bing.com--";
let substring = "--";
print string_to_trim = string_to_trim, trimmed_string = trim(substring,string_to_trim)`)[0]).toEqual({ string_to_trim: '--https://bing.com--', trimmed_string: 'https://bing.com' });
    expect(rowsOf(`range x from 1 to 2 step 1
| project str = strcat("-  ","Te st",x,@"// $")
| extend trimmed_str = trim(@"[^\\w]+",str)`)).toEqual([{ str: '-  Te st1// $', trimmed_str: 'Te st1' }, { str: '-  Te st2// $', trimmed_str: 'Te st2' }]);
    expect(value('trim(@"\\s+", "    Hello, world!    ")')).toBe('Hello, world!');
  });

  // https://learn.microsoft.com/kusto/query/replace-string-function (the page renders tostring(x) as "1.000000"; a long prints as "1")
  test('replace_string replaces every occurrence', () => {
    expect(rowsOf(`range x from 1 to 2 step 1
| extend str=strcat('Number is ', tostring(x))
| extend replaced=replace_string(str, 'is', 'was')`)).toEqual([
      { x: 1, str: 'Number is 1', replaced: 'Number was 1' }, { x: 2, str: 'Number is 2', replaced: 'Number was 2' },
    ]);
  });

  // https://learn.microsoft.com/kusto/query/extract-function
  test('extract a capture group, optionally typed', () => {
    expect(rowsOf(`let Dates = datatable(DateString: string)
[
    "15-12-2024",
    "21-07-2023",
    "10-03-2022"
];
Dates
| extend Month = extract(@"-(\\d{2})-", 1, DateString, typeof(int))
| project DateString, Month`)).toEqual([
      { DateString: '15-12-2024', Month: 12 }, { DateString: '21-07-2023', Month: 7 }, { DateString: '10-03-2022', Month: 3 },
    ]);
    expect(rowsOf(`let Text = "User: JohnDoe, Email: johndoe@example.com, Age: 29";
print UserName = extract("User: ([^,]+)", 1, Text)`)).toEqual([{ UserName: 'JohnDoe' }]);
    expect(value('extract("z(\\\\d)", 1, "abc")')).toBe('');
  });

  // https://learn.microsoft.com/kusto/query/extract-all-function
  test('extract_all returns every match, per group, or null', () => {
    const id = 'print Id="82b8be2d-dfa7-4bd1-8f63-24ad26d31449"';
    expect(rowsOf(`${id} | extend guid_bytes = extract_all(@"([\\da-f]{2})", Id)`)[0].guid_bytes)
      .toEqual(['82', 'b8', 'be', '2d', 'df', 'a7', '4b', 'd1', '8f', '63', '24', 'ad', '26', 'd3', '14', '49']);
    expect(rowsOf(`${id} | extend guid_bytes = extract_all(@"(\\w)(\\w+)(\\w)", Id)`)[0].guid_bytes)
      .toEqual([['8', '2b8be2', 'd'], ['d', 'fa', '7'], ['4', 'bd', '1'], ['8', 'f6', '3'], ['2', '4ad26d3144', '9']]);
    expect(rowsOf(`${id} | extend guid_bytes = extract_all(@"(\\w)(\\w+)(\\w)", dynamic([1,3]), Id)`)[0].guid_bytes)
      .toEqual([['8', 'd'], ['d', '7'], ['4', '1'], ['8', '3'], ['2', '9']]);
    expect(rowsOf(`${id} | extend guid_bytes = extract_all(@"(?P<first>\\w)(?P<middle>\\w+)(?P<last>\\w)", dynamic(['first',2,'last']), Id)`)[0].guid_bytes)
      .toEqual([['8', '2b8be2', 'd'], ['d', 'fa', '7'], ['4', 'bd', '1'], ['8', 'f6', '3'], ['2', '4ad26d3144', '9']]);
    expect(value('extract_all(@"(\\d+)", "none")')).toBeNull();
  });
});

describe('conditionals and emptiness', () => {
  // https://learn.microsoft.com/kusto/query/iff-function, case-function
  test('iff and case pick a branch', () => {
    expect(rowsOf(`datatable(n:long) [1, 5, 12]
| extend size = case(n < 3, "small", n < 10, "medium", "large"), parity = iff(n % 2 == 0, "even", "odd"), alias = iif(n > 2, n, -1)`)).toEqual([
      { n: 1, size: 'small', parity: 'odd', alias: -1 },
      { n: 5, size: 'medium', parity: 'odd', alias: 5 },
      { n: 12, size: 'large', parity: 'even', alias: 12 },
    ]);
  });

  test('a null condition takes the else branch', () => {
    expect(value('iff(int(null) > 1, "yes", "no")')).toBe('no');
  });

  // https://learn.microsoft.com/kusto/query/isempty-function
  test('isempty is true for empty strings and nulls, not for empty arrays or bags', () => {
    expect(rowsOf(`print a = isempty(""), b = isempty("x"), c = isempty(parse_json("")), d = isempty(parse_json("[]")), e = isempty(parse_json("{}")),
  f = isnotempty("x"), g = isnull(int(null)), h = isnotnull(1), i = isnull("")`)[0])
      .toEqual({ a: true, b: false, c: true, d: false, e: false, f: true, g: true, h: true, i: false });
  });
});

describe('dynamic', () => {
  // https://learn.microsoft.com/kusto/query/set-has-element-function
  test('set_has_element finds a value in an array', () => {
    expect(rowsOf('print arr=dynamic(["this", "is", "an", "example"]) | project Result=set_has_element(arr, "example")')).toEqual([{ Result: true }]);
  });

  // https://learn.microsoft.com/kusto/query/array-length-function, bag-keys-function, pack-array-function, pack-function
  test('array_length, bag_keys, pack_array and bag_pack', () => {
    expect(rowsOf(`print a = array_length(dynamic([1, 2, 3, "four"])), b = array_length(parse_json('{"a":1}')), c = bag_keys(dynamic({"a":1, "b":{"c":2}})),
  d = pack_array(1, "x", datetime(2024-01-01)), e = bag_pack("k", 1, "when", datetime(2024-01-01)), f = pack("x", dynamic([1]))`)[0]).toEqual({
      a: 4, b: null, c: ['a', 'b'], d: [1, 'x', '2024-01-01T00:00:00.0000000Z'], e: { k: 1, when: '2024-01-01T00:00:00.0000000Z' }, f: { x: [1] },
    });
  });

  test('property and index access, including bracketed names and negative indexes', () => {
    expect(rowsOf(`print d = dynamic({"http://schemas/claims/name": "u", "a": {"b": [10, 20, 30]}})
| project x = d.["http://schemas/claims/name"], y = d.a.b[-1], z = d["a"]["b"][0], w = d.nope.deeper, v = d.a.b[5]`)[0])
      .toEqual({ x: 'u', y: 30, z: 10, w: null, v: null });
  });

  // https://learn.microsoft.com/kusto/query/column-ifexists-function
  test('column_ifexists returns the column, or the default when it is missing', () => {
    expect(rowsOf(`datatable(State:string, Region:string) ["FLORIDA", "south"] | project a = column_ifexists("Capital", State), b = column_ifexists("Region", "none")`))
      .toEqual([{ a: 'FLORIDA', b: 'south' }]);
  });

  test('comparing a dynamic property with a typed value converts the property', () => {
    expect(rowsOf(`datatable(d:dynamic) [dynamic({"n": 5, "s": "x", "t": "2024-01-01T00:00:00Z"})]
| extend a = d.n > 3, b = d.s == "x", c = todatetime(d.t) > datetime(2023-12-31), e = d.nope == "x", f = d.nope != "x"`)[0])
      .toMatchObject({ a: true, b: true, c: true, e: false, f: true });
  });
});

describe('time', () => {
  // https://learn.microsoft.com/kusto/query/ago-function, now-function (the clock is the caller's options.now)
  test('ago and now read the fixed clock', () => {
    expect(rowsOf('print a = ago(1h), b = now(), c = now(-2d), d = ago(1d) < now()')[0])
      .toEqual({ a: '2024-08-02T09:00:00.0000000Z', b: '2024-08-02T10:00:00.0000000Z', c: '2024-07-31T10:00:00.0000000Z', d: true });
  });

  // https://learn.microsoft.com/kusto/query/bin-function
  test('bin rounds numbers, timespans and datetimes down', () => {
    expect(rowsOf('print a = bin(4.5, 1), b = bin(time(16d), 7d), c = bin(datetime(1970-05-11 13:45:07), 1d), d = floor(17, 5)')[0])
      .toEqual({ a: 4, b: '14.00:00:00', c: '1970-05-11T00:00:00.0000000Z', d: 15 });
  });

  test('bin by 7d starts weeks on Monday, as Kusto bins from 0001-01-01', () => {
    expect(value('bin(datetime(2024-08-02 10:00), 7d)')).toBe('2024-07-29T00:00:00.0000000Z');
  });

  // https://learn.microsoft.com/kusto/query/startofday-function
  test('startofday with an offset in days', () => {
    expect(rowsOf('print a = startofday(datetime(2017-01-01 10:10:17)), b = startofday(datetime(2017-01-01 10:10:17), -1), c = startofday(datetime(2017-01-01 10:10:17), 1)')[0])
      .toEqual({ a: '2017-01-01T00:00:00.0000000Z', b: '2016-12-31T00:00:00.0000000Z', c: '2017-01-02T00:00:00.0000000Z' });
  });

  // https://learn.microsoft.com/kusto/query/datetime-add-function (period)
  test('datetime_add adds calendar and fixed periods', () => {
    expect(rowsOf(`print  year = datetime_add('year',1,make_datetime(2017,1,1)),
quarter = datetime_add('quarter',1,make_datetime(2017,1,1)),
month = datetime_add('month',1,make_datetime(2017,1,1)),
week = datetime_add('week',1,make_datetime(2017,1,1)),
day = datetime_add('day',1,make_datetime(2017,1,1)),
hour = datetime_add('hour',1,make_datetime(2017,1,1)),
minute = datetime_add('minute',1,make_datetime(2017,1,1)),
second = datetime_add('second',1,make_datetime(2017,1,1))`)[0]).toEqual({
      year: '2018-01-01T00:00:00.0000000Z', quarter: '2017-04-01T00:00:00.0000000Z', month: '2017-02-01T00:00:00.0000000Z', week: '2017-01-08T00:00:00.0000000Z',
      day: '2017-01-02T00:00:00.0000000Z', hour: '2017-01-01T01:00:00.0000000Z', minute: '2017-01-01T00:01:00.0000000Z', second: '2017-01-01T00:00:01.0000000Z',
    });
  });

  // https://learn.microsoft.com/kusto/query/datetime-add-function (amount)
  test('datetime_add with negative and large amounts', () => {
    expect(rowsOf(`print  year = datetime_add('year',-5,make_datetime(2017,1,1)),
quarter = datetime_add('quarter',12,make_datetime(2017,1,1)),
month = datetime_add('month',-15,make_datetime(2017,1,1)),
week = datetime_add('week',100,make_datetime(2017,1,1))`)[0]).toEqual({
      year: '2012-01-01T00:00:00.0000000Z', quarter: '2020-01-01T00:00:00.0000000Z', month: '2015-10-01T00:00:00.0000000Z', week: '2018-12-02T00:00:00.0000000Z',
    });
  });

  // https://learn.microsoft.com/kusto/query/datetime-diff-function (nanosecond left out: datetimes are held to the microsecond)
  test('datetime_diff counts period boundaries', () => {
    expect(rowsOf(`print
year = datetime_diff('year',datetime(2017-01-01),datetime(2000-12-31)),
quarter = datetime_diff('quarter',datetime(2017-07-01),datetime(2017-03-30)),
month = datetime_diff('month',datetime(2017-01-01),datetime(2015-12-30)),
week = datetime_diff('week',datetime(2017-10-29 00:00),datetime(2017-09-30 23:59)),
day = datetime_diff('day',datetime(2017-10-29 00:00),datetime(2017-09-30 23:59)),
hour = datetime_diff('hour',datetime(2017-10-31 01:00),datetime(2017-10-30 23:59)),
minute = datetime_diff('minute',datetime(2017-10-30 23:05:01),datetime(2017-10-30 23:00:59)),
second = datetime_diff('second',datetime(2017-10-30 23:00:10.100),datetime(2017-10-30 23:00:00.900)),
millisecond = datetime_diff('millisecond',datetime(2017-10-30 23:00:00.200100),datetime(2017-10-30 23:00:00.100900)),
microsecond = datetime_diff('microsecond',datetime(2017-10-30 23:00:00.1009001),datetime(2017-10-30 23:00:00.1008009))`)[0]).toEqual({
      year: 17, quarter: 2, month: 13, week: 5, day: 29, hour: 2, minute: 5, second: 10, millisecond: 100, microsecond: 100,
    });
  });

  // https://learn.microsoft.com/kusto/query/format-datetime-function
  test('format_datetime with the documented specifiers', () => {
    expect(rowsOf(`let dt = datetime(2017-01-29 09:00:05);
print v1=format_datetime(dt,'yy-MM-dd [HH:mm:ss]'), v2=format_datetime(dt, 'yyyy-M-dd [H:mm:ss]'), v3=format_datetime(dt, 'yy-MM-dd [hh:mm:ss tt]')`)[0])
      .toEqual({ v1: '17-01-29 [09:00:05]', v2: '2017-1-29 [9:00:05]', v3: '17-01-29 [09:00:05 AM]' });
  });

  test('datetime arithmetic: datetime - datetime is a timespan, datetime + timespan a datetime, timespan / timespan a real', () => {
    expect(rowsOf(`print a = datetime(2024-01-02) - datetime(2024-01-01 12:00), b = datetime(2024-01-01) + 90m, c = 1d / 1h, d = 2h * 3, e = 7 / 2, f = 7.0 / 2, g = -7 % 3, h = 1 / 0`)[0])
      .toEqual({ a: '12:00:00', b: '2024-01-01T01:30:00.0000000Z', c: 24, d: '06:00:00', e: 3, f: 3.5, g: -1, h: null });
  });

  test('a datetime literal may hold its value in quotes, as an Azure-Sentinel hunting query writes it', () => {
    expect(rowsOf(`print a = datetime('2019-02-05T10:02:51.000'), b = datetime("2019-02-05"), c = datetime(2019-02-05)`)[0])
      .toEqual({ a: '2019-02-05T10:02:51.0000000Z', b: '2019-02-05T00:00:00.0000000Z', c: '2019-02-05T00:00:00.0000000Z' });
  });

  test('timespan literals in every unit', () => {
    expect(rowsOf('print a = 1d, b = 14d, c = 5m, d = 1h, e = 30s, f = 100ms, g = 1.5h, h = time(1.02:03:04)')[0])
      .toEqual({ a: '1.00:00:00', b: '14.00:00:00', c: '00:05:00', d: '01:00:00', e: '00:00:30', f: '00:00:00.1000000', g: '01:30:00', h: '1.02:03:04' });
  });
});

describe('IPv4', () => {
  // https://learn.microsoft.com/kusto/query/ipv4-is-in-range-function
  test('ipv4_is_in_range compares an address with an address or a prefix', () => {
    expect(rowsOf(`datatable(ip_address:string, ip_range:string)
[
 '192.168.1.1',    '192.168.1.1',
 '192.168.1.1',    '192.168.1.255/24',
]
| extend result = ipv4_is_in_range(ip_address, ip_range)`).map((r) => r.result)).toEqual([true, true]);
    expect(rowsOf("print a = ipv4_is_in_range('10.1.2.3', '10.0.0.0/8'), b = ipv4_is_in_range('11.1.2.3', '10.0.0.0/8'), c = ipv4_is_in_range('bad', '10.0.0.0/8')")[0])
      .toEqual({ a: true, b: false, c: null });
  });

  // https://learn.microsoft.com/kusto/query/ipv4-is-private-function
  test('ipv4_is_private recognises the RFC 1918 ranges', () => {
    expect(rowsOf(`datatable(ip_string:string)
[
 '10.1.2.3',
 '192.168.1.1/24',
 '127.0.0.1',
]
| extend result = ipv4_is_private(ip_string)`).map((r) => r.result)).toEqual([true, true, false]);
    expect(value("ipv4_is_private('202.1.2.3')")).toBe(false);
  });
});

describe('unsupported functions', () => {
  test('a function outside the supported set is named with its position', () => {
    expect(errorOf('print x = 1\n| extend y = hash_sha256("a")')).toMatchObject({ line: 2, column: 14, construct: 'hash_sha256' });
  });

  test('an aggregate used outside summarize is reported', () => {
    expect(errorOf('print x = 1\n| extend y = dcount(x)').line).toBe(2);
  });
});

/** String functions: tolower, toupper, strcat, strcat_delim, strlen, substring, split, trim (and trim_start, trim_end), replace_string, replace_regex (and replace), extract, extract_all. */
import { convertValue, toStringValue } from '../values/convert';
import { DynamicValue } from '../values/types';
import { constantArgument, expectArity, FunctionImpl, pure } from './function-library';
import { Compiled, derived } from './compiled';
import { compileRegex } from './string-operators';

/** Each argument as text, by its own type (strcat and friends accept any scalar). */
export function textArguments(args: readonly Compiled[]): ((row: unknown[]) => string)[] {
  return args.map((arg) => {
    const fn = arg.fn;
    const type = arg.type;
    return type === 'string' ? (fn as (row: unknown[]) => string) : (row: unknown[]) => toStringValue(fn(row), type);
  });
}

const strcat: FunctionImpl = (call) => {
  const parts = textArguments(call.args);
  if (parts.length === 2) { const [a, b] = parts; return derived((row) => a(row) + b(row), 'string', call.args); }
  return derived((row) => { let out = ''; for (const part of parts) out += part(row); return out; }, 'string', call.args);
};

const strcatDelim: FunctionImpl = (call) => {
  const [delimiter, ...parts] = textArguments(call.args);
  return derived((row) => parts.map((part) => part(row)).join(delimiter(row)), 'string', call.args);
};

const substring: FunctionImpl = (call) => {
  expectArity(call, 2, 3);
  const text = textArguments([call.args[0]])[0];
  const start = call.args[1].fn;
  const length = call.args[2]?.fn;
  return derived((row) => {
    const source = text(row);
    const startValue = start(row);
    if (startValue === null) return '';
    let from = startValue as number;
    if (from < 0) from = Math.max(source.length + from, 0);
    if (length === undefined) return source.slice(from);
    const count = length(row);
    if (count === null) return source.slice(from);
    return (count as number) <= 0 ? '' : source.slice(from, from + (count as number));
  }, 'string', call.args);
};

const split: FunctionImpl = (call) => {
  expectArity(call, 2, 3);
  const [text, delimiter] = textArguments(call.args.slice(0, 2));
  const index = call.args[2]?.fn;
  return derived((row) => {
    const parts = text(row).split(delimiter(row));
    if (index === undefined) return parts;
    const at = index(row);
    if (typeof at !== 'number') return null;
    const part = parts[at < 0 ? parts.length + at : at];
    return part === undefined ? [] : [part];
  }, 'dynamic', call.args);
};

/** trim(regex, text), trim_start, trim_end: remove the regex's matches at both ends, the start or the end. */
function trimmer(ends: 'both' | 'start' | 'end'): FunctionImpl {
  return (call) => {
    expectArity(call, 2);
    const pattern = String(constantArgument(call, 0, 'regular expression'));
    const source = compileRegex(pattern, call.argNodes[0], call.env.ctx).source;
    const sides = { both: `^(?:${source})+|(?:${source})+$`, start: `^(?:${source})+`, end: `(?:${source})+$` }[ends];
    const regex = compileRegex(sides, call.argNodes[0], call.env.ctx, 'g');
    const text = textArguments([call.args[1]])[0];
    return derived((row) => text(row).replace(regex, ''), 'string', call.args);
  };
}

const replaceString: FunctionImpl = (call) => {
  expectArity(call, 3);
  const [text, lookup, rewrite] = textArguments(call.args);
  return derived((row) => {
    const find = lookup(row);
    return find === '' ? text(row) : text(row).split(find).join(rewrite(row));
  }, 'string', call.args);
};

/**
 * replace_regex(text, regex, rewrite), and the older replace(regex, rewrite, text): every match
 * replaced by the rewrite, in which \\1 to \\9 stand for the capture groups.
 */
function replaceRegex(textIndex: number, regexIndex: number, rewriteIndex: number): FunctionImpl {
  return (call) => {
    expectArity(call, 3);
    const regex = compileRegex(String(constantArgument(call, regexIndex, 'regular expression')), call.argNodes[regexIndex], call.env.ctx, 'g');
    const [text, rewrite] = textArguments([call.args[textIndex], call.args[rewriteIndex]]);
    return derived((row) => text(row).replace(regex, rewrite(row).replace(/\$/g, '$$$$').replace(/\\([0-9])/g, '$$$1')), 'string', call.args);
  };
}

/** extract(regex, group, text [, typeof(T)]): the group's text (converted to T), "" or null when nothing matches. */
const extract: FunctionImpl = (call) => {
  expectArity(call, 3, 4);
  const regex = compileRegex(String(constantArgument(call, 0, 'regular expression')), call.argNodes[0], call.env.ctx);
  const group = call.args[1].fn;
  const text = textArguments([call.args[2]])[0];
  const target = call.resultType;
  const empty = target === 'string' ? '' : null;
  return derived((row) => {
    const match = regex.exec(text(row));
    const index = group(row);
    if (!match || typeof index !== 'number') return empty;
    const value = match[index];
    if (value === undefined) return empty;
    return target === 'string' ? value : convertValue(value, 'string', target);
  }, target, call.args);
};

/** extract_all(regex, [groups,] text): every match's groups; null when nothing matches. */
const extractAll: FunctionImpl = (call) => {
  expectArity(call, 2, 3);
  const pattern = String(constantArgument(call, 0, 'regular expression'));
  const regex = compileRegex(pattern, call.argNodes[0], call.env.ctx, 'g');
  const groupCount = new RegExp(`${regex.source}|`).exec('')!.length - 1;
  const selection = call.args.length === 3 ? (constantArgument(call, 1, 'capture group list') as DynamicValue[]) : null;
  const groups: (number | string)[] = (selection as (number | string)[] | null) ?? Array.from({ length: Math.max(groupCount, 1) }, (_, i) => (groupCount === 0 ? 0 : i + 1));
  const text = textArguments([call.args[call.args.length - 1]])[0];
  return derived((row) => {
    const out: DynamicValue[] = [];
    for (const match of text(row).matchAll(regex)) {
      const values = groups.map((g) => (typeof g === 'number' ? match[g] : match.groups?.[g]) ?? '');
      out.push(values.length === 1 ? values[0] : values);
    }
    return out.length === 0 ? null : out;
  }, 'dynamic', call.args);
};

export const STRING_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  tolower: (call) => pure(call, (v) => toStringValue(v, call.args[0].type).toLowerCase(), 'string'),
  toupper: (call) => pure(call, (v) => toStringValue(v, call.args[0].type).toUpperCase(), 'string'),
  strlen: (call) => pure(call, (v) => toStringValue(v, call.args[0].type).length, 'long'),
  strcat,
  strcat_delim: strcatDelim,
  substring,
  split,
  trim: trimmer('both'),
  trim_start: trimmer('start'),
  trim_end: trimmer('end'),
  replace_string: replaceString,
  replace_regex: replaceRegex(0, 1, 2),
  replace: replaceRegex(2, 0, 1),
  extract,
  extract_all: extractAll,
};

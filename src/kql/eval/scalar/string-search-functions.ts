/** Searching in text: indexof and countof. */
import { constantArgument, expectArity, FunctionImpl } from './function-library';
import { derived } from './compiled';
import { compileRegex } from './string-operators';
import { textArguments } from './string-functions';

/**
 * indexof(source, lookup [, start]): the 0-based index of the first match at or after `start` (from
 * the end when negative), or -1. The forms with a length and an occurrence are not supported: the
 * reference page's examples of them do not follow one reading of the parameters.
 */
const indexOf: FunctionImpl = (call) => {
  expectArity(call, 2, 3);
  const [source, lookup] = textArguments(call.args.slice(0, 2));
  const start = call.args[2]?.fn;
  return derived((row) => {
    const text = source(row);
    const from = start === undefined ? 0 : (start(row) as number | null);
    if (from === null) return null;
    const at = from < 0 ? Math.max(0, text.length + from) : from;
    return at > text.length ? -1 : text.indexOf(lookup(row), at);
  }, call.resultType, call.args);
};

/** countof(source, search [, kind]): plain matches may overlap, regex matches do not (as documented). */
const countOf: FunctionImpl = (call) => {
  expectArity(call, 2, 3);
  const kind = call.args.length > 2 ? String(constantArgument(call, 2, 'kind')).toLowerCase() : 'normal';
  if (kind !== 'normal' && kind !== 'regex') call.env.ctx.fail(call.argNodes[2], call.name, `countof(): kind must be "normal" or "regex", not "${kind}"`);
  const [source, search] = textArguments(call.args.slice(0, 2));
  if (kind === 'regex') {
    const regex = compileRegex(String(constantArgument(call, 1, 'regular expression')), call.argNodes[1], call.env.ctx, 'g');
    return derived((row) => [...source(row).matchAll(regex)].length, call.resultType, call.args);
  }
  return derived((row) => {
    const text = source(row);
    const needle = search(row);
    if (needle === '') return 0;
    let count = 0;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) count++;
    return count;
  }, call.resultType, call.args);
};

export const STRING_SEARCH_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = { indexof: indexOf, countof: countOf };

/** extractjson (and strcat_array, which joins an array's elements as text). */
import { toStringValue, convertValue } from '../values/convert';
import { elementAt, parseJsonText, propertyOf } from '../values/dynamic';
import { asScalarType, DynamicValue } from '../values/types';
import { constantArgument, expectArity, FunctionImpl, pure } from './function-library';

type Step = string | number;

/**
 * A JSONPath of the forms Sentinel rules use: `$`, then `.name`, `['name']` / `["name"]` and `[index]`
 * steps. Wildcards, slices, filters and recursive descent are not supported (undefined).
 */
export function parseJsonPath(path: string): Step[] | undefined {
  const steps: Step[] = [];
  const step = /\.([A-Za-z_$@][\w$@-]*)|\[\s*(\d+)\s*\]|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]/y;
  if (!path.startsWith('$')) return undefined;
  step.lastIndex = 1;
  while (step.lastIndex < path.length) {
    const at = step.lastIndex;
    const match = step.exec(path);
    if (!match || match.index !== at) return undefined;
    steps.push(match[2] !== undefined ? Number(match[2]) : (match[1] ?? match[3] ?? match[4]));
  }
  return steps;
}

/** The value at the path's steps, null where one leads nowhere (as `d.name` and `d[i]` read). */
function follow(value: DynamicValue, steps: readonly Step[]): DynamicValue {
  let current = value;
  for (const step of steps) current = typeof step === 'number' ? elementAt(current, step) : propertyOf(current, step);
  return current;
}

/**
 * extractjson(jsonPath, json [, typeof(T)]): the element at the path, as text (an object or array
 * as its JSON text), or converted to T; null (empty text) when the text is not JSON or the path
 * leads nowhere.
 */
const extractJson: FunctionImpl = (call) => {
  expectArity(call, 2, 3);
  const path = String(constantArgument(call, 0, 'JSONPath'));
  const steps = parseJsonPath(path);
  if (!steps) return call.env.ctx.fail(call.argNodes[0], call.name, `extractjson(): the JSONPath "${path}" is not supported (use $, .name, ['name'] and [index] steps)`);
  const target = asScalarType(call.resultType) ?? 'string';
  const sourceType = call.args[1].type;
  return pure(call, (_path: unknown, source: unknown) => {
    const json = sourceType === 'dynamic' ? (source as DynamicValue) : typeof source === 'string' ? parseJsonText(source) : null;
    if (sourceType !== 'dynamic' && typeof json === 'string') return null; // text that is not JSON
    const found = follow(json, steps);
    if (found === null) return null;
    return convertValue(typeof found === 'object' ? JSON.stringify(found) : found, typeof found === 'object' ? 'string' : 'dynamic', target);
  });
};

/** strcat_array(array, delimiter): the elements as text, joined. */
const strcatArray: FunctionImpl = (call) => {
  expectArity(call, 2);
  return pure(call, (array: unknown, delimiter: unknown) => {
    if (!Array.isArray(array)) return '';
    return array.map((element) => (typeof element === 'string' ? element : toStringValue(element, 'dynamic'))).join(String(delimiter ?? ''));
  }, 'string');
};

export const JSON_PATH_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  extractjson: extractJson,
  extract_json: extractJson,
  strcat_array: strcatArray,
  array_strcat: strcatArray,
};

/** Dynamic functions: array_length, set_has_element, bag_keys, pack/bag_pack, pack_array, column_ifexists. */
import { convertValue, toStringValue } from '../values/convert';
import { dynamicKey, isBag, toDynamicValue } from '../values/dynamic';
import { DynamicValue } from '../values/types';
import { derived } from './compiled';
import { constantArgument, expectArity, FunctionImpl, pure } from './function-library';

const pack: FunctionImpl = (call) => {
  if (call.args.length % 2 !== 0) call.env.ctx.fail(call.node, call.name, `${call.name}() takes key/value pairs`);
  const keys = call.args.filter((_, i) => i % 2 === 0);
  const values = call.args.filter((_, i) => i % 2 === 1);
  return derived((row) => {
    const bag: Record<string, DynamicValue> = {};
    for (let i = 0; i < keys.length; i++) {
      bag[toStringValue(keys[i].fn(row), keys[i].type)] = toDynamicValue(values[i].fn(row), values[i].type);
    }
    return bag;
  }, 'dynamic', call.args);
};

const packArray: FunctionImpl = (call) =>
  derived((row) => call.args.map((arg) => toDynamicValue(arg.fn(row), arg.type)), 'dynamic', call.args);

const setHasElement: FunctionImpl = (call) => {
  expectArity(call, 2);
  const valueType = call.args[1].type;
  return pure(call, (set, value) => {
    if (!Array.isArray(set)) return null;
    const key = dynamicKey(toDynamicValue(value, valueType));
    return set.some((element) => dynamicKey(element) === key);
  }, 'bool');
};

/** column_ifexists(name, default): the column when the input has it, else the default. */
const columnIfExists: FunctionImpl = (call) => {
  expectArity(call, 2);
  const name = String(constantArgument(call, 0, 'column name'));
  const index = call.env.schema.indexOf(name);
  if (index < 0) return call.args[1];
  const column = call.env.schema.columns[index];
  if (column.type === call.resultType) return { fn: (row) => row[index], type: column.type, constant: false };
  const target = call.resultType;
  return { fn: (row) => convertValue(row[index], column.type, target), type: target, constant: false };
};

const arrayLength: FunctionImpl = (call) => {
  expectArity(call, 1);
  return pure(call, (v) => (Array.isArray(v) ? v.length : null), 'long');
};

export const DYNAMIC_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  array_length: arrayLength,
  arraylength: arrayLength, // the deprecated spelling
  set_has_element: setHasElement,
  bag_keys: (call) => { expectArity(call, 1); return pure(call, (v) => (isBag(v) ? Object.keys(v) : null), 'dynamic'); },
  pack,
  bag_pack: pack,
  pack_array: packArray,
  column_ifexists: columnIfExists,
  columnifexists: columnIfExists, // the deprecated spelling
};



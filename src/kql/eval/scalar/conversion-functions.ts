/** Conversion functions: tostring, toint, tolong, todouble/toreal, tobool, todatetime, totimespan, toguid, parse_json/todynamic, parse_xml. */
import { convertValue } from '../values/convert';
import { parseJsonText, toDynamicValue } from '../values/dynamic';
import { ScalarType } from '../values/types';
import { xmlToDynamic } from '../values/xml-to-dynamic';
import { expectArity, FunctionImpl, pure } from './function-library';

function converter(target: ScalarType): FunctionImpl {
  return (call) => {
    expectArity(call, 1);
    const source = call.args[0].type;
    return pure(call, (value) => convertValue(value, source, target), target);
  };
}

/** parse_json(): text is parsed (text that is not JSON stays a string); a dynamic value is used as is. */
const parseJson: FunctionImpl = (call) => {
  expectArity(call, 1);
  const source = call.args[0].type;
  if (source === 'dynamic') return pure(call, (value) => value, 'dynamic');
  if (source === 'string') return pure(call, (value) => parseJsonText(value as string), 'dynamic');
  return pure(call, (value) => toDynamicValue(value, source), 'dynamic');
};

/** parse_xml(): XML text to a dynamic value (see xml-to-dynamic.ts); null for anything that is not XML text. */
const parseXml: FunctionImpl = (call) => {
  expectArity(call, 1);
  const source = call.args[0].type;
  return pure(call, (value) => (typeof value === 'string' && (source === 'string' || source === 'dynamic') ? xmlToDynamic(value) : null), 'dynamic');
};

export const CONVERSION_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  tostring: converter('string'),
  toint: converter('int'),
  tolong: converter('long'),
  todouble: converter('real'),
  toreal: converter('real'),
  todecimal: converter('decimal'),
  tobool: converter('bool'),
  toboolean: converter('bool'),
  todatetime: converter('datetime'),
  totimespan: converter('timespan'),
  toguid: converter('guid'),
  parse_json: parseJson,
  parsejson: parseJson,
  todynamic: parseJson,
  toobject: parseJson,
  parse_xml: parseXml,
};

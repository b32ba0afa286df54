/**
 * Compiles a scalar function call: a let-declared function (its expanded body, with parameters bound
 * to the compiled arguments), or a built-in from the function library. Anything else, including an
 * aggregate outside summarize, is an error naming the function.
 */
import { elementsOf, KNode, scalarTypeName } from '../syntax';
import { asScalarType } from '../values/types';
import { Compiled, CompileEnv, ScalarCompiler } from './compiled';
import { ARRAY_FUNCTIONS } from './array-functions';
import { BASE64_FUNCTIONS } from './base64-functions';
import { CONVERSION_FUNCTIONS } from './conversion-functions';
import { DATETIME_FUNCTIONS } from './datetime-functions';
import { DATETIME_PART_FUNCTIONS } from './datetime-parts';
import { DYNAMIC_FUNCTIONS } from './dynamic-functions';
import { FunctionImpl } from './function-library';
import { IP_FUNCTIONS } from './ip-functions';
import { JSON_PATH_FUNCTIONS } from './json-path-functions';
import { LOGIC_FUNCTIONS } from './logic-functions';
import { MATH_FUNCTIONS } from './math-functions';
import { STRING_FUNCTIONS } from './string-functions';
import { STRING_SEARCH_FUNCTIONS } from './string-search-functions';
import { expandFunctionCall } from './user-functions';
import { bindLetStatements } from '../statements';

const SCALAR_FUNCTIONS: ReadonlyMap<string, FunctionImpl> = new Map(Object.entries({
  ...CONVERSION_FUNCTIONS, ...STRING_FUNCTIONS, ...LOGIC_FUNCTIONS, ...DYNAMIC_FUNCTIONS, ...DATETIME_FUNCTIONS, ...IP_FUNCTIONS, ...BASE64_FUNCTIONS, ...MATH_FUNCTIONS, ...STRING_SEARCH_FUNCTIONS, ...ARRAY_FUNCTIONS, ...DATETIME_PART_FUNCTIONS, ...JSON_PATH_FUNCTIONS,
}));

export function isScalarFunction(name: string): boolean {
  return SCALAR_FUNCTIONS.has(name);
}

export function compileCall(node: KNode, env: CompileEnv, compile: ScalarCompiler): Compiled {
  const name = String(node.ReferencedSymbol?.Name ?? node.Name?.SimpleName);
  const expanded = expandFunctionCall(node, env.ctx, (argument, tabular) =>
    tabular
      ? { kind: 'table', table: () => env.ctx.evaluateTabular(argument, env.ctx) }
      : { kind: 'scalar', value: compile(argument, env) });
  if (expanded) {
    const bodyCtx = bindLetStatements(expanded.body.Statements, expanded.ctx, env.schema, compile);
    return compile(expanded.body.Expression, { ctx: bodyCtx, schema: env.schema });
  }
  const impl = SCALAR_FUNCTIONS.get(name);
  if (!impl) return env.ctx.unsupported(node, name, 'function');
  const argNodes = elementsOf(node.ArgumentList.Expressions);
  const args = argNodes.map((argument) => compile(argument, env));
  const resultType = asScalarType(scalarTypeName(node.ResultType)) ?? 'dynamic';
  return impl({ node, name, args, argNodes, resultType, env });
}

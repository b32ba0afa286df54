/**
 * Property and element access on dynamic values: `d.a`, `d["a"]`, `d.["http://x"]`, `arr[0]`,
 * `arr[-1]`. Anything missing, or the wrong shape, is null, as in Kusto.
 */
import { KNode, nodeClass, simpleName } from '../syntax';
import { elementAt, propertyOf } from '../values/dynamic';
import { Compiled, CompileEnv, derived, RowFn, ScalarCompiler } from './compiled';

export function compilePath(node: KNode, env: CompileEnv, compile: ScalarCompiler): Compiled {
  const target = compile(node.Expression, env);
  if (target.type !== 'dynamic') {
    return env.ctx.unsupported(node, `.${simpleName(node.Selector)}`, `property access on a ${target.type} value`);
  }
  const key = simpleName(node.Selector);
  const get = target.fn;
  return derived((row) => propertyOf(get(row), key), 'dynamic', [target]);
}

export function compileElement(node: KNode, env: CompileEnv, compile: ScalarCompiler): Compiled {
  const target = compile(node.Expression, env);
  const selectorNode: KNode = nodeClass(node.Selector) === 'BracketedExpression' ? node.Selector.Expression : node.Selector;
  const selector = compile(selectorNode, env);
  if (target.type !== 'dynamic') {
    return env.ctx.unsupported(node, '[]', `indexing a ${target.type} value`);
  }
  const get = target.fn;
  const at = selector.fn;
  const fn: RowFn = (row) => {
    const value = get(row);
    const index = at(row);
    if (typeof index === 'number') return elementAt(value, index);
    if (typeof index === 'string') return propertyOf(value, index);
    return null;
  };
  return derived(fn, 'dynamic', [target, selector]);
}

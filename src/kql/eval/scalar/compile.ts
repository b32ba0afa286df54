/**
 * The scalar compiler: turns one bound expression node into a closure over a row, once per query.
 * Dispatch is on the node class and, for operators, on the SyntaxKind Kusto.Language assigned.
 */
import { KNode, nodeClass, simpleName, syntaxKind } from '../syntax';
import { asScalarType } from '../values/types';
import { scalarTypeName } from '../syntax';
import { compileElement, compilePath } from './access';
import { compileArithmetic, compileEquality, compileLogical, compileOrdering } from './arithmetic';
import { compileCall } from './calls';
import { Compiled, CompileEnv, constant, derived } from './compiled';
import { compileLiteral, dynamicLiteral } from './literals';
import { compileBetween, compileHasAnyAll, compileIn } from './set-operators';
import { compileMatchesRegex, compileStringPredicate, isStringPredicate } from './string-operators';

export function compileScalar(node: KNode, env: CompileEnv): Compiled {
  const substituted = env.substitutions?.get(node);
  if (substituted) return substituted;
  switch (nodeClass(node)) {
    case 'LiteralExpression':
    case 'CompoundStringLiteralExpression':
      return compileLiteral(node, env.ctx);
    case 'DynamicExpression':
      return constant(dynamicLiteral(node.Expression, env.ctx), 'dynamic');
    case 'ParenthesizedExpression':
      return compileScalar(node.Expression, env);
    case 'SimpleNamedExpression':
      return compileScalar(node.Expression, env);
    case 'NameReference':
      return compileNameReference(node, env);
    case 'BinaryExpression':
      return compileBinary(node, env);
    case 'PrefixUnaryExpression':
      return compileUnary(node, env);
    case 'InExpression':
      return compileIn(node, env, compileScalar);
    case 'HasAnyExpression':
      return compileHasAnyAll(node, env, compileScalar, false);
    case 'HasAllExpression':
      return compileHasAnyAll(node, env, compileScalar, true);
    case 'BetweenExpression':
      return compileBetween(node, env, compileScalar);
    case 'FunctionCallExpression':
      return compileCall(node, env, compileScalar);
    case 'PathExpression':
      return compilePath(node, env, compileScalar);
    case 'ElementExpression':
      return compileElement(node, env, compileScalar);
    case 'ToScalarExpression':
      return compileToScalar(node, env);
    case 'TypeOfLiteralExpression':
      // typeof(int) as an argument (extract's result type): the binder already typed the call.
      return constant(scalarTypeName(node.ReferencedSymbol), 'string');
    default:
      return env.ctx.unsupported(node, nodeClass(node), 'expression');
  }
}

function compileNameReference(node: KNode, env: CompileEnv): Compiled {
  const name = simpleName(node);
  const symbolKind = nodeClass(node.ReferencedSymbol ?? {});
  if (symbolKind === 'ColumnSymbol') {
    const index = env.schema.indexOf(name);
    if (index < 0) {
      return env.ctx.fail(node, name, `column '${name}' is not in the input at this point (columns: ${env.schema.columns.map((c) => c.name).join(', ')})`);
    }
    return { fn: (row) => row[index], type: env.schema.columns[index].type, constant: false };
  }
  const binding = env.ctx.scope.lookup(name);
  if (binding?.kind === 'scalar') return binding.value;
  if (binding?.kind === 'table') return env.ctx.fail(node, name, `'${name}' is a table, used where a scalar is expected`);
  return env.ctx.unsupported(node, name, symbolKind === 'TableSymbol' ? 'table reference in a scalar expression' : 'name');
}

function compileBinary(node: KNode, env: CompileEnv): Compiled {
  const kind = syntaxKind(node);
  const left = compileScalar(node.Left, env);
  const right = compileScalar(node.Right, env);
  switch (kind) {
    case 'AddExpression': case 'SubtractExpression': case 'MultiplyExpression': case 'DivideExpression': case 'ModuloExpression':
      return compileArithmetic(kind, left, right, asScalarType(scalarTypeName(node.ResultType)) ?? 'real');
    case 'EqualExpression': return compileEquality(false, left, right);
    case 'NotEqualExpression': return compileEquality(true, left, right);
    case 'LessThanExpression': case 'LessThanOrEqualExpression': case 'GreaterThanExpression': case 'GreaterThanOrEqualExpression':
      return compileOrdering(kind, left, right);
    case 'AndExpression': return compileLogical('and', left, right);
    case 'OrExpression': return compileLogical('or', left, right);
    case 'MatchesRegexExpression': return compileMatchesRegex(node, env.ctx, left, right);
    default:
      if (isStringPredicate(kind)) return compileStringPredicate(kind, left, right);
      return env.ctx.unsupported(node, String(node.Operator?.Text ?? kind), 'operator');
  }
}

function compileUnary(node: KNode, env: CompileEnv): Compiled {
  const operand = compileScalar(node.Expression, env);
  if (syntaxKind(node) === 'UnaryPlusExpression') return operand;
  const fn = operand.fn;
  return derived((row) => { const v = fn(row); return v === null || v === undefined ? null : -(v as number); }, operand.type, [operand]);
}

/** toscalar(T): the first column of the first row of a tabular expression, evaluated once. */
function compileToScalar(node: KNode, env: CompileEnv): Compiled {
  const table = env.ctx.evaluateTabular(node.Expression, env.ctx);
  const type = table.columns[0]?.type ?? 'dynamic';
  const value = table.rows.length > 0 ? table.rows[0][0] : type === 'string' ? '' : null;
  return constant(value, type);
}

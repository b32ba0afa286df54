/**
 * `let` statements, at the top of a query or inside a function body. Each let opens a new scope, so a
 * later `let x` shadows an earlier one without changing what earlier bindings already captured.
 * Tabular lets are evaluated on first use and then reused (the result is deterministic, so this
 * is what Kusto computes, whether or not the query says materialize()).
 */
import { EvalContext } from './context';
import { elementsOf, isTabularType, KNode, nodeClass, simpleName } from './syntax';
import { RowSchema, ScalarCompiler } from './scalar/compiled';
import { Table } from './values/types';

export function bindLetStatements(list: KNode | null | undefined, ctx: EvalContext, schema: RowSchema, compile: ScalarCompiler): EvalContext {
  let current = ctx;
  for (const statement of elementsOf(list)) {
    if (nodeClass(statement) !== 'LetStatement') current.unsupported(statement, nodeClass(statement), 'statement');
    current = bindLet(statement, current, schema, compile);
  }
  return current;
}

function bindLet(statement: KNode, ctx: EvalContext, schema: RowSchema, compile: ScalarCompiler): EvalContext {
  const name = simpleName(statement.Name);
  const expression = statement.Expression as KNode;
  const scope = ctx.scope.child();
  // Function declarations bind nothing: each call is expanded by Kusto.Language where it happens.
  if (nodeClass(expression) === 'FunctionDeclaration') return ctx.withScope(scope);
  if (isTabularType(expression.ResultType)) {
    let cached: Table | undefined;
    scope.bind(name, { kind: 'table', table: () => (cached ??= ctx.evaluateTabular(expression, ctx)) });
  } else {
    scope.bind(name, { kind: 'scalar', value: compile(expression, { ctx, schema }) });
  }
  return ctx.withScope(scope);
}
